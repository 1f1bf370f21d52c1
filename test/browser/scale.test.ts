/**
 * 10,000 orders × 8 claims: the queue counts them all, keeps only a window of rows in the DOM (virtualized),
 * reaches the newest order with End, and a search narrows the list — all against a real sync of the bench seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countText, listedOrders, startBrowserHarness, type BrowserHarness, type ListedOrder } from '../helpers/browser-harness';

const ORDERS = 10_000;
/** Far below 10,000: a viewport of rows plus the virtualizer's overscan. */
const MAX_ROWS_IN_DOM = 200;

let h: BrowserHarness;
let listed: ListedOrder[];

beforeAll(async () => {
  h = await startBrowserHarness({ seed: { orders: ORDERS, claimsPerOrder: 8 } });
  listed = await listedOrders(h.server);
  await h.signInAndSync(listed.length);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const byAge = () => [...listed].sort((a, b) => a.created_at.localeCompare(b.created_at));

/**
 * The queue's documented search: every whitespace-separated term, case-insensitively, somewhere in the order
 * number, customer e-mail, company or project. Written out here so the oracle does not call the app's SQL.
 */
function matchesSearch(order: ListedOrder, text: string): boolean {
  const haystack = [order.order_number, order.customer_email, order.company_name, order.project_name].join('\n').toLowerCase();
  return text.toLowerCase().split(/\s+/).filter(Boolean).every((term) => haystack.includes(term));
}

describe('queue at scale', () => {
  it('counts all 10,000 orders while rendering only a window of rows', async () => {
    expect(listed).toHaveLength(ORDERS);
    expect(await h.page.getByTestId('order-count').textContent()).toBe(`${countText(ORDERS)} · 10,000 in cache`);
    expect(countText(ORDERS)).toBe('10,000 orders');
    expect(await h.page.getByTestId('order-table').getAttribute('aria-rowcount')).toBe(String(ORDERS + 1));

    const rendered = await h.renderedOrderNumbers();
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(MAX_ROWS_IN_DOM);
    expect(rendered[0]).toBe(byAge()[0]!.order_number); // oldest first
    await h.screenshot('queue-10k');
  });

  it('End reaches the newest order, Home returns to the oldest', async () => {
    const newest = byAge().at(-1)!.order_number;
    const grid = h.page.getByTestId('order-table');
    await grid.focus();
    await h.page.keyboard.press('End');
    const last = h.page.locator(`[data-testid="order-row"][aria-rowindex="${ORDERS + 1}"]`);
    await expect.poll(() => last.getAttribute('data-order-number'), { timeout: 15_000 }).toBe(newest);
    expect(await last.getAttribute('aria-selected')).toBe('true');
    expect(await last.isVisible()).toBe(true);
    // Still a window, not everything rendered on the way down.
    expect(await h.rows().count()).toBeLessThan(MAX_ROWS_IN_DOM);
    expect(await h.page.locator('[role="row"][aria-rowindex="2"]').count()).toBe(0);

    await h.page.keyboard.press('Home');
    const first = h.page.locator('[data-testid="order-row"][aria-rowindex="2"]');
    await expect.poll(() => first.getAttribute('data-order-number')).toBe(byAge()[0]!.order_number);
  });

  it('a search narrows the 10,000 to the matching orders', async () => {
    // "Co. 42" alone would also match buyer42@…, Bench Project 142 and so on: the oracle applies the same rule.
    const company = 'Bench Mining Co. 42';
    const matching = byAge().filter((o) => matchesSearch(o, company));
    expect(matching.length).toBeGreaterThan(100);
    expect(matching.length).toBeLessThan(ORDERS / 5);

    await h.page.getByTestId('search-box').fill(company);
    await h.waitForCount(matching.length);
    const rendered = await h.renderedOrderNumbers();
    expect(rendered.length).toBeLessThan(MAX_ROWS_IN_DOM);
    expect(rendered).toEqual(matching.slice(0, rendered.length).map((o) => o.order_number));

    // One order number: exactly that order.
    const one = matching[7]!.order_number;
    await h.page.getByTestId('search-box').fill(one);
    await expect.poll(() => h.renderedOrderNumbers()).toEqual([one]);
    await h.waitForCount(1);

    expect(h.consoleErrors).toEqual([]);
    expect(h.failedRequests).toEqual([]);
  });
});
