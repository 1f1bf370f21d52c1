/**
 * The workflow in Chromium over the real back-end and the reference server: the dashboard is where sign-in lands and
 * each count opens the queue with exactly the orders it counted; an order awaiting payment (CPO-2026-0002) is
 * refused to demo-staff and pulled by demo-manager with an override and a reason; a paid order (CO-1) is walked
 * from the dashboard through every step to a delivered upload, its progress reaches 100 % and its history shows
 * every transition with who made it; a new order brought by a sync raises a notification in the bell's list.
 *
 * Oracles: the payment state of each listed order from the server's documents through the shared rule
 * (shared/workflow/payment-state.ts), the order numbers the server lists, and the reference server's fulfilment
 * counts; never the app's own numbers.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_MANAGER, DEMO_STAFF } from '../../server';
import { paymentState } from '../../shared/workflow/payment-state';
import { rowByOrder } from '../helpers/browser-documents';
import { listedOrders, startBrowserHarness, waitFor, type BrowserHarness } from '../helpers/browser-harness';
import { claimOrderFulfilment, testHook } from '../helpers/browser-outbox';
import { historyRows, postCopyOfOrder, walkToDelivered } from '../helpers/browser-workflow';

const UNPAID = 'CPO-2026-0002';
const PAID = 'CO-1';
const NEW_ORDER = { id: 902, orderNumber: 'CO-902', createdAt: '2026-11-21T16:00:00Z' };
const OVERRIDE_REASON = 'Payment confirmed by phone, receipt to follow';

// Packages are generated in a worker and SwiftShader is slow to draw: generous, never hit normally.
vi.setConfig({ expect: { poll: { timeout: 30_000 } } });

let h: BrowserHarness;
let listedCount = 0;
let awaitingPayment: string[] = [];
let paidClaims = 0;

beforeAll(async () => {
  h = await startBrowserHarness();
  const docs = (await h.server.store.pendingOrderDocs()).map((doc) => JSON.parse(doc) as Record<string, unknown>);
  listedCount = docs.length;
  awaitingPayment = docs
    .filter(
      (doc) =>
        paymentState({
          orderType: doc['order_type'] as 'claim_order' | 'claim_purchase',
          status: typeof doc['status'] === 'string' ? doc['status'] : null,
          paymentStatus: typeof doc['payment_status'] === 'string' ? doc['payment_status'] : null,
        }).state === 'awaiting_payment',
    )
    .map((doc) => String(doc['order_number']))
    .sort();
  paidClaims = Number(docs.find((doc) => doc['order_number'] === PAID)?.['claim_count']);
});
afterAll(async () => {
  await h?.close();
});

const page = () => h.page;
const step = () => page().getByTestId('wizard').getAttribute('data-step');
const card = (focus: string) => page().getByTestId(`dashboard-count-${focus}`);
const syncIdle = () => waitFor('the sync to finish', () => page().getByTestId('sync-bar').getAttribute('data-state'), (s) => s === 'idle', 60_000);

async function openDashboard(): Promise<void> {
  await page().getByTestId('nav-dashboard').click();
  await page().getByTestId('dashboard').waitFor();
}

/** From any page with the queue in reach: open the order's details and press Pull. */
async function pull(orderNumber: string): Promise<void> {
  await rowByOrder(page(), orderNumber).click();
  const details = page().getByTestId('order-details');
  await expect.poll(() => details.getByTestId('details-order-number').textContent()).toBe(orderNumber);
  await details.getByTestId('pull-order').click();
}

