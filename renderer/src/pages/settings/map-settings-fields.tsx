import { useId } from 'react';
import {
  DEFAULT_MAP_SETTINGS,
  MAX_WAYPOINT_NAME_MAX,
  MIN_WAYPOINT_NAME_MAX,
  type MapSettings,
} from '../../../../shared/basemap/map-settings';
import type { BasemapState } from '../../../../shared/basemap/basemap.types';
import { FIELD_TOLERANCE_LIMITS, fieldTolerancesSchema } from '../../../../shared/field/field.types';

/** The map part of Settings as the form holds it: the path and the name length as typed. */
export type MapDraft = {
  basemapFile: string;
  printBasemap: MapSettings['printBasemap'];
  waypointNameMax: string;
  writeKmz: boolean;
  stakedOkFt: string;
  stakedMatchFt: string;
};

export function mapDraft(settings: MapSettings | undefined): MapDraft {
  const value = settings ?? DEFAULT_MAP_SETTINGS;
  return {
    basemapFile: value.basemapFile ?? '',
    printBasemap: value.printBasemap,
    waypointNameMax: String(value.waypointNameMax),
    writeKmz: value.writeKmz,
    stakedOkFt: String(value.stakedOkFt),
    stakedMatchFt: String(value.stakedMatchFt),
  };
}

/** The fields that changed, or why the draft cannot be saved. Whether the file opens is main's to say. */
export function mapPatch(draft: MapDraft, saved: MapSettings | undefined): { patch: Partial<MapSettings> } | { problem: string } {
  const current = saved ?? DEFAULT_MAP_SETTINGS;
  const max = /^\s*\d+\s*$/.test(draft.waypointNameMax) ? Number(draft.waypointNameMax) : Number.NaN;
  if (!(max >= MIN_WAYPOINT_NAME_MAX && max <= MAX_WAYPOINT_NAME_MAX)) {
    return { problem: `Waypoint names: enter a whole number of characters from ${MIN_WAYPOINT_NAME_MAX} to ${MAX_WAYPOINT_NAME_MAX}.` };
  }
  const feet = (text: string, key: keyof typeof FIELD_TOLERANCE_LIMITS): number => {
    const value = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
    return fieldTolerancesSchema.shape[key].safeParse(value).success ? value : Number.NaN;
  };
  const range = (key: keyof typeof FIELD_TOLERANCE_LIMITS) => `${FIELD_TOLERANCE_LIMITS[key].min} to ${FIELD_TOLERANCE_LIMITS[key].max.toLocaleString('en-US')}`;
  const [okFt, matchFt] = [feet(draft.stakedOkFt, 'okFt'), feet(draft.stakedMatchFt, 'matchFt')];
  if (Number.isNaN(okFt)) return { problem: `Staked posts OK within: enter feet from ${range('okFt')}.` };
  if (Number.isNaN(matchFt)) return { problem: `Staked points matched within: enter feet from ${range('matchFt')}.` };
  const next: MapSettings = {
    ...current,
    basemapFile: draft.basemapFile.trim() || null,
    printBasemap: draft.printBasemap,
    waypointNameMax: max,
    writeKmz: draft.writeKmz,
    stakedOkFt: okFt,
    stakedMatchFt: matchFt,
  };
  const patch = Object.fromEntries(Object.entries(next).filter(([key, value]) => value !== current[key as keyof MapSettings]));
  return { patch };
}

function describe(state: BasemapState | null): string | null {
  const info = state?.basemap;
  if (!info) return null;
  const kind = info.type === 'raster' ? `raster ${info.format.toUpperCase()}` : 'vector';
  return `${info.name}: ${kind} ${info.container === 'mbtiles' ? 'MBTiles' : 'PMTiles'}, zoom ${info.minzoom}–${info.maxzoom}${info.attribution ? `, ${info.attribution}` : ''}.`;
}

export function MapSettingsFields({ draft, basemap, onChange }: { draft: MapDraft; basemap: BasemapState | null; onChange: (patch: Partial<MapDraft>) => void }) {
  const id = useId();
  const opened = describe(basemap);
  return (
    <fieldset className="settings-group">
      <legend>Maps and field files</legend>
      <div className="form-field">
        <label htmlFor={`${id}-file`}>Offline basemap file (MBTiles or PMTiles)</label>
        <input
          id={`${id}-file`}
          type="text"
          value={draft.basemapFile}
          spellCheck={false}
          placeholder="/home/you/maps/usgs-topo.mbtiles"
          aria-describedby={`${id}-file-hint`}
          data-testid="settings-basemap-file"
          onChange={(event) => onChange({ basemapFile: event.target.value })}
        />
        <span id={`${id}-file-hint`} className="form-field__hint muted" data-testid="settings-basemap-file-info">
          {basemap?.problem ?? opened ?? 'The full path of a tiles file on this computer, raster or vector; shown under the claims with no network. Empty: none.'}
        </span>
      </div>
      <div className="settings-row">
        <div className="form-field">
          <label htmlFor={`${id}-print`}>Raster basemap on printed maps</label>
          <select id={`${id}-print`} value={draft.printBasemap} data-testid="settings-print-basemap" onChange={(event) => onChange({ printBasemap: event.target.value as MapDraft['printBasemap'] })}>
            <option value="field-map">Field map only</option>
            <option value="both">Field map and claim map</option>
            <option value="none">Neither</option>
          </select>
        </div>
        <div className="form-field settings-number">
          <label htmlFor={`${id}-wpt`}>GPS waypoint names, characters</label>
          <input
            id={`${id}-wpt`}
            type="number"
            min={MIN_WAYPOINT_NAME_MAX}
            max={MAX_WAYPOINT_NAME_MAX}
            value={draft.waypointNameMax}
            aria-describedby={`${id}-wpt-hint`}
            data-testid="settings-waypoint-name-max"
            onChange={(event) => onChange({ waypointNameMax: event.target.value })}
          />
          <span id={`${id}-wpt-hint`} className="form-field__hint muted">
            10 for older Garmin units (eTrex, GPSMAP 60), 30 for newer ones.
          </span>
        </div>
      </div>
      <div className="settings-row">
        <div className="form-field settings-number">
          <label htmlFor={`${id}-ok`}>Staked posts OK within, ft</label>
          <input id={`${id}-ok`} type="number" min={FIELD_TOLERANCE_LIMITS.okFt.min} max={FIELD_TOLERANCE_LIMITS.okFt.max} value={draft.stakedOkFt} data-testid="settings-staked-ok-ft" onChange={(event) => onChange({ stakedOkFt: event.target.value })} />
          <span className="form-field__hint muted">Farther from where it was planned, a post is “moved”. Handheld GPS reads 8–26 ft off.</span>
        </div>
        <div className="form-field settings-number">
          <label htmlFor={`${id}-match`}>Unnamed points matched within, ft</label>
          <input id={`${id}-match`} type="number" min={FIELD_TOLERANCE_LIMITS.matchFt.min} max={FIELD_TOLERANCE_LIMITS.matchFt.max} value={draft.stakedMatchFt} data-testid="settings-staked-match-ft" onChange={(event) => onChange({ stakedMatchFt: event.target.value })} />
          <span className="form-field__hint muted">A waypoint without a post’s name is taken for the nearest post this close.</span>
        </div>
      </div>
      <label className="settings-check">
        <input type="checkbox" checked={draft.writeKmz} data-testid="settings-write-kmz" onChange={(event) => onChange({ writeKmz: event.target.checked })} />
        Add claims.kmz to packages: the claims with the claim map laid over Google Earth
      </label>
    </fieldset>
  );
}
