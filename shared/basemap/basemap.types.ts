/**
 * An offline basemap: a tiles file on the staff member's disk (MBTiles or PMTiles), described from its own
 * metadata. The back-end reads the file; the renderer only ever sees this description and tile URLs on the
 * app's own origin, so the map needs no network and the CSP stays 'self'.
 */
import { z } from 'zod';

export const TILE_FORMATS = ['png', 'jpg', 'webp', 'pbf'] as const;
export const tileFormatSchema = z.enum(TILE_FORMATS);
export type TileFormat = z.infer<typeof tileFormatSchema>;

export const basemapInfoSchema = z.object({
  /** The file name without its folder, for messages and the map control. */
  fileName: z.string(),
  container: z.enum(['mbtiles', 'pmtiles']),
  /** From the metadata; the file name when it has none. */
  name: z.string(),
  format: tileFormatSchema,
  /** Raster tiles are images; vector tiles (pbf, Mapbox Vector Tile) are drawn with a plain style. */
  type: z.enum(['raster', 'vector']),
  minzoom: z.number().int().min(0).max(30),
  maxzoom: z.number().int().min(0).max(30),
  /** West, south, east, north in degrees (WGS84); null when the file does not say. */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  /** Plain text (any HTML in the file's metadata is reduced to its text); null when the file names nobody. */
  attribution: z.string().nullable(),
  /** Vector tiles only: the layers the file declares (vector_layers), for the generic style. */
  vectorLayers: z.array(z.object({ id: z.string(), geometry: z.enum(['point', 'line', 'polygon', 'unknown']) })),
});
export type BasemapInfo = z.infer<typeof basemapInfoSchema>;

/** What the map asks for: the file's description and where its tiles are served on the app's own origin. */
export const basemapStateSchema = z.object({
  /** Null: no file configured, or it could not be opened (see problem). */
  basemap: basemapInfoSchema.nullable(),
  /** Path template relative to the app's origin, e.g. /basemap/3f2a…/{z}/{x}/{y}. */
  tilePath: z.string().nullable(),
  /** Why a configured file is not shown (moved, unreadable), in words for staff. */
  problem: z.string().nullable(),
});
export type BasemapState = z.infer<typeof basemapStateSchema>;

/** HTML attribution ("<a href=…>© USGS</a>") as the text a reader sees. */
export function attributionText(html: string | null | undefined): string | null {
  if (!html) return null;
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&copy;/gi, '©')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text;
}
