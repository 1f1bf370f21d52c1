/**
 * Desk assignment in the queue: an order another staff member claimed on the server reads "Being worked by NAME
 * since DATE" in the queue and in its details after this desk's sync, a staff pull is refused with that sentence,
 * and a manager is offered the take-over. Then, with the order's job on this desk: the manager releases it, claims
 * it again from the order's details, releases it once more, and after another desk claimed it meanwhile takes it
 * over there with a reason (the server's holder is the oracle). Screenshots of the queue with the held order and
 * of the take-over on an existing job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentPath } from '../../shared/api/assignment.schemas';
import { listedOrders, startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness';

let h: BrowserHarness;

/** Another desk (demo-staff-2) claims CO-1 on the server; answers the server's status for the claim. */
async function claimAtOtherDesk(): Promise<number> {
  const signIn = await fetch(`${h.server.url}/api-token-auth/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-staff-2', password: 'claimdesk-demo' }) });
  const { token } = (await signIn.json()) as { token: string };
  const claimed = await fetch(`${h.server.url}${assignmentPath('claim', 'claim_order', 1)}`, { method: 'POST', headers: { authorization: `Token ${token}`, 'content-type': 'application/json' }, body: '{}' });
  return claimed.status;
}

/** Who the server says works CO-1 (its pending list), by username; null for nobody. */
async function serverHolder(): Promise<string | null> {
  const listed = (await listedOrders(h.server)).find((order) => order.order_number === 'CO-1') as { assigned_to?: { username: string } | null } | undefined;
  return listed?.assigned_to?.username ?? null;
}

beforeAll(async () => {
  h = await startBrowserHarness();
  // Claimed at the other desk before this desk's first sync.
  expect(await claimAtOtherDesk()).toBe(200);
  await h.signInAndSync((await listedOrders(h.server)).length);
});
afterAll(async () => {
  await h?.close();
});

describe('desk assignment in the queue', () => {
  it('shows who works a held order, refuses a staff pull with the same sentence and offers a manager the take-over', async () => {
    const row = h.rows().filter({ hasText: 'CO-1' }).first();
    const held = row.getByTestId('held-by');
    await expect.poll(() => held.textContent()).toMatch(/^Being worked by Tomas Arriaga since \d{1,2} \w{3} \d{4}$/);
    const sentence = (await held.textContent()) ?? '';
    expect(await held.getAttribute('title')).toBe(sentence);
    // Only the held order says so.
    expect(await h.rows().getByTestId('held-by').count()).toBe(1);
    await h.screenshot('queue-held-order');

    await row.click();
    await expect.poll(() => h.page.getByTestId('held-by-notice').textContent()).toContain(`${sentence}.`);
    await h.page.getByTestId('pull-order').click();
    await expect.poll(() => h.page.getByTestId('pull-refusal-message').textContent()).toBe(`${sentence}. Only a manager or admin can take it over, with a reason.`);
    expect(await h.page.getByTestId('pull-override').count()).toBe(0);
    await h.screenshot('order-held-details');

    await h.page.getByTestId('nav-dashboard').click();
    await expect.poll(() => h.page.getByTestId('dashboard-held-order').allTextContents()).toEqual([`CO-1: ${sentence}`]);
    await h.screenshot('dashboard-held-elsewhere');

    await h.switchUser('demo-manager');
    await h.page.getByTestId('nav-queue').click();
    await h.rows().filter({ hasText: 'CO-1' }).first().click();
    await h.page.getByTestId('pull-order').click();
    await expect.poll(() => h.page.getByTestId('pull-refusal-message').textContent()).toBe(`${sentence}. As a manager or admin you can take it over with a reason.`);
    await expect.poll(() => h.page.getByTestId('pull-override').count()).toBe(1);
    expect(h.consoleErrors).toEqual([]);
  });

  it("claims again, and takes over, an order whose job is on this desk, from the order's details", async () => {
    // The manager's pull takes CO-1 over (the previous test left the manager signed in, the refusal shown).
    await h.page.getByTestId('pull-override').click();
    const pullDialog = h.page.getByTestId('pull-override-dialog');
    await pullDialog.getByTestId('pull-override-dialog-reason').fill('Tomas is away this week');
    await pullDialog.getByTestId('confirm-dialog-confirm').click();
    await expect.poll(() => h.page.getByTestId('job-order-number').textContent()).toBe('CO-1');
    await expect.poll(serverHolder, { timeout: 20_000 }).toBe('demo-manager');

    const openDetails = async () => {
      await h.page.getByTestId('nav-queue').click();
      await h.rows().filter({ hasText: 'CO-1' }).first().click();
    };
    await openDetails();
    await expect.poll(() => h.page.getByTestId('claimed-notice').count(), { timeout: 20_000 }).toBe(1);
    await h.page.getByTestId('release-order').click();
    await expect.poll(serverHolder, { timeout: 20_000 }).toBe(null);

    // Nobody holds it now: the desk that has the job offers to claim it again.
    const claim = h.page.getByTestId('claim-order');
    await expect.poll(() => claim.count(), { timeout: 20_000 }).toBe(1);
    await claim.click();
    await expect.poll(serverHolder, { timeout: 20_000 }).toBe('demo-manager');
    await expect.poll(() => h.page.getByTestId('claimed-notice').count(), { timeout: 20_000 }).toBe(1);

    // Released once more, and claimed at the other desk meanwhile: after a sync the manager takes it over here.
    await h.page.getByTestId('release-order').click();
    await expect.poll(serverHolder, { timeout: 20_000 }).toBe(null);
    expect(await claimAtOtherDesk()).toBe(200);
    await h.syncNow();
    await openDetails();
    const takeOver = h.page.getByTestId('take-over-order');
    await expect.poll(() => takeOver.count(), { timeout: 20_000 }).toBe(1);
    expect(await h.page.getByTestId('held-by-notice').textContent()).toContain('This desk has the order’s job');
    await takeOver.click();
    const dialog = h.page.getByTestId('take-over-dialog');
    const confirm = dialog.getByTestId('confirm-dialog-confirm');
    await dialog.getByTestId('take-over-dialog-reason').fill('ok');
    expect(await confirm.isDisabled()).toBe(true); // a reason says why, in at least 3 characters
    await dialog.getByTestId('take-over-dialog-reason').fill('Customer needs the package by Friday');
    await h.screenshot('order-take-over-existing-job');
    await confirm.click();
    await expect.poll(serverHolder, { timeout: 20_000 }).toBe('demo-manager');
    await expect.poll(() => h.page.getByTestId('claimed-notice').count(), { timeout: 20_000 }).toBe(1);
    expect(h.consoleErrors).toEqual([]);
  });
});
