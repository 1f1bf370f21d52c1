/**
 * Settings for maps and the files field crews load: the offline basemap file, which basemap the map shows,
 * whether printed maps carry the raster basemap, how long GPX / KML waypoint names may be, and whether the
 * package includes a KMZ with the claim map as a ground overlay.
 */
import { z } from 'zod';
import { DEFAULT_FIELD_TOLERANCES, fieldTolerancesSchema } from '../field/field.types';

/** Older Garmin handhelds (eTrex H/Legacy, GPSMAP 60/76) keep 10 characters of a waypoint name; newer ones 30. */
export const DEFAULT_WAYPOINT_NAME_MAX = 10;
/** Below six characters a long P-number ("P1234 ") would no longer fit, and the names must stay unique. */
export const MIN_WAYPOINT_NAME_MAX = 6;
export const MAX_WAYPOINT_NAME_MAX = 30;

export const BASEMAP_CHOICES = ['offline', 'online', 'none'] as const;
export type BasemapChoice = (typeof BASEMAP_CHOICES)[number];

export const mapSettingsSchema = z.object({
  /** Full path of an MBTiles or PMTiles file; null: none. */
  basemapFile: z.string().max(4096).nullable(),
  /** What the map shows, chosen on the map itself; null: the offline file when there is one, else the online one. */
  basemapShown: z.enum(BASEMAP_CHOICES).nullable(),
  /**
   * Which PDF maps carry the raster basemap under the drawing. The field map by default: the claim map is
   * recorded, and recorders photocopy in black and white (Alaska asks for black and white outright).
   */
  printBasemap: z.enum(['none', 'field-map', 'both']),
  waypointNameMax: z.number().int().min(MIN_WAYPOINT_NAME_MAX).max(MAX_WAYPOINT_NAME_MAX),
  /** Add claims.kmz: the KML plus the claim map's sheets as ground overlays for Google Earth. */
  writeKmz: z.boolean(),
  /** Field work: a staked post within this many ground feet of its planned position is ok (handheld GPS error). */
  stakedOkFt: fieldTolerancesSchema.shape.okFt,
  /** Field work: a point with no post's name is taken for the nearest planned post only this close (ground feet). */
  stakedMatchFt: fieldTolerancesSchema.shape.matchFt,
});
export type MapSettings = z.infer<typeof mapSettingsSchema>;

export const DEFAULT_MAP_SETTINGS: MapSettings = {
  basemapFile: null,
  basemapShown: null,
  printBasemap: 'field-map',
  waypointNameMax: DEFAULT_WAYPOINT_NAME_MAX,
  writeKmz: false,
  stakedOkFt: DEFAULT_FIELD_TOLERANCES.okFt,
  stakedMatchFt: DEFAULT_FIELD_TOLERANCES.matchFt,
};

/** The basemap the map draws, from what is configured and what was chosen. */
export function shownBasemap(maps: Pick<MapSettings, 'basemapFile' | 'basemapShown'>, basemapUrl: string | null): BasemapChoice {
  const available = { offline: maps.basemapFile !== null, online: basemapUrl !== null, none: true };
  if (maps.basemapShown && available[maps.basemapShown]) return maps.basemapShown;
  return available.offline ? 'offline' : available.online ? 'online' : 'none';
}
