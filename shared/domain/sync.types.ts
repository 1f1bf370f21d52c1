import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import type { OrderKey } from './order.types';

export const errorInfoSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });

export const syncProgressSchema = z.object({
  stage: z.enum(['connecting', 'downloading', 'validating', 'saving', 'waiting-to-retry']),
  /** Items finished in this stage, and how many there are (0 when not known yet). */
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const syncReportSchema = z.object({
  /** 'unchanged' when the server answered "nothing changed" (304) to a repeated pull. */
  outcome: z.enum(['updated', 'unchanged']),
  received: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Orders the server stopped listing in this sync (marked gone, never deleted). */
  gone: z.number().int(),
  /** Gone orders that came back. */
  returned: z.number().int(),
  withProblems: z.number().int(),
  /** Entries of the payload that could not be stored at all (no usable order type or id), with why. */
  skipped: z.array(z.object({ index: z.number().int(), reason: z.string() })),
  duplicates: z.number().int(),
  attempts: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type SyncReport = z.infer<typeof syncReportSchema>;

export const syncStatusSchema = z.object({
  state: z.enum(['idle', 'syncing', 'offline', 'error']),
  progress: syncProgressSchema.nullable(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /** Why the last attempt failed; null after a success. */
  error: errorInfoSchema.nullable(),
  /** Every order in the cache, gone ones included (the same count as OrderQueryResult.totalCached). */
  cachedOrders: z.number().int(),
  /** What the last successful sync in this run of the app did, whoever started it (null until one succeeds). */
  lastReport: syncReportSchema.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** The orders a sync found that the cache did not have: how many, and the first few (oldest first) by key and number. */
export interface NewOrders {
  count: number;
  first: { key: OrderKey; orderNumber: string }[];
}
