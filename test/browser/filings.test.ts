/**
 * Recording & filing in Chromium over the real back-end: on a delivered job the Upload step shows the panel with the
 * package's recording and BLM deadlines; the county recording entered there moves the job to Recorded and into its
 * History; a BLM filing naming one serial twice is refused with main's message and nothing changes; corrected, the
 * job is Filed and the serials are listed; both order events reach the reference server.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addCalendarDays, deskDay } from '../../shared/domain/calendar-date';
import type { BrowserHarness } from '../helpers/browser-harness';
import { harnessWithOrderOne } from '../helpers/browser-claims-job';
import { rowByOrder } from '../helpers/browser-documents';
import { historyRows } from '../helpers/browser-workflow';
import { testHook } from '../helpers/browser-outbox';

vi.setConfig({ expect: { poll: { timeout: 30_000 } } });

let h: BrowserHarness;
let located = '';
let claimNames: string[] = [];

beforeAll(async () => {
  const started = await harnessWithOrderOne('REC');
  h = started.h;
  let job = started.job;
  const claims = started.claims;
  claimNames = claims.map((c) => c.name);
  located = addCalendarDays(deskDay(new Date()), -20);
  job = await h.app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims, grid: null }, step: 'upload', claimant: { ...job.claimant, dateOfLocation: located } } });
  await h.app.handlers.validateLayout({ jobId: job.id });
  await h.app.handlers.confirmClaimant({ jobId: job.id });
  await h.app.handlers.generatePackage({ jobId: job.id });
  await h.app.handlers.queueUpload({ jobId: job.id });
  await h.app.handlers.sendOutboxNow({});
  expect((await h.app.handlers.getJob({ jobId: job.id })).workflow.state).toBe('delivered');
}, 240_000);
afterAll(async () => {
  await h?.close();
});

const page = () => h.page;
const panel = () => page().getByTestId('filings-panel');

describe('recording and filing a delivered job', () => {
  it('shows the panel on the delivered job with its deadlines, BLM waiting for the county recording', async () => {
    await page().getByTestId('nav-queue').click();
    await rowByOrder(page(), 'CO-1').click();
    await page().getByTestId('order-details').getByTestId('pull-order').click();
    await expect.poll(() => panel().count()).toBe(1);
    await expect.poll(() => panel().getByTestId('filings-deadlines').textContent()).toContain('File with BLM by');
    expect(await panel().getByTestId('blm-waits').count()).toBe(1);
  });

  it('enters the county recording: the job is Recorded and the History says where and what', async () => {
    await panel().getByTestId('recording-date').fill(addCalendarDays(located, 10));
    await panel().getByTestId('recording-instrument').fill('2026-004711');
    await panel().getByTestId('recording-fee').fill('90');
    await panel().getByTestId('recording-save').click();
    await expect.poll(() => panel().getByTestId('recording-summary').textContent()).toContain('instrument 2026-004711; fee $90.00');
    await expect.poll(() => page().getByTestId('job-workflow-state').textContent()).toBe('Recorded');
    await page().getByTestId('open-history').click();
    await expect.poll(async () => (await historyRows(page())).at(-1)?.event).toBe('COUNTY_RECORDED');
    expect((await historyRows(page())).at(-1)?.reason).toContain('instrument 2026-004711, fee $90.00');
    await page().getByTestId('history-close').click();
  });

  it('refuses a BLM filing that gives two claims one serial, then files the corrected one', async () => {
    const serials = panel().getByTestId('blm-serial');
    await expect.poll(() => serials.count()).toBe(claimNames.length);
    for (let k = 0; k < claimNames.length; k += 1) await serials.nth(k).fill(`NV1051${50001 + k}`);
    await serials.nth(1).fill('NV 1051-50001');
    await panel().getByTestId('blm-save').click();
    await expect.poll(() => panel().getByTestId('blm-error').textContent()).toBe(
      `The BLM filing was not saved: ${claimNames[1]} and ${claimNames[0]} have the same serial number NV105150001: each claim has its own.`,
    );
    expect(await page().getByTestId('job-workflow-state').textContent()).toBe('Recorded');

    await serials.nth(1).fill('NV105150002');
    await panel().getByTestId('blm-save').click();
    await expect.poll(() => panel().getByTestId('blm-summary-serial').count()).toBe(claimNames.length);
    expect(await panel().getByTestId('blm-summary-serial').first().textContent()).toBe(`${claimNames[0]}: NV105150001`);
    await expect.poll(() => page().getByTestId('job-workflow-state').textContent()).toBe('Filed with BLM');
    await h.screenshot('recording-and-filing');
    // A recorder's typo found after the filing is still corrected here (the machine offers it; the job stays filed).
    await expect.poll(() => panel().getByTestId('recording-correct').count()).toBe(1);

    // Both reached the server as order events through the outbox.
    await h.app.handlers.sendOutboxNow({});
    const fulfilment = await testHook(h.server, 'GET', 'orders/claim_order/1/fulfilment');
    expect(fulfilment['order_events']).toBe(2);
  });
});
