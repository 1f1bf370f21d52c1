/**
 * Claims under management in Chromium over the real back-end: a package made (through the app's own handlers) for
 * claims located 100 days ago shows on the dashboard tile as overdue and on the Deadlines page with its county and
 * BLM filings in red, soonest first; the filters by kind and customer narrow the list. Oracle: the dates counted
 * from the date of location by the statutes' periods (90 days; the first 1 September), not the app's own numbers.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assessmentYearOf } from '../../shared/documents/calendar';
import { addCalendarDays, deskDay } from '../../shared/domain/calendar-date';
import type { BrowserHarness } from '../helpers/browser-harness';
import { harnessWithOrderOne } from '../helpers/browser-claims-job';

vi.setConfig({ expect: { poll: { timeout: 30_000 } } });

let h: BrowserHarness;
let located = '';
let claimNames: string[] = [];

beforeAll(async () => {
  const started = await harnessWithOrderOne('DUE');
  h = started.h;
  let job = started.job;
  const claims = started.claims;
  claimNames = claims.map((c) => c.name);
  located = addCalendarDays(deskDay(new Date()), -100);
  job = await h.app.handlers.saveJob({
    jobId: job.id,
    patch: {
      layout: { claims, grid: null },
      step: 'claimant',
      claimant: { ...job.claimant, claimantName: job.claimant.claimantName || 'Due Date Mining LLC', address1: '1 Main St', address2: 'Reno, NV 89501', dateOfLocation: located },
      documents: {
        plss: { meridian: 'Mount Diablo', township: 'T33N', range: 'R50E', sections: '14', aliquot: 'NW¼' },
        recordingDistrict: '',
        tie: { description: 'Section corner 10/11/14/15', lon: -116.35, lat: 40.92 },
      },
    },
  });
  // The workflow drives the package: the layout accepted and the claimant confirmed first.
  await h.app.handlers.validateLayout({ jobId: job.id });
  await h.app.handlers.confirmClaimant({ jobId: job.id });
  await h.app.handlers.generatePackage({ jobId: job.id });
}, 240_000);
afterAll(async () => {
  await h?.close();
});

const page = () => h.page;

describe('claim deadlines', () => {
  it('the dashboard tile counts the overdue filings and opens the Deadlines page, overdue rows in red and first', async () => {
    await page().getByTestId('nav-dashboard').click();
    const tile = page().getByTestId('dashboard-deadlines');
    // County recording and BLM filing, 90 days after the date of location, passed 10 days ago: one row per claim each.
    await expect.poll(() => tile.getAttribute('data-overdue')).toBe(String(2 * claimNames.length));
    await tile.click();
    const rows = page().getByTestId('deadline-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // Next deadline per claim (the default): the overdue filing of each claim.
    const first = rows.first();
    expect(await first.getAttribute('data-status')).toBe('overdue');
    expect(await first.getAttribute('data-due')).toBe(addCalendarDays(located, 90));
    const colour = await first.locator('td').first().evaluate((td) => (td.ownerDocument.defaultView as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(td).color);
    expect(colour).toBe('rgb(180, 35, 24)');
    expect(await rows.count()).toBe(claimNames.length);

    await page().getByTestId('deadlines-next-only').uncheck();
    await expect.poll(() => rows.count()).toBeGreaterThan(claimNames.length);
    const dues = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-due') ?? ''));
    expect(dues).toEqual([...dues].sort());
    await h.screenshot('deadlines-page');
    // The first 1 September after the date of location, or a year on when it has passed (the yearly fee rolls on).
    const firstFee = assessmentYearOf(located).end;
    const nextFee = firstFee >= deskDay(new Date()) ? firstFee : `${Number(firstFee.slice(0, 4)) + 1}-09-01`;
    expect(await page().locator(`[data-testid="deadline-row"][data-kind="annual"][data-due="${nextFee}"]`).count()).toBeGreaterThanOrEqual(claimNames.length);
  });

  it('filters by kind of filing and by customer', async () => {
    const rows = page().getByTestId('deadline-row');
    await page().getByTestId('deadlines-kind').selectOption('blm-filing');
    await expect.poll(() => rows.evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('data-kind')))])).toEqual(['blm-filing']);
    expect(await rows.count()).toBe(claimNames.length);
    await page().getByTestId('deadlines-customer').fill('no such customer');
    await expect.poll(() => page().getByTestId('deadlines-empty').isVisible()).toBe(true);
  });
});
