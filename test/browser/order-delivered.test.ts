/**
 * An order we delivered is "delivered", with its package number, everywhere staff look: the queue row, the order
 * panel and the job header. Before, once the server took it off its pending list, the panel said it was "probably
 * fulfilled elsewhere or cancelled", "Not packaged yet", "Claimant info needed" (the claimant was entered in the
 * job), offered "Pull order", and the job header showed the server's last status beside "Gone".
 *
 * CO-3 comes without a claimant: one is entered in the job, then it is laid out as drawn, packaged and uploaded
 * through the back-end's own commands (the wizard's buttons are other tests' business); what is read is the page.
 */
import { describe, expect, it, vi } from 'vitest';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { DEMO_MANAGER } from '../../server';
import { listedOrders } from '../helpers/browser-harness';
import { signedInHarnessForFile } from '../helpers/browser-suite';
import { rowByOrder } from '../helpers/browser-documents';

vi.setConfig({ expect: { poll: { timeout: 30_000 } } });

const h = signedInHarnessForFile();

const page = () => h.page;

/** CO-3 delivered from this desk: claimant entered in the job, claims as drawn, package uploaded and confirmed. */
async function deliverCo3(): Promise<{ jobId: number; packageNumber: string }> {
  const { handlers } = h.app;
  let job = await handlers.pullOrder({ orderType: 'claim_order', id: 3 });
  expect(job.claimant.claimantName).toBe(''); // the order carried none
  job = await handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'C'), grid: null } } });
  job = await handlers.validateLayout({ jobId: job.id });
  job = await handlers.saveJob({ jobId: job.id, patch: { claimant: { ...job.claimant, claimantName: 'Sagebrush Minerals LLC', address1: '12 Main St', address2: 'Tonopah, NV 89049' } } });
  job = await handlers.confirmClaimant({ jobId: job.id });
  await handlers.generatePackage({ jobId: job.id });
  await handlers.queueUpload({ jobId: job.id });
  await handlers.sendOutboxNow({});
  job = await handlers.getJob({ jobId: job.id });
  expect(job.workflow.state).toBe('delivered');
  expect(job.serverPackage?.number).toMatch(/\S/);
  return { jobId: job.id, packageNumber: job.serverPackage!.number! };
}

describe('an order delivered from this desk', () => {
  it('is "Delivered" with its package number in the queue, the order panel and the job header, gone from the list or not', async () => {
    const { packageNumber } = await deliverCo3();

    // The server no longer lists it: after a sync it is gone from the pending list, and it was us who delivered it.
    expect((await listedOrders(h.server)).map((o) => o.order_number)).not.toContain('CO-3');
    await h.syncNow();
    await page().getByTestId('filter-gone').check();
    const row = rowByOrder(page(), 'CO-3');
    await expect.poll(() => row.getByTestId('delivered-chip').textContent()).toBe(`Delivered · ${packageNumber}`);
    expect(await row.getByTestId('gone-chip').count()).toBe(0);
    expect(await row.getByTestId('status-chip').count()).toBe(0);

    await row.click();
    const panel = page().getByTestId('order-details');
    await expect.poll(() => panel.getByTestId('delivered-notice').textContent()).toContain(`Delivered as package ${packageNumber}.`);
    expect(await panel.getByTestId('gone-notice').count()).toBe(0);
    expect(await panel.getByTestId('gone-chip').count()).toBe(0);
    expect(await panel.getByTestId('details-package').textContent()).toBe(`Package ${packageNumber} (delivered)`);
    expect(await panel.getByTestId('claimant-needed').count()).toBe(0);
    expect(await panel.getByTestId('claimant-in-job').count()).toBe(1);
    const open = panel.getByTestId('pull-order');
    expect(await open.textContent()).toBe('Open job');
    expect(await open.getAttribute('class')).not.toContain('button--primary');
    await h.screenshot('order-delivered-panel');

    await open.click();
    const header = page().getByTestId('order-status');
    await expect.poll(() => header.textContent()).toBe(`Delivered · ${packageNumber}`);
    expect(await page().getByTestId('gone-chip').count()).toBe(0);
    expect(await header.getByTestId('status-chip').count()).toBe(0);
    await h.screenshot('order-delivered-job');
  });

  it('the Jobs page offers Open, not Resume; reopened with nothing changed it is sent again without "the layout changed"', async () => {
    await page().getByTestId('nav-jobs').click();
    const jobRow = page().locator('[data-testid="job-row"][data-order-number="CO-3"]');
    await expect.poll(() => jobRow.getByTestId('job-open').textContent()).toBe('Open');
    expect(await jobRow.getByTestId('job-resume').count()).toBe(0);
    expect(await page().locator('[data-testid="job-row"]:not([data-order-number="CO-3"])').getByTestId('job-open').count()).toBe(0);

    await h.switchUser(DEMO_MANAGER.username);
    await page().getByTestId('nav-jobs').click();
    await jobRow.getByTestId('job-open').click();
    await page().getByTestId('workflow-action-reopen').click();
    await page().getByTestId('workflow-action-dialog-reason').fill('Customer asked for corrected notices');
    await page().getByTestId('confirm-dialog-confirm').click();
    // Nothing changed: the layout stays accepted and its package made, so the upload goes straight out again.
    await expect.poll(() => page().getByTestId('job-workflow-state').textContent()).toBe('Documents ready');
    await page().getByTestId('wizard-step-upload').click();
    await expect.poll(() => page().getByTestId('wizard').getAttribute('data-step')).toBe('upload');
    await expect.poll(() => page().getByTestId('queue-upload').isEnabled()).toBe(true);
    await page().getByTestId('queue-upload').click();
    await expect.poll(() => page().getByTestId('job-workflow-state').textContent()).toBe('Delivered');
    expect(await page().getByTestId('step-problems').count()).toBe(0);
    expect(await page().getByTestId('workflow-action-error').count()).toBe(0);

    // Finish leaves the job for the page it was opened from, saying what was finished.
    await page().getByTestId('wizard-next').click();
    await expect.poll(() => page().getByTestId('step-done').textContent()).toMatch(/^CO-3 is fulfilled: its staking package was delivered to the server \(claim package \S+\)\./);
    expect(await page().getByTestId('wizard').count()).toBe(0);
    expect(await page().getByTestId('jobs-list').count()).toBe(1);
  });
});
