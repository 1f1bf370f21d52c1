/**
 * Desk assignment in the queue: an order another staff member claimed on the server reads "Being worked by NAME
 * since DATE" in the queue and in its details after this desk's sync, a staff pull is refused with that sentence,
 * and a manager is offered the take-over. Screenshot of the queue with the held order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentPath } from '../../shared/api/assignment.schemas';
import { listedOrders, startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
  // Another desk (demo-staff-2) claims CO-1 on the server before this desk's first sync.
  const signIn = await fetch(`${h.server.url}/api-token-auth/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-staff-2', password: 'claimdesk-demo' }) });
  const { token } = (await signIn.json()) as { token: string };
  const claimed = await fetch(`${h.server.url}${assignmentPath('claim', 'claim_order', 1)}`, { method: 'POST', headers: { authorization: `Token ${token}`, 'content-type': 'application/json' }, body: '{}' });
  expect(claimed.status).toBe(200);
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
});
