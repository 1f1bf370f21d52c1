/**
 * The upload outbox in Chromium over the real back-end and the reference server: CO-1's package queued on the
 * Upload step and delivered (server package number shown); CO-2 refused once with a 400 (failed, with the
 * server's reason) and delivered after Retry from the Outbox page; CO-11 answered 503 with Retry-After (waiting,
 * with its next attempt) and delivered after Send now; CO-4 put on hold from the job's workflow buttons (pending while
 * the server answers 503, delivered after Retry) and resumed; CO-4
 * cancelled on the server under its job (flagged in the jobs list, the banner on the job, Keep locally); CO-9
 * queued by demo-staff waits, saying for whom, while demo-manager is signed in; and the offline indicator with
 * work waiting.
 *
 * Oracles come from the reference server's test hooks (what it stored per order), not from the app's own state.
 */
import { describe, expect, it, vi } from 'vitest';
import { signedInHarnessForFile } from '../helpers/browser-suite';
import { recordTexts, stopRecording } from '../helpers/browser-documents';
import { claimOrderFulfilment, claimOrderId, injectUploadFault, openUploadStep, testHook } from '../helpers/browser-outbox';

const REFUSAL = 'claims: the JSON could not be read';
const STATUS_PATH = `/api/v2/claims/staff/orders/claim_order/${claimOrderId('CO-4')}/status/`;

// Packages are generated in a worker and SwiftShader is slow to draw: generous, never hit normally.
vi.setConfig({ expect: { poll: { timeout: 30_000 } } });

const h = signedInHarnessForFile();

const page = () => h.page;
const stepEntries = () => page().getByTestId('upload-step').locator('[data-testid="outbox-entry"][data-kind="upload"]');
// The uploads: a pull's claim of the order is an entry of its own (kind assignment) beside them.
const outboxEntry = (orderNumber: string) => page().getByTestId('outbox-page').locator(`[data-testid="outbox-entry"][data-kind="upload"][data-order-number="${orderNumber}"]`);
const badge = () => page().getByTestId('nav-outbox-badge');

