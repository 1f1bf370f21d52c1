/**
 * The Public Land Survey System as ClaimDesk keeps it: parts of BLM's CadNSDI (townships, sections, aliquot parts
 * and lots) imported per state into the local cache, and the shapes the lookups, descriptions, maps and checks
 * share. Coordinates are WGS84 lon/lat (CadNSDI is published in NAD83; the two differ by about a metre, below what
 * a corner post is set to, as everywhere else in ClaimDesk).
 */
import { z } from 'zod';

/** The CadNSDI layer a part came from: PLSSTownship, PLSSFirstDivision, PLSSSecondDivision (or PLSSIntersected). */
export const PLSS_LAYERS = ['township', 'section', 'second'] as const;
export const plssLayerSchema = z.enum(PLSS_LAYERS);
export type PlssLayer = z.infer<typeof plssLayerSchema>;

/**
 * What a part is: a township; a section (FRSTDIVTYP "SN"); an aliquot part ("NENE", "N2NE"); a government lot
 * ("L3"); or any other first or second division (protraction block, tract, mineral survey…), kept for drawing only.
 */
export const plssKindSchema = z.enum(['township', 'section', 'aliquot', 'lot', 'other']);
export type PlssKind = z.infer<typeof plssKindSchema>;

const positionSchema = z.tuple([z.number(), z.number()]);

export const plssPartSchema = z.object({
  id: z.number().int(),
  layer: plssLayerSchema,
  kind: plssKindSchema,
  state: z.string(),
  meridianCode: z.string(),
  /** "Mount Diablo Meridian" (shared/plss/meridians.ts). */
  meridian: z.string(),
  /** CadNSDI PLSSID of the township, e.g. "NV210390N0550E0". */
  plssId: z.string(),
  /** "39N", "55E" (a fractional township keeps its fraction: "39½N"). */
  township: z.string(),
  range: z.string(),
  section: z.number().int().nullable(),
  /** Aliquot "NENE", lot "L3", section "12", or the file's label for other divisions. */
  label: z.string().nullable(),
  /** Polygons → rings → lon/lat positions (outer ring first). */
  polygons: z.array(z.array(z.array(positionSchema))),
});
export type PlssPart = z.infer<typeof plssPartSchema>;

/** One imported layer of one state, as the notes and Settings describe where a description came from. */
export const plssLayerInfoSchema = z.object({
  state: z.string(),
  layer: plssLayerSchema,
  /** ISO date of the data: the newest REVISEDDATE / SOURCEDATE in the file, else the file's own date. */
  dataDate: z.string().nullable(),
  importedAt: z.string(),
  source: z.string(),
  features: z.number().int(),
});
export type PlssLayerInfo = z.infer<typeof plssLayerInfoSchema>;

/** The PLSS around some claims: every imported part whose box meets the area asked for. */
export const plssAreaSchema = z.object({
  parts: z.array(plssPartSchema),
  layers: z.array(plssLayerInfoSchema),
});
export type PlssArea = z.infer<typeof plssAreaSchema>;

export const EMPTY_PLSS_AREA: PlssArea = { parts: [], layers: [] };

/** `claimdesk plss lookup --json`: exactly these keys. */
export interface PlssLookupResult {
  state: string;
  meridian: string;
  meridian_code: string;
  township: string;
  range: string;
  section: number | null;
  aliquot: string | null;
  lot: string | null;
}

export const bboxSchema = z
  .object({
    minLon: z.number().min(-180).max(180),
    minLat: z.number().min(-90).max(90),
    maxLon: z.number().min(-180).max(180),
    maxLat: z.number().min(-90).max(90),
  })
  .strict();
export type Bbox = z.infer<typeof bboxSchema>;