describe('dashboard', () => {
  it('is where sign-in lands, with every count and the captions', async () => {
    await h.signIn(DEMO_STAFF.username);
    await page().getByTestId('dashboard').waitFor();
    expect(await page().getByTestId('nav-dashboard').getAttribute('aria-current')).toBe('page');
    await syncIdle();
    // The first sync fills the cache; the dashboard re-counts when it ends.
    await expect.poll(() => card('awaiting_payment').getAttribute('data-count')).toBe(String(awaitingPayment.length));
    expect(awaitingPayment.length).toBeGreaterThan(0);
    expect(awaitingPayment).toContain(UNPAID);
    expect(await card('awaiting_payment').getAttribute('aria-label')).toBe(`Awaiting payment: ${awaitingPayment.length} orders. Show them in the queue.`);
    expect(await card('awaiting_payment').evaluate((el) => el.tagName)).toBe('BUTTON');
    expect(await page().getByTestId('dashboard-caption').textContent()).toContain('jobs are stale after 7 days untouched');
    // The demo's first order is paid and waits for work: nothing was pulled yet.
    expect(await page().getByTestId('dashboard-oldest').getAttribute('data-order-number')).toBe('CPO-2026-0001');
    expect(await page().getByTestId('dashboard-delivered-week-count').textContent()).toBe('0');
    await h.screenshot('dashboard');
  });

  it('a count opens the queue with exactly the orders it counted; the chip removes the focus', async () => {
    await card('awaiting_payment').click();
    await expect.poll(() => page().getByTestId('focus-chip').getAttribute('data-focus')).toBe('awaiting_payment');
    expect(await page().getByTestId('focus-chip').textContent()).toContain('Awaiting payment');
    await h.waitForCount(awaitingPayment.length);
    await expect.poll(async () => (await h.renderedOrderNumbers()).sort()).toEqual(awaitingPayment);
    const payments = await h.rows().getByTestId('payment-state').allTextContents();
    expect(payments).toEqual(awaitingPayment.map(() => 'Awaiting payment'));
    await h.screenshot('queue-focus-awaiting-payment');

    await page().getByTestId('focus-chip-remove').click();
    await h.waitForCount(listedCount);
    expect(await page().getByTestId('focus-chip').count()).toBe(0);
  });
});