describe('upload step: CO-1 queued and delivered', () => {
  it('shows the generated package, not queued yet, and nothing on the server', async () => {
    await openUploadStep(page(), 'CO-1');
    expect(await page().getByTestId('upload-package-generation').textContent()).toMatch(/^#1 · made/);
    expect(await page().getByTestId('upload-package-files').textContent()).toMatch(/^(12|13) files and the manifest/);
    await expect.poll(() => page().getByTestId('upload-package-not-queued').count()).toBe(1);
    expect(await page().getByTestId('server-package-number').count()).toBe(0);
    expect(await page().getByTestId('queue-upload').textContent()).toBe('Queue upload');
    expect(await stepEntries().count()).toBe(0);
    // The one entry so far is the pull's claim of the order, delivered.
    await expect.poll(() => page().getByTestId('upload-step').locator('[data-testid="outbox-entry"][data-kind="assignment"]').getAttribute('data-state')).toBe('done');
    // Finishing before anything was delivered says what is missing.
    await page().getByTestId('wizard-next').click();
    await expect.poll(() => page().getByTestId('step-problems').textContent()).toContain('Queue the upload');
  });

  it('Queue upload: the entry goes from queued (or sending) to delivered, and the server package number is shown', async () => {
    // Held for 1.5 s on the server, so the way there can be seen and not only its end.
    await injectUploadFault(h.server, { delayMs: 1_500 });
    await recordTexts(page(), '[data-testid="upload-step"] [data-kind="upload"] [data-testid="entry-state"]');
    await page().getByTestId('queue-upload').click();
    await expect.poll(() => stepEntries().first().getAttribute('data-state')).toBe('done');
    const seen = await stopRecording(page());
    expect(seen[0]).toMatch(/^(Queued|Sending)$/);
    expect(seen).toContain('Sending');
    expect(seen.at(-1)).toBe('Delivered');

    const fulfilment = await claimOrderFulfilment(h.server, 1);
    // Every file and the manifest: Nevada's package has its posted notices (order 2's state records the posted notice).
    expect(fulfilment).toMatchObject({ packages: 1, documents: 14 });
    await expect.poll(() => page().getByTestId('server-package-number').textContent()).toMatch(/\S/);
    expect(await page().getByTestId('server-package').textContent()).toContain(`(id ${String(fulfilment['package_id'])})`);
    expect(await stepEntries().first().getByTestId('entry-attempts').textContent()).toBe('1');
    expect(await page().getByTestId('queue-upload').textContent()).toBe('Upload again');
    // Every purchased claim is delivered: the workflow closed the job, so sending again needs a reopen first.
    await expect.poll(() => page().getByTestId('job-workflow-state').textContent()).toBe('Delivered');
    expect(await page().getByTestId('queue-upload').isDisabled()).toBe(true);
    expect(await page().getByTestId('upload-hint').textContent()).toContain('the job is closed');
    expect(await page().getByTestId('wizard-step-upload').textContent()).toContain('package delivered');
    await expect.poll(() => badge().count()).toBe(0);

    await page().getByTestId('wizard-next').click();
    await expect.poll(() => page().getByTestId('step-done').textContent()).toMatch(/^CO-1 is fulfilled: its staking package was delivered/);
    // Finish leaves the job (and its Upload step) for the page it was opened from.
    expect(await page().getByTestId('wizard').count()).toBe(0);
    await h.screenshot('upload-step');
  });
});

describe('faults: refused, then retried; waiting for Retry-After, then sent', () => {
  it('CO-2 refused with a 400 shows failed with the server’s reason, and the nav badge turns red', async () => {
    await openUploadStep(page(), 'CO-2');
    await injectUploadFault(h.server, { status: 400, body: { detail: REFUSAL } });
    await page().getByTestId('queue-upload').click();
    await expect.poll(() => stepEntries().first().getAttribute('data-state')).toBe('failed');
    expect(await stepEntries().first().getByTestId('entry-last-error').textContent()).toContain(REFUSAL);
    await expect.poll(() => badge().getAttribute('data-attention')).toBe('true');
    expect(await badge().textContent()).toContain('1');
    expect(await page().getByTestId('queue-upload').isDisabled()).toBe(true);
    expect(await claimOrderFulfilment(h.server, 2)).toMatchObject({ packages: 0 });
  });

  it('the Outbox page lists it with Retry and Discard; Retry delivers it once', async () => {
    await page().getByTestId('nav-outbox').click();
    const entry = outboxEntry('CO-2');
    await expect.poll(() => entry.getAttribute('data-state')).toBe('failed');
    expect(await entry.getByTestId('entry-attempts').textContent()).toBe('1');
    expect(await entry.getByTestId('entry-discard').isEnabled()).toBe(true);
    expect(await page().getByTestId('outbox-waiting').textContent()).toContain('1 needs attention');
    await h.screenshot('outbox-failed');

    await entry.getByTestId('entry-retry').click();
    // Delivered entries leave the "Open" list; "All" shows them.
    await expect.poll(() => entry.count()).toBe(0);
    await page().getByTestId('outbox-filter-all').click();
    await expect.poll(() => entry.getAttribute('data-state')).toBe('done');
    expect(await entry.getByTestId('entry-attempts').textContent()).toBe('2');
    expect(await claimOrderFulfilment(h.server, 2)).toMatchObject({ packages: 1, documents: 13 });
    await expect.poll(() => badge().count()).toBe(0);
  });

  it('CO-11 answered 503 with Retry-After waits with a next attempt, then Send now delivers it', async () => {
    await openUploadStep(page(), 'CO-11');
    await injectUploadFault(h.server, { status: 503, retryAfterSeconds: 5 });
    await page().getByTestId('queue-upload').click();
    const entry = stepEntries().first();
    await expect.poll(() => entry.getAttribute('data-state')).toBe('retry');
    expect(await entry.getByTestId('entry-next-attempt').textContent()).toMatch(/^in [1-5] s$/);
    expect(await entry.getByTestId('entry-last-error').textContent()).toContain('503');
    const due = Date.parse((await entry.getByTestId('entry-next-attempt').getAttribute('datetime')) ?? '');

    await page().getByTestId('nav-outbox').click();
    await page().getByTestId('outbox-filter-open').click();
    await expect.poll(() => outboxEntry('CO-11').getAttribute('data-state')).toBe('retry');
    // Send now sends what is due: wait for the next attempt's time (the 15 s timer may beat us to it).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now() + 300)));
    if ((await outboxEntry('CO-11').count()) > 0) await page().getByTestId('outbox-send-now').click();
    await page().getByTestId('outbox-filter-all').click();
    await expect.poll(() => outboxEntry('CO-11').getAttribute('data-state')).toBe('done');
    expect(await outboxEntry('CO-11').getByTestId('entry-attempts').textContent()).toBe('2');
    expect(await claimOrderFulfilment(h.server, 11)).toMatchObject({ packages: 1, documents: 14 });
    await expect.poll(() => page().locator('[data-testid="outbox-entry"][data-kind="upload"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-state')))).toEqual(['done', 'done', 'done']);
    await h.screenshot('outbox-delivered');
  });
});

