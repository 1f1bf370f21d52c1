/**
 * The crew panel in Chromium against the real back-end and reference server: a crew member filters the queue to
 * "Awaiting crew" (only the Nevada staking-service order in their coverage), registers interest from the order's
 * crew panel (sent through the outbox); a second crew's interest arrives; the manager sees both in the panel,
 * assigns one with a reason, and the panel turns to "Crew assigned" with the other interest not chosen. Then the
 * manager changes a crew member's coverage in Settings (a bad line refused, the server's answer shown back), and the
 * crew member reads it there without being able to change it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREW, DEMO_PASSWORD, type DemoUser } from '../../server';
import { crewCoveragePath, crewOrderPath } from '../../shared/api/crews.schemas';
import { listedOrders, startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness';

const SECOND_CREW: DemoUser = { ...DEMO_CREW, username: 'crew-two', first_name: 'Sage', last_name: 'Begay', email: 'two@crew.example', coverage: [{ state: 'NV', county: null }] };
const SB = 'CPO-2026-0001';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
  await h.server.store.createUser(SECOND_CREW);
  await h.signInAndSync((await listedOrders(h.server)).length, DEMO_CREW.username);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const panel = () => h.page.getByTestId('crew-panel');
const row = (orderNumber: string) => h.page.locator(`[data-testid="order-row"][data-order-number="${orderNumber}"]`);

async function openOrder(orderNumber: string): Promise<void> {
  await row(orderNumber).click();
  await expect.poll(() => h.page.getByTestId('details-order-number').textContent()).toBe(orderNumber);
}

describe('field crews in the app', () => {
  it('a crew member sees the orders awaiting a crew in their coverage and registers interest', async () => {
    await h.page.getByTestId('filter-awaiting-crew').click();
    await expect.poll(() => h.renderedOrderNumbers()).toEqual([SB]);
    await openOrder(SB);
    await expect.poll(() => panel().getAttribute('data-crew-state')).toBe('awaiting_crew');
    expect(await panel().textContent()).toContain('Esmeralda County, NV');
    const form = panel().getByTestId('crew-interest-form');
    await form.getByLabel('Your price (US dollars)').fill('2,400');
    await form.getByLabel('Earliest day on the ground').fill('2026-12-01');
    await form.getByLabel('Note for the manager').fill('Two people, two days; truck with a post driver');
    await form.getByRole('button', { name: 'Register interest' }).click();
    // Sent through the outbox; the board read after delivery shows it as the server keeps it.
    await expect.poll(() => panel().locator('[data-testid="crew-interest"][data-crew="demo-crew"]').getAttribute('data-status'), { timeout: 30_000 }).toBe('active');
    expect(await panel().getByTestId('crew-withdraw').isVisible()).toBe(true);
  });

  it('the manager sees both interests, assigns one with a reason, and the other is not chosen', async () => {
    const token = await h.server.store.tokenFor(SECOND_CREW.username);
    const answer = await fetch(`${h.server.url}${crewOrderPath('interests', 'claim_purchase', 1)}`, {
      method: 'POST',
      headers: { authorization: `Token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ proposed_cost_cents: 215_000, earliest_date: '2026-12-04', note: 'Can start after the storm' }),
    });
    expect(answer.status).toBe(201);

    await h.switchUser('demo-manager', DEMO_PASSWORD);
    await h.page.getByTestId('nav-queue').click();
    await h.syncNow();
    await openOrder(SB);
    await expect.poll(() => panel().getByTestId('crew-interest').count()).toBe(2);
    await panel().locator('[data-testid="crew-interest"][data-crew="demo-crew"]').getByTestId('crew-choose').click();
    const assign = panel().getByTestId('crew-assign-form');
    await assign.getByRole('textbox').fill('On site first, knows the Goldfield district');
    await panel().scrollIntoViewIfNeeded();
    await h.screenshot('crew-panel-interests');
    await assign.getByRole('button', { name: /Assign Rowan Tafoya/ }).click();
    await expect.poll(() => panel().getAttribute('data-crew-state'), { timeout: 30_000 }).toBe('crew_assigned');
    expect(await panel().getByTestId('crew-assigned').textContent()).toBe('Rowan Tafoya');
    expect(await panel().locator('[data-testid="crew-interest"][data-crew="crew-two"]').getAttribute('data-status')).toBe('rejected');
    expect(await panel().textContent()).toContain('Another crew was assigned: On site first, knows the Goldfield district');
    await panel().scrollIntoViewIfNeeded();
    await h.screenshot('crew-panel-assigned');
    expect(h.consoleErrors).toEqual([]);
  });

  it('the manager edits a crew member\'s coverage in Settings, which the crew member then reads but cannot change', async () => {
    const serverCoverage = async () => {
      const token = await h.server.store.tokenFor('demo-manager');
      const answer = await fetch(`${h.server.url}${crewCoveragePath(SECOND_CREW.username)}`, { headers: { authorization: `Token ${token}` } });
      return ((await answer.json()) as { areas: unknown }).areas;
    };
    await h.page.getByTestId('open-settings').click();
    const coverage = h.page.getByTestId('settings-dialog').getByTestId('crew-coverage-settings');
    await coverage.getByLabel('Crew member (username)').fill(SECOND_CREW.username);
    await coverage.getByRole('button', { name: 'Load' }).click();
    const areas = coverage.getByLabel('crew-two’s coverage');
    await expect.poll(() => areas.inputValue()).toBe('NV');

    // A line that is no state is refused with its line, and the server keeps what it had.
    await areas.fill('NV: Esmeralda\nXX');
    await coverage.getByRole('button', { name: 'Save coverage' }).click();
    await expect.poll(() => coverage.getByRole('alert').textContent()).toContain('Line 2 ("XX") is not a state code');
    expect(await serverCoverage()).toEqual([{ state: 'NV', county: null }]);

    await areas.fill('nv: Esmeralda County\n\naz');
    await coverage.getByRole('button', { name: 'Save coverage' }).click();
    await expect.poll(() => coverage.getByRole('status').textContent()).toBe('Saved on the server: crew-two now covers 2 areas.');
    expect(await serverCoverage()).toEqual([{ state: 'AZ', county: null }, { state: 'NV', county: 'Esmeralda' }]);
    // Shown back as the server keeps it.
    expect(await areas.inputValue()).toBe('AZ\nNV: Esmeralda');
    await h.page.getByTestId('settings-dialog').getByRole('button', { name: 'Cancel' }).click();

    await h.switchUser(SECOND_CREW.username, DEMO_PASSWORD);
    await h.page.getByTestId('open-settings').click();
    const own = h.page.getByTestId('settings-dialog').getByTestId('crew-coverage-settings');
    const mine = own.getByLabel('Your coverage');
    await expect.poll(() => mine.inputValue()).toBe('AZ\nNV: Esmeralda');
    expect(await mine.getAttribute('readonly')).not.toBeNull();
    expect(await own.getByRole('button', { name: 'Save coverage' }).count()).toBe(0);
    expect(await own.getByLabel('Crew member (username)').count()).toBe(0);
    await h.page.getByTestId('settings-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(h.consoleErrors).toEqual([]);
  });
});
