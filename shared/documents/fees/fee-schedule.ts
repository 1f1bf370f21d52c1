/**
 * BLM fee schedules are DATA (fee-schedules.json) with an effective date, never constants in code: the
 * processing fee is adjusted every 1 October and the location / maintenance fees by rule (research 1.5, 6).
 * Adding a schedule is a data change: append an entry with its sources; the one in effect on the date of
 * location (or the preparation date when that is unknown) is used and its version is written to the manifest.
 */
import { z } from 'zod';
import data from './fee-schedules.json';

export const feeScheduleSchema = z.object({
  /** Stable id written to manifests, e.g. "blm-2024-09". */
  version: z.string().min(1),
  /** ISO date the amounts apply from (inclusive). */
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  currency: z.literal('USD'),
  /** One-time location fee per claim or site (43 CFR 3830.21(a)). */
  locationFee: z.number().nonnegative(),
  /** Initial maintenance fee per lode claim / site, and per `placerAcresPerUnit` acres (or part) of a placer. */
  initialMaintenanceFee: z.number().nonnegative(),
  /** Processing fee for a notice of location (43 CFR 3000.12), per claim. */
  processingFee: z.number().nonnegative(),
  /** Annual maintenance fee due by 1 September, same units as the initial one. */
  annualMaintenanceFee: z.number().nonnegative(),
  placerAcresPerUnit: z.number().positive(),
  /** Processing fee per claim for a small-miner waiver filing (Form 3830-2). */
  waiverProcessingFee: z.number().nonnegative().nullable(),
  sources: z.array(z.string().url()).min(1),
  notes: z.array(z.string()),
});
export type FeeSchedule = z.infer<typeof feeScheduleSchema>;

export const feeSchedulesSchema = z.object({ schedules: z.array(feeScheduleSchema).min(1) });

/** Parsed once; a malformed data file fails loudly at start rather than printing wrong fees. */
export const FEE_SCHEDULES: readonly FeeSchedule[] = feeSchedulesSchema
  .parse(data)
  .schedules.slice()
  .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));

/** The schedule in effect on `isoDate`; before the first one on file, the first one (and callers say so). */
export function feeScheduleFor(isoDate: string, schedules: readonly FeeSchedule[] = FEE_SCHEDULES): FeeSchedule {
  let chosen = schedules[0]!;
  for (const schedule of schedules) if (schedule.effectiveFrom <= isoDate) chosen = schedule;
  return chosen;
}