describe('pulling an order awaiting payment', () => {
  it('demo-staff is refused with the reason, and offered no override', async () => {
    await openDashboard();
    await card('awaiting_payment').click();
    await h.waitForCount(awaitingPayment.length);
    await pull(UNPAID);
    const refusal = page().getByTestId('pull-refusal');
    await expect.poll(() => refusal.getAttribute('data-code')).toBe('workflow-refused');
    expect((await refusal.getByTestId('pull-refusal-message').textContent())?.trim()).not.toBe('');
    // Main's message says who may override; staff are offered no override of their own.
    expect(await refusal.getByTestId('pull-override').count()).toBe(0);
    expect(await page().getByTestId('job-header').count()).toBe(0);
    await h.screenshot('pull-refused-staff');
  });

  it('demo-manager overrides with a reason: the job starts, and its history records who, why and which guard', async () => {
    await h.signOut();
    await h.signIn(DEMO_MANAGER.username);
    await page().getByTestId('dashboard').waitFor();
    await page().getByTestId('nav-queue').click();
    await h.waitForCount(listedCount);
    await pull(UNPAID);
    const refusal = page().getByTestId('pull-refusal');
    await expect.poll(() => refusal.getAttribute('data-code')).toBe('workflow-refused');
    await refusal.getByTestId('pull-override').click();

    const dialog = page().getByTestId('pull-override-dialog');
    const confirm = dialog.getByTestId('confirm-dialog-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByTestId('pull-override-dialog-reason').fill('ok');
    expect(await confirm.isDisabled()).toBe(true); // at least 3 characters
    await dialog.getByTestId('pull-override-dialog-reason').fill(OVERRIDE_REASON);
    await h.screenshot('pull-override-dialog');
    await confirm.click();

    await expect.poll(() => page().getByTestId('job-order-number').textContent()).toBe(UNPAID);
    await expect.poll(step).toBe('import');
    await expect.poll(() => page().getByTestId('job-workflow-state').textContent()).toBe('Pulled');
    // Payment is kept apart from the work: still awaiting payment.
    expect(await page().getByTestId('job-payment-state').textContent()).toBe('Awaiting payment');

    await page().getByTestId('open-history').click();
    await expect.poll(async () => (await historyRows(page())).at(-1)).toMatchObject({
      event: 'PULL',
      to: 'pulled',
      override: true,
      actor: `${DEMO_MANAGER.username} (manager)`,
      reason: OVERRIDE_REASON,
    });
    expect(await page().getByTestId('history-override').last().textContent()).toBe('Override: awaiting payment');
    // The override is also reported to the server (a domain event through the outbox) while the manager is signed in.
    await expect.poll(async () => (await testHook(h.server, 'GET', 'orders/claim_purchase/2/fulfilment'))['order_events']).toBe(1);
    await page().getByTestId('back-to-queue').click();
    await expect.poll(() => page().getByTestId('job-header').count()).toBe(0);
  });
});

describe('a paid order from the dashboard to delivered', () => {
  it(`${PAID}: opened from the Overdue count, pulled by demo-staff and walked through every step until delivered`, async () => {
    await h.signOut();
    await h.signIn(DEMO_STAFF.username);
    await page().getByTestId('dashboard').waitFor();
    await expect.poll(async () => Number(await card('overdue').getAttribute('data-count'))).toBeGreaterThan(0);
    await card('overdue').click();
    await expect.poll(() => page().getByTestId('focus-chip').getAttribute('data-focus')).toBe('overdue');
    await expect.poll(() => rowByOrder(page(), PAID).count()).toBe(1);
    expect(await rowByOrder(page(), PAID).getByTestId('target-date').getAttribute('data-due')).toBe('overdue');
    await pull(PAID);
    await expect.poll(() => page().getByTestId('job-order-number').textContent()).toBe(PAID);
    await expect.poll(() => page().getByTestId('job-workflow-state').textContent()).toBe('Pulled');
    expect(await page().getByTestId('job-payment-state').textContent()).toBe('Paid');

    await walkToDelivered(page());
    await expect.poll(() => page().getByTestId('job-workflow-state').textContent()).toBe('Delivered');
    const progress = page().getByTestId('job-progress');
    await expect.poll(() => progress.getAttribute('data-percent')).toBe('100');
    expect(await progress.getAttribute('data-complete')).toBe('true');
    expect(await page().getByTestId('job-progress-percent').textContent()).toBe('100 %');
    expect(await page().getByTestId('job-progress-meter').textContent()).toBe(`${paidClaims}/${paidClaims}`);
    expect(await claimOrderFulfilment(h.server, 1)).toMatchObject({ packages: 1 });

    // A delivered job cannot be reopened by staff: the button says why instead.
    const reopen = page().getByTestId('workflow-action-reopen');
    expect(await reopen.count()).toBe(1);
    expect(await reopen.isDisabled()).toBe(true);
    expect(await reopen.getAttribute('data-status')).toBe('blocked');
    expect(await reopen.getAttribute('title')).toBeTruthy();

    await page().getByTestId('open-history').click();
    await page().getByTestId('history-table').waitFor();
    const rows = await historyRows(page());
    const states = rows.map((row) => row.to);
    let at = -1;
    for (const state of ['pulled', 'laying_out', 'validated', 'documents_ready', 'uploading', 'delivered']) {
      at = states.indexOf(state, at + 1);
      expect(at, `history reaches ${state} after the states before it: ${states.join(' → ')}`).toBeGreaterThanOrEqual(0);
    }
    expect(rows.find((row) => row.event === 'PULL')).toMatchObject({ actor: `${DEMO_STAFF.username} (staff)`, override: false });
    expect(rows.find((row) => row.event === 'UPLOAD_DELIVERED')).toMatchObject({ actor: 'ClaimDesk' });
    await h.screenshot('order-history');

    // The queue says the same: delivered, every claim.
    await page().getByTestId('back-to-queue').click();
    await page().getByTestId('focus-chip-remove').click();
    const row = rowByOrder(page(), PAID);
    await expect.poll(() => row.getByTestId('workflow-state').textContent()).toBe('Delivered');
    // Delivered by us, with its package, where the server's last status would say Processing (the delivered meter is
    // a hidden column by default; the details below show the progress).
    await expect.poll(() => row.getByTestId('delivered-chip').textContent()).toMatch(/^Delivered/);
    await row.click();
    await expect.poll(() => page().getByTestId('details-progress').textContent()).toContain(`${paidClaims} of ${paidClaims} claims delivered (100 %)`);

    await openDashboard();
    await expect.poll(async () => Number(await page().getByTestId('dashboard-delivered-week-count').textContent())).toBeGreaterThanOrEqual(paidClaims);
  });
});

describe('notifications', () => {
  it('a sync that brings a new order puts it in the bell’s list; mark all read clears the badge', async () => {
    await postCopyOfOrder(h.server, 'CO-2', NEW_ORDER);
    await h.syncNow();
    const badge = page().getByTestId('notifications-badge');
    await expect.poll(async () => Number((await badge.count()) > 0 ? await badge.textContent() : 0)).toBeGreaterThan(0);

    await page().getByTestId('notifications-button').click();
    const panel = page().getByTestId('notifications-panel');
    const newOrders = panel.locator('[data-testid="notification-item"][data-kind="new_orders"]');
    const ours = newOrders.filter({ hasText: NEW_ORDER.orderNumber });
    await expect.poll(() => ours.count()).toBe(1);
    expect(await ours.getAttribute('data-read')).toBe('false');
    await h.screenshot('notifications');

    // A click opens the order it is about (in the queue, beside its details) and marks it read.
    const unreadBefore = Number(await badge.textContent());
    await ours.getByRole('button', { name: new RegExp(NEW_ORDER.orderNumber) }).first().click();
    await expect.poll(() => page().getByTestId('details-order-number').textContent()).toBe(NEW_ORDER.orderNumber);
    await expect.poll(async () => ((await badge.count()) > 0 ? Number(await badge.textContent()) : 0)).toBe(unreadBefore - 1);

    await page().getByTestId('notifications-button').click();
    await panel.getByTestId('notifications-mark-all').click();
    await expect.poll(() => badge.count()).toBe(0);
    expect(await panel.locator('[data-testid="notification-item"][data-read="false"]').count()).toBe(0);
    await page().getByTestId('notifications-button').click();
    expect(await panel.count()).toBe(0);

    // The copy covers CO-2's ground: the queue flags it as a possible duplicate.
    await h.waitForCount((await listedOrders(h.server)).length);
    await expect.poll(() => rowByOrder(page(), NEW_ORDER.orderNumber).getByTestId('duplicate-flag').count()).toBe(1);
  });

  it('workflow settings and sync limits are saved from the settings dialog and the dashboard follows them', async () => {
    await page().getByTestId('open-settings').click();
    const dialog = page().getByTestId('settings-dialog');
    expect(await dialog.getByTestId('settings-stale-days').inputValue()).toBe('7');
    expect(await dialog.getByTestId('settings-sync-max-mb').inputValue()).toBe('100');
    expect(await dialog.getByTestId('settings-sync-deadline').inputValue()).toBe('10');
    expect(await dialog.getByTestId('settings-business-days').isChecked()).toBe(true);
    // A holiday that is not a date is caught before anything is sent.
    await dialog.getByTestId('settings-holidays').fill('2026-11-26\nthe day after');
    await dialog.getByTestId('settings-save').click();
    await expect.poll(() => dialog.getByTestId('settings-error').textContent()).toContain('“the” is not a date as YYYY-MM-DD.');
    await dialog.getByTestId('settings-holidays').fill('2026-11-26\n2026-11-27');
    await dialog.getByTestId('settings-stale-days').fill('5');
    await dialog.getByTestId('settings-sync-max-mb').fill('250');
    await h.screenshot('settings-workflow');
    await dialog.getByTestId('settings-save').click();
    await expect.poll(() => dialog.count()).toBe(0);

    await openDashboard();
    await expect.poll(() => page().getByTestId('dashboard-caption').textContent()).toContain('jobs are stale after 5 days untouched');
    const saved = await h.app.handlers.getSettings({});
    expect(saved.workflow).toMatchObject({ staleAfterDays: 5, holidays: ['2026-11-26', '2026-11-27'], standardDays: 10 });
    expect(saved.basemapUrl).toBeNull();
    expect(saved.sync).toEqual({ maxDownloadMb: 250, downloadDeadlineSeconds: 600 });
  });

  it('nothing failed along the way', () => {
    expect(h.consoleErrors).toEqual([]);
    expect(h.failedRequests).toEqual([]);
  });
});
