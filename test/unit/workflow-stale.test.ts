import { describe, expect, it } from 'vitest';
import { STALE_CANDIDATE_STATES, staleJobs, staleness } from '../../shared/workflow/stale-jobs';
import { WORKFLOW_STATES } from '../../shared/workflow/workflow.types';

const now = '2026-11-20T12:00:00Z';
const week = { now, staleAfterDays: 7 };

describe('staleness', () => {
  it('flags a job untouched for the set number of days, counted in elapsed time', () => {
    expect(staleness({ state: 'laying_out', lastTouchedAt: '2026-11-13T12:00:00Z' }, week)).toEqual({ stale: true, idleDays: 7 });
    expect(staleness({ state: 'laying_out', lastTouchedAt: '2026-11-13T12:00:01Z' }, week)).toEqual({ stale: false, idleDays: 6 });
    expect(staleness({ state: 'laying_out', lastTouchedAt: '2026-10-01T08:00:00-06:00' }, week)).toEqual({ stale: true, idleDays: 49 });
  });

  it('considers only jobs waiting on a person', () => {
    const old = '2026-01-01T00:00:00Z';
    const flagged = WORKFLOW_STATES.filter((state) => staleness({ state, lastTouchedAt: old }, week).stale);
    expect(flagged).toEqual([...STALE_CANDIDATE_STATES]);
    expect(flagged).not.toContain('queued');
    expect(flagged).not.toContain('uploading');
    expect(flagged).not.toContain('delivered');
    expect(flagged).not.toContain('cancelled');
  });

  it('is off when the setting is 0, and honours other settings', () => {
    const old = { state: 'on_hold' as const, lastTouchedAt: '2026-01-01T00:00:00Z' };
    expect(staleness(old, { now, staleAfterDays: 0 })).toMatchObject({ stale: false });
    expect(staleness({ state: 'pulled', lastTouchedAt: '2026-11-19T11:00:00Z' }, { now, staleAfterDays: 1 })).toEqual({ stale: true, idleDays: 1 });
  });

  it('does not guess for an unreadable timestamp, and counts a future one as just touched', () => {
    expect(staleness({ state: 'pulled', lastTouchedAt: 'yesterday' }, week)).toEqual({ stale: false, idleDays: null });
    expect(staleness({ state: 'pulled', lastTouchedAt: '2026-12-01T00:00:00Z' }, week)).toEqual({ stale: false, idleDays: 0 });
  });

  it('accepts now as a Date and refuses an unreadable one', () => {
    expect(staleness({ state: 'validated', lastTouchedAt: '2026-11-01T00:00:00Z' }, { now: new Date(now), staleAfterDays: 7 })).toEqual({ stale: true, idleDays: 19 });
    expect(() => staleness({ state: 'validated', lastTouchedAt: '2026-11-01T00:00:00Z' }, { now: 'never', staleAfterDays: 7 })).toThrow(RangeError);
  });
});

describe('staleJobs', () => {
  it('returns the stale jobs, longest idle first, with the caller\'s objects', () => {
    const jobs = [
      { id: 1, state: 'laying_out' as const, lastTouchedAt: '2026-11-10T00:00:00Z' },
      { id: 2, state: 'uploading' as const, lastTouchedAt: '2026-01-01T00:00:00Z' },
      { id: 3, state: 'needs_review' as const, lastTouchedAt: '2026-10-01T00:00:00Z' },
      { id: 4, state: 'documents_ready' as const, lastTouchedAt: '2026-11-19T00:00:00Z' },
      { id: 5, state: 'pulled' as const, lastTouchedAt: '2026-11-10T06:00:00Z' },
    ];
    expect(staleJobs(jobs, week).map(({ job, idleDays }) => [job.id, idleDays])).toEqual([
      [3, 50],
      [1, 10],
      [5, 10],
    ]);
    expect(staleJobs([], week)).toEqual([]);
  });
});