describe('order status from the job workflow', () => {
  it('puts CO-4 on hold with a reason: shown as pending until delivered, then the server has it', async () => {
    await openUploadStep(page(), 'CO-4');
    await page().getByTestId('workflow-action-hold').click();
    const dialog = page().getByTestId('workflow-action-dialog');
    // A hold may have a reason (it is not an override): confirming is possible before one is typed.
    expect(await dialog.getByTestId('confirm-dialog-confirm').isEnabled()).toBe(true);
    await dialog.getByTestId('workflow-action-dialog-reason').fill('Waiting for the claimant to sign');
    await h.screenshot('order-status-dialog');
    // The server is briefly unavailable: the change is written locally and waits in the outbox.
    await testHook(h.server, 'POST', 'faults', { method: 'PATCH', path: STATUS_PATH, status: 503, retryAfterSeconds: 60, count: 1 });
    await dialog.getByTestId('confirm-dialog-confirm').click();
    await expect.poll(() => page().getByTestId('job-workflow-state').textContent()).toBe('On hold');
    await expect.poll(() => page().getByTestId('order-status').textContent()).toBe('On hold');
    await expect.poll(() => page().getByTestId('order-status-pending').textContent()).toBe('Not sent yet');
    const held = page().getByTestId('upload-step').locator('[data-testid="outbox-entry"][data-kind="status"]').filter({ hasText: 'on hold' });
    await expect.poll(() => held.getAttribute('data-state')).toBe('retry');
    expect(await claimOrderFulfilment(h.server, 4)).toMatchObject({ status: 'paid' });
    // The server would refuse an upload now: the step says so before one is queued.
    await expect.poll(() => page().getByTestId('upload-on-hold').count()).toBe(1);
    await h.screenshot('order-status-pending');

    await held.getByTestId('entry-retry').click();
    await expect.poll(() => held.getAttribute('data-state')).toBe('done');
    await expect.poll(() => page().getByTestId('order-status-pending').count()).toBe(0);
    expect(await claimOrderFulfilment(h.server, 4)).toMatchObject({ status: 'on_hold' });

    // On hold there is nothing to hold again: the action is gone or refused with why.
    const hold = page().getByTestId('workflow-action-hold');
    if ((await hold.count()) > 0) expect(await hold.isDisabled()).toBe(true);
    await page().getByTestId('workflow-action-resume').click();
    await expect.poll(() => page().getByTestId('order-status').textContent()).toBe('In progress');
    expect(await page().getByTestId('job-workflow-state').textContent()).not.toBe('On hold');
    expect(await page().getByTestId('upload-on-hold').count()).toBe(0);
    await expect.poll(async () => (await claimOrderFulfilment(h.server, 4))['status']).toBe('in_progress');
  });
});

