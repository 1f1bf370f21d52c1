/**
 * Deadlines as dated events: the package's obligations (obligations.ts, read from the one cited table) with
 * every yearly one expanded into its later years. The calendar file, the Deadlines page, the dashboard tile and
 * `claimdesk deadlines` all list these, so none of them can disagree with the fees-and-deadlines sheet, which
 * prints the first date of each from the same function.
 */
import { addCalendarMonths, daysBetween } from '../calendar';
import type { DueObligation, PackageObligations } from './obligations';
import type { Obligation } from './obligation.types';

/** The kind of filing, as staff filter and the CLI prints it. */
export type DeadlineKind = Obligation['category'];

export interface DeadlineEvent {
  /** `${obligationId}` for the first occurrence, `${obligationId}@${year}` for a later year's. */
  key: string;
  obligationId: string;
  kind: DeadlineKind;
  /** What to file or do (the later-years wording after the first year). */
  label: string;
  office: string;
  citation: string;
  /** ISO date. */
  due: string;
  /** 0 for the first date, 1 for a year later… */
  year: number;
  claimNames: string[];
  /** "Annual maintenance fee: $800.00 ($200.00 × 4 maintenance units)"; amounts of the first year's schedule. */
  feeLines: string[];
  notes: string[];
  optional: boolean;
  onlyWithWaiver: boolean;
}

export type DeadlineStatus = 'overdue' | 'due-soon' | 'upcoming' | 'done';

/** Days before a deadline when it counts as "due soon" (and the first reminder goes out). */
export const DUE_SOON_DAYS = 30;

function feeLines(o: DueObligation): string[] {
  return o.fees.map((f) => `${f.label}: ${f.cents === null ? 'amount not on file' : `$${(f.cents / 100).toFixed(2)}`} (${f.basis}; ${f.citation})`);
}

function event(o: DueObligation, due: string, year: number): DeadlineEvent {
  return {
    key: year === 0 ? o.id : `${o.id}@${due.slice(0, 4)}`,
    obligationId: o.id,
    kind: o.category,
    label: year > 0 && o.repeats?.laterLabel ? o.repeats.laterLabel : o.label,
    office: o.office,
    citation: o.citation,
    due,
    year,
    claimNames: o.claimNames,
    feeLines: feeLines(o),
    notes: o.notes,
    optional: o.optional,
    onlyWithWaiver: o.onlyWithWaiver,
  };
}

/**
 * Every dated deadline up to and including `through` (ISO), sorted by date. An obligation whose date cannot be
 * known yet (no date of location or discovery) has no event: the sheet says how to work it out instead.
 */
export function deadlineEvents(pkg: PackageObligations, through: string): DeadlineEvent[] {
  const events: DeadlineEvent[] = [];
  for (const o of pkg.obligations) {
    if (!o.date) continue;
    events.push(event(o, o.date, 0));
    if (!o.repeats) continue;
    for (let year = 1; ; year += 1) {
      const due = addCalendarMonths(o.date, 12 * year);
      if (due > through) break;
      events.push(event(o, due, year));
    }
  }
  return events.sort((a, b) => a.due.localeCompare(b.due) || a.key.localeCompare(b.key));
}

/** Overdue, due within DUE_SOON_DAYS, or later, on `today`; `done` when staff have recorded it as filed. */
export function deadlineStatus(due: string, today: string, done: boolean): DeadlineStatus {
  if (done) return 'done';
  const days = daysBetween(today, due) ?? 0;
  if (days < 0) return 'overdue';
  return days <= DUE_SOON_DAYS ? 'due-soon' : 'upcoming';
}

/** Kinds of filing whose completion staff record in ClaimDesk (the county recording and the BLM filing). */
export const TRACKED_KINDS: ReadonlySet<DeadlineKind> = new Set(['recording', 'blm-filing']);

export interface OpenDeadline extends DeadlineEvent {
  status: DeadlineStatus;
}

/**
 * What is still ahead of a package's claims on `today`: each obligation's next date on or after today (a yearly
 * one rolls on to its next year), plus a recording or BLM filing whose date has passed without staff recording
 * it (overdue until they do; `done` lists what they have recorded). A passed deadline ClaimDesk cannot know the
 * outcome of (monuments set, a fee paid) is not carried as overdue forever: the next year's takes its place.
 */
export function openDeadlines(pkg: PackageObligations, today: string, done: ReadonlySet<DeadlineKind> = new Set()): OpenDeadline[] {
  const yearAhead = addCalendarMonths(today, 13);
  const next = new Map<string, DeadlineEvent>();
  for (const e of deadlineEvents(pkg, yearAhead)) {
    const tracked = TRACKED_KINDS.has(e.kind);
    if (e.due < today && !(tracked && e.year === 0)) continue;
    if (!next.has(e.obligationId)) next.set(e.obligationId, e);
  }
  return [...next.values()]
    .map((e) => ({ ...e, status: deadlineStatus(e.due, today, TRACKED_KINDS.has(e.kind) && done.has(e.kind)) }))
    .filter((e) => e.status !== 'done' || e.due >= today)
    .sort((a, b) => a.due.localeCompare(b.due) || a.key.localeCompare(b.key));
}
