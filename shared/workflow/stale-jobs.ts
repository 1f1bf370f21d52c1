/**
 * Stale work (found by a scheduled check): a job nobody touched for `staleAfterDays`
 * (a setting; 0 turns the check off) is flagged on the dashboard. Nothing is changed or expired automatically;
 * the flag only asks a person to look.
 *
 * Which jobs: those waiting on a person (pulled, laying out, validated, documents ready, on hold, needs review).
 * Not queued (no job yet: the dashboard shows the oldest waiting order instead), not uploading (the outbox is
 * working on it, and its failures have their own count), not delivered or cancelled (finished).
 * "Untouched" is elapsed time since the last touch: the caller passes the later of the job's updatedAt and its
 * last transition, so it counts real inactivity in any time zone.
 */
import type { WorkflowState } from './workflow.types';

export const STALE_CANDIDATE_STATES = [
  'pulled',
  'laying_out',
  'validated',
  'documents_ready',
  'on_hold',
  'needs_review',
] as const satisfies readonly WorkflowState[];

const DAY_MS = 86_400_000;

export interface StaleCandidate {
  state: WorkflowState;
  /** ISO 8601 timestamp of the last change to the job or its workflow. */
  lastTouchedAt: string;
}

export interface Staleness {
  stale: boolean;
  /** Whole days since the last touch (0 for a touch in the future, i.e. clock skew); null when unreadable. */
  idleDays: number | null;
}

export interface StaleOptions {
  now: string | Date;
  staleAfterDays: number;
}

function timeOf(value: string | Date): number {
  return typeof value === 'string' ? Date.parse(value) : value.getTime();
}

export function staleness(job: StaleCandidate, options: StaleOptions): Staleness {
  const now = timeOf(options.now);
  const touched = Date.parse(job.lastTouchedAt);
  if (Number.isNaN(now)) throw new RangeError(`"now" is not a readable time: ${String(options.now)}`);
  // An unreadable timestamp cannot prove the job is idle; flagging it would be a guess.
  if (Number.isNaN(touched)) return { stale: false, idleDays: null };
  const idleMs = Math.max(0, now - touched);
  const candidate = (STALE_CANDIDATE_STATES as readonly WorkflowState[]).includes(job.state);
  const enabled = Number.isFinite(options.staleAfterDays) && options.staleAfterDays > 0;
  return { stale: candidate && enabled && idleMs >= options.staleAfterDays * DAY_MS, idleDays: Math.floor(idleMs / DAY_MS) };
}

/** The stale jobs among `jobs`, longest idle first (ties keep the input order). */
export function staleJobs<T extends StaleCandidate>(jobs: readonly T[], options: StaleOptions): { job: T; idleDays: number }[] {
  const found: { job: T; idleDays: number; idleMs: number }[] = [];
  for (const job of jobs) {
    const verdict = staleness(job, options);
    if (verdict.stale && verdict.idleDays !== null) {
      found.push({ job, idleDays: verdict.idleDays, idleMs: timeOf(options.now) - Date.parse(job.lastTouchedAt) });
    }
  }
  return found.sort((a, b) => b.idleMs - a.idleMs).map(({ job, idleDays }) => ({ job, idleDays }));
}
