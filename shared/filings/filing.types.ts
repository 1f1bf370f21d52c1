/**
 * Recording and filing after delivery, as the app and main exchange them: what staff enter (the county recording,
 * the BLM filing with a serial number per claim) and what a delivered job shows (the package as recorded, the
 * deadlines, the entries made). Money in cents, days as 'YYYY-MM-DD' on the desk's calendar.
 */
import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date';

const day = z.string().refine(isCalendarDate, 'A date as YYYY-MM-DD');
const cents = z.number().int().min(0).max(100_000_000);
const reference = z.string().trim().max(60).nullable();
const jobId = z.number().int().positive();

export const countyRecordingFormSchema = z
  .object({
    jobId,
    recordedOn: day,
    /** The county recorder, or in Alaska the recording district (AS 27.10.050). */
    office: z.string().trim().min(1, 'Name the county or recording district.').max(120),
    instrumentNumber: reference,
    book: reference,
    page: reference,
    feePaidCents: cents,
  })
  .strict();
export type CountyRecordingForm = z.infer<typeof countyRecordingFormSchema>;

/** As BLM has it: the claims with their serial numbers, the date of location and the claimants the filing names. */
export const blmFilingFormSchema = z
  .object({
    jobId,
    filedOn: day,
    claims: z.array(z.object({ name: z.string().trim().min(1).max(200), serial: z.string().trim().max(40) }).strict()).min(1).max(2000),
    dateOfLocation: day,
    claimants: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
    feesPaidCents: cents,
  })
  .strict();
export type BlmFilingForm = z.infer<typeof blmFilingFormSchema>;

const dueSchema = z.object({ date: z.string(), citation: z.string() });

export const countyRecordingSchema = countyRecordingFormSchema.omit({ jobId: true }).extend({ enteredBy: z.string(), enteredAt: z.string() });
export type CountyRecording = z.infer<typeof countyRecordingSchema>;

export const blmFilingSchema = z.object({
  filedOn: z.string(),
  feesPaidCents: z.number().int(),
  serials: z.array(z.object({ claimName: z.string(), serial: z.string() })),
  enteredBy: z.string(),
  enteredAt: z.string(),
});
export type BlmFilingEntry = z.infer<typeof blmFilingSchema>;

export const jobFilingsSchema = z.object({
  jobId: z.number().int(),
  /** Delivered (or recorded, filed): recording and filing can be entered. */
  open: z.boolean(),
  /** Claims on federal land are filed with BLM; State of Alaska land is not (DNR, AS 38.05.195). */
  blm: z.boolean(),
  /** What the package printed: the claims, date of location and claimants the filings are checked against. */
  recordedPackage: z
    .object({
      claimNames: z.array(z.string()),
      dateOfLocation: z.string(),
      claimants: z.array(z.string()),
      /** "Pershing County", or the Alaska recording district. */
      office: z.string(),
      recordingDue: dueSchema.nullable(),
      blmDue: dueSchema.nullable(),
      /** What BLM's fee schedule says is due at filing; null when unknown. */
      blmFeesDueCents: z.number().int().nullable(),
    })
    .nullable(),
  recording: countyRecordingSchema.nullable(),
  blmFiling: blmFilingSchema.nullable(),
  /** What staff should know about the entries made (a late recording, with the statute). */
  warnings: z.array(z.string()),
});
export type JobFilings = z.infer<typeof jobFilingsSchema>;

/** "15", "15.5", "$1,644.00" → cents; null for anything else (a negative sum, three decimals, words). */
export function parseUsd(text: string): number | null {
  const match = /^\$?\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const whole = Number((match[1] ?? '').replace(/,/g, ''));
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + cents;
}

/** Cents as typed back into a form ("1644.00"). */
export function usdText(cents: number): string {
  return (cents / 100).toFixed(2);
}
