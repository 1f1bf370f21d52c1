/** What the app shows and exchanges about packages: a job's current package, file contents, batch exports. */
import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date';
import { orderKeySchema } from '../domain/order.types';
import { manifestSchema, packageProblemSchema } from './package-files';

export const packageInfoSchema = z.object({
  jobId: z.number().int(),
  /** Absolute path of the package folder. */
  folder: z.string(),
  generation: z.number().int(),
  generatedAt: z.string(),
  manifest: manifestSchema,
});
export type PackageInfo = z.infer<typeof packageInfoSchema>;

export const packageFileRequestSchema = z
  .object({ jobId: z.number().int().positive(), name: z.string().min(1).max(200) })
  .strict();

export const packageFileContentSchema = z.object({
  name: z.string(),
  mediaType: z.string(),
  /** Base64: IPC and the browser host's JSON bridge carry text, and previews are a few hundred KB. */
  base64: z.string(),
});
export type PackageFileContent = z.infer<typeof packageFileContentSchema>;

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-08-15.')
  .refine(isCalendarDate, 'Not a calendar date.');

export const exportRequestSchema = z
  .object({
    orders: z.array(orderKeySchema).min(1).max(5_000),
    /** Replaces each order's date of location in this export. */
    dateOfLocation: isoDateSchema.optional(),
  })
  .strict();
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const EXPORT_OUTCOMES = ['exported', 'skipped', 'failed', 'cancelled'] as const;

export const exportResultSchema = z.object({
  orderType: orderKeySchema.shape.orderType,
  orderId: z.number().int(),
  orderNumber: z.string(),
  outcome: z.enum(EXPORT_OUTCOMES),
  /** Absolute folder of the exported package (exported only). */
  folder: z.string().nullable(),
  source: z.enum(['job', 'order', 'layout']).nullable(),
  /** Why it was skipped or failed. */
  reasons: z.array(z.string()),
  /** Parts of an exported package that could not be made. */
  problems: z.array(packageProblemSchema),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const exportReportSchema = z.object({
  outDir: z.string(),
  results: z.array(exportResultSchema),
  cancelled: z.boolean(),
});
export type ExportReport = z.infer<typeof exportReportSchema>;

export const exportProgressSchema = z.object({
  total: z.number().int(),
  done: z.number().int(),
  running: z.boolean(),
  /** The latest result, for a live list. */
  last: exportResultSchema.nullable(),
  outDir: z.string().nullable(),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;

export const packageProgressSchema = z.object({
  jobId: z.number().int(),
  done: z.number().int(),
  total: z.number().int(),
  /** The document just finished, for "Corner cards done (2 of 8)". */
  document: z.string(),
});
export type PackageProgress = z.infer<typeof packageProgressSchema>;
