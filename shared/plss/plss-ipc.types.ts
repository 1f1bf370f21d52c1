/** What the app's PLSS screens exchange with main: the import's progress and report, lookups and fills. */
import { z } from 'zod';
import { errorInfoSchema } from '../domain/sync.types';
import { plssLayerInfoSchema, plssLayerSchema } from './plss.types';

export const plssImportProgressSchema = z.object({
  file: z.string(),
  fileIndex: z.number().int(),
  files: z.number().int(),
  layer: z.string(),
  done: z.number().int(),
  total: z.number().int().nullable(),
  stored: z.number().int(),
});

export const plssImportReportSchema = z.object({
  files: z.array(z.string()),
  layers: z.array(z.object({ state: z.string(), layer: plssLayerSchema, features: z.number().int(), dataDate: z.string().nullable() })),
  skipped: z.number().int(),
  skippedExamples: z.array(z.string()),
});
export type PlssImportReportView = z.infer<typeof plssImportReportSchema>;

/** The import running in the background, its last outcome, and what is imported now. */
export const plssStatusSchema = z.object({
  /** Grows with every change: an answer and a pushed event may arrive out of order, the newer one wins. */
  version: z.number().int(),
  running: z.boolean(),
  progress: plssImportProgressSchema.nullable(),
  report: plssImportReportSchema.nullable(),
  error: errorInfoSchema.nullable(),
  layers: z.array(plssLayerInfoSchema),
});
export type PlssStatus = z.infer<typeof plssStatusSchema>;

export const plssLookupResultSchema = z.object({
  state: z.string(),
  meridian: z.string(),
  meridian_code: z.string(),
  township: z.string(),
  range: z.string(),
  section: z.number().int().nullable(),
  aliquot: z.string().nullable(),
  lot: z.string().nullable(),
});

export const fillModeSchema = z.enum(['if-blank', 'replace']);

/** Paths for an import: at most a few files at once, each an absolute path. */
export const plssImportRequestSchema = z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(20) }).strict();
