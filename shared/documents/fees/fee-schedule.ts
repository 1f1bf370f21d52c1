/**
 * BLM fee schedules are DATA (fee-schedules.json) with an effective date, never constants in code: the location
 * and maintenance fees change by rule (e.g. $40 / $165 to $49 / $200 on 1 July 2024, 89 FR 54364) and the
 * processing fee every 1 October (43 CFR 3000.12). The schedule in effect on the date of location is the one a
 * package uses; a date before the first schedule on file gets none, never a later schedule's amounts. Adding a
 * schedule is a data change: append an entry with its sources.
 */
import { z } from 'zod';
import data from './fee-schedules.json';
import { daysBetween } from '../calendar';

export const feeScheduleSchema = z.object({
  /** Stable id written to manifests, e.g. "blm-2024-10". */
  version: z.string().min(1),
  /** ISO date the amounts apply from (inclusive). */
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  currency: z.literal('USD'),
  /** One-time location fee per claim or site (43 CFR 3830.21(a)). */
  locationFee: z.number().nonnegative(),
  /** Initial maintenance fee per lode claim / site, and per `placerAcresPerUnit` acres (or part) of a placer. */
  initialMaintenanceFee: z.number().nonnegative(),
  /** Processing fee for a notice of location (43 CFR 3000.12), per claim; null when not on file for the period. */
  processingFee: z.number().nonnegative().nullable(),
  /** Annual maintenance fee due by 1 September, same units as the initial one. */
  annualMaintenanceFee: z.number().nonnegative(),
  placerAcresPerUnit: z.number().positive(),
  /**
   * Fee per claim for an annual FLPMA filing: the affidavit of assessment work or notice of intent to hold that
   * follows a small-miner waiver (43 CFR 3830.21(e)); null when not on file. The waiver form itself is free.
   */
  annualFilingFee: z.number().nonnegative().nullable(),
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

/** The schedule in effect on `isoDate`; null before the first one on file (the sheet then says so). */
export function feeScheduleFor(isoDate: string, schedules: readonly FeeSchedule[] = FEE_SCHEDULES): FeeSchedule | null {
  let chosen: FeeSchedule | null = null;
  for (const schedule of schedules) if (schedule.effectiveFrom <= isoDate) chosen = schedule;
  return chosen;
}

/** A schedule this much older than the preparation date may be out of date (the processing fee moves yearly). */
export const STALE_SCHEDULE_DAYS = 365;

/**
 * A warning when the NEWEST schedule on file took effect more than a year before `preparedOn`: BLM has probably
 * adjusted its processing fee since, and nobody has added the new schedule.
 */
export function staleScheduleWarning(preparedOn: string, schedules: readonly FeeSchedule[] = FEE_SCHEDULES): string | null {
  const newest = schedules[schedules.length - 1];
  if (!newest) return null;
  const age = daysBetween(newest.effectiveFrom, preparedOn);
  if (age === null || age <= STALE_SCHEDULE_DAYS) return null;
  return (
    `The newest BLM fee schedule on file (${newest.version}) took effect on ${newest.effectiveFrom}, ${age} days before this package was ` +
    `prepared: BLM adjusts the processing fee every 1 October and the location and maintenance fees by rule, so check the current amounts ` +
    `with BLM and add the new schedule to ClaimDesk's fee data.`
  );
}