describe('conflict: CO-4 cancelled on the server under its job', () => {
  it('a sync flags the job in the jobs list, the job shows the banner, Keep locally takes it down', async () => {
    await testHook(h.server, 'PATCH', `orders/claim_order/${claimOrderId('CO-4')}`, { status: 'cancelled' });
    await h.syncNow();
    await page().getByTestId('nav-jobs').click();
    const row = page().locator('[data-testid="job-row"][data-order-number="CO-4"]');
    await expect.poll(() => row.getByTestId('job-conflict-flag').count()).toBe(1);
    expect(await page().getByTestId('job-conflict-flag').count()).toBe(1);

    await row.getByRole('button', { name: 'Resume' }).click();
    const banner = page().getByTestId('conflict-banner');
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.getByTestId('conflict-message').textContent()).toContain('Your layout and documents are kept');
    await h.screenshot('conflict-banner');
    // On every step, not only Upload.
    await page().getByTestId('wizard-step-layout').click();
    await expect.poll(() => page().getByTestId('wizard').getAttribute('data-step')).toBe('layout');
    expect(await banner.count()).toBe(1);

    await banner.getByTestId('conflict-keep').click();
    await expect.poll(() => banner.count()).toBe(0);
    await page().getByTestId('nav-jobs').click();
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('job-conflict-flag').count()).toBe(0);
  });

  it('nothing failed along the way', () => {
    expect(h.consoleErrors).toEqual([]);
    expect(h.failedRequests).toEqual([]);
  });
});

describe('an entry waits for the account that queued it', () => {
  it('CO-9 queued by demo-staff is not sent while demo-manager is signed in, and says for whom it waits', async () => {
    await openUploadStep(page(), 'CO-9');
    // Answered 503 once, so the entry is still waiting when the desk changes hands.
    await injectUploadFault(h.server, { status: 503, retryAfterSeconds: 60 });
    await page().getByTestId('queue-upload').click();
    await expect.poll(() => stepEntries().first().getAttribute('data-state')).toBe('retry');

    await h.switchUser('demo-manager');
    await page().getByTestId('nav-outbox').click();
    await page().getByTestId('outbox-filter-open').click();
    const entry = outboxEntry('CO-9');
    await expect.poll(async () => (await entry.getByTestId('entry-wait-reason').textContent())?.trim()).toBe(`Queued for demo-staff on ${h.server.url}; sign in as them to send.`);
    // Retry makes it due, yet the manager's session does not send it.
    await entry.getByTestId('entry-retry').click();
    await page().getByTestId('outbox-send-now').click();
    await expect.poll(() => entry.getAttribute('data-state')).toBe('retry');
    expect(await claimOrderFulfilment(h.server, 9)).toMatchObject({ packages: 0 });
    await h.screenshot('outbox-other-account');

    await h.switchUser('demo-staff');
    await page().getByTestId('nav-outbox').click();
    await page().getByTestId('outbox-filter-all').click();
    await expect.poll(() => entry.getAttribute('data-state')).toBe('done');
    expect(await entry.getByTestId('entry-wait-reason').count()).toBe(0);
    expect(await claimOrderFulfilment(h.server, 9)).toMatchObject({ packages: 1, documents: 14 });
  });
});

describe('offline', () => {
  it('with the server stopped the header says Offline, and an upload queued meanwhile waits for it', async () => {
    // A job whose package is ready and not sent yet (CO-1's is delivered: its job is closed).
    await openUploadStep(page(), 'CO-10');
    await h.server.close();
    await h.syncNow(60_000);
    await expect.poll(() => page().getByTestId('header-offline').count()).toBe(1);

    await page().getByTestId('queue-upload').click();
    const entry = stepEntries().first();
    await expect.poll(() => entry.getAttribute('data-state')).toBe('retry');
    expect(await entry.getByTestId('entry-last-error').textContent()).toContain('could not be reached');
    expect(await page().getByTestId('outbox-offline-notice').textContent()).toContain('Queued — it will be sent when the server can be reached');
    // The upload, and whatever else the desk queued meanwhile (the order's claim is renewed as work is saved).
    expect(await page().getByTestId('outbox-waiting').textContent()).toMatch(/Outbox: [1-9]\d* waiting to be sent/);
    await h.screenshot('upload-offline');
  });
});
