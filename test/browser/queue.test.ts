/**
 * The order queue against the demo server: sign in through the form, the first sync fills the queue, and the
 * search, filters and sort all narrow or reorder what the cache holds. Oracles come from the server's own
 * listed documents, never from the app.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listedOrders, startBrowserHarness, type BrowserHarness, type ListedOrder } from '../helpers/browser-harness';

let h: BrowserHarness;
let listed: ListedOrder[];

beforeAll(async () => {
  h = await startBrowserHarness();
  listed = await listedOrders(h.server);
  await h.signInAndSync(listed.length);
});
afterAll(async () => {
  await h?.close();
});

let oldestFirst: string[];

async function search(text: string): Promise<void> {
  await h.page.getByTestId('search-box').fill(text);
}

/** Waits for exactly these rows, in this order, and a matching count (a stale count alone proves nothing). */
async function expectRows(expected: string[]): Promise<void> {
  await expect.poll(() => h.renderedOrderNumbers()).toEqual(expected);
  await h.waitForCount(expected.length);
}

// Each test starts from the unfiltered queue in its default sort, whatever the previous test left behind.
beforeEach(async () => {
  oldestFirst ??= [...listed].sort((a, b) => a.created_at.localeCompare(b.created_at)).map((o) => o.order_number);
  const clear = h.page.getByTestId('clear-filters');
  if ((await h.page.getByTestId('search-box').inputValue()) !== '') await search('');
  if (await clear.isVisible()) await clear.click();
  const createdAt = h.page.getByTestId('column-createdAt');
  if ((await createdAt.getAttribute('aria-sort')) !== 'ascending') await createdAt.getByRole('button').click();
  await expectRows(oldestFirst);
});

describe('order queue (demo data)', () => {
  it('lists every order the server lists, oldest first, with both type labels', async () => {
    expect(listed.length).toBeGreaterThan(10); // the demo seed, not an empty server
    // The viewport is tall enough for the whole demo queue, so every row is rendered.
    expect(await h.renderedOrderNumbers()).toEqual(oldestFirst);
    expect(oldestFirst[0]).toBe('CPO-2026-0001'); // 2 October, the oldest listed demo order
    expect(await h.page.getByTestId('column-createdAt').getAttribute('aria-sort')).toBe('ascending');

    const typeCells = await h.rows().locator('[data-column="orderType"]').allTextContents();
    expect(new Set(typeCells)).toEqual(new Set(['BLM Map', 'QPlugin']));
    await expect.poll(() => h.page.getByTestId('cached-count').textContent()).toBe(`${listed.length} orders cached`);
    // One sync ran after sign-in (main starts it) and the bar reports what it did, not a second "no changes" pass.
    await expect.poll(() => h.page.getByTestId('sync-bar').textContent()).toContain(`${listed.length} new orders`);
    await h.screenshot('queue');
    expect(h.consoleErrors).toEqual([]);
    expect(h.failedRequests).toEqual([]);
  });

  it('search narrows by order number and by company name', async () => {
    const target = listed.find((o) => o.order_number.startsWith('CPO-'))!;
    await search(target.order_number);
    await expectRows([target.order_number]);

    await search('Plomosa Minerals');
    const byCompany = listed.filter((o) => o.company_name.includes('Plomosa Minerals')).map((o) => o.order_number);
    expect(byCompany).toEqual(['CO-7']);
    await expectRows(byCompany);

    // A company shared by nobody else, typed in another case: search is for people, not exact matches.
    await search('tanana valley');
    await expectRows(listed.filter((o) => o.company_name.startsWith('Tanana Valley')).map((o) => o.order_number));

    await h.page.getByTestId('clear-filters').click();
    await expectRows(oldestFirst);
    expect(await h.page.getByTestId('search-box').inputValue()).toBe('');
  });

  it('clearing filters right after typing also drops the search still waiting for its debounce', async () => {
    await h.page.getByTestId('filter-problems').check();
    await expect.poll(() => h.page.getByTestId('clear-filters').isVisible()).toBe(true);
    await h.page.getByTestId('search-box').fill('tanana');
    await h.page.getByTestId('clear-filters').click(); // well inside the debounce window
    await h.page.waitForTimeout(600); // longer than the debounce: a pending search would have come back by now
    expect(await h.page.getByTestId('search-box').inputValue()).toBe('');
    await expectRows(oldestFirst);
  });

  it('the type filter shows only that type', async () => {
    const qplugin = listed.filter((o) => o.order_type === 'claim_order');
    await h.page.getByTestId('filter-type').selectOption('claim_order');
    await expectRows(oldestFirst.filter((n) => qplugin.some((o) => o.order_number === n)));
    const typeCells = await h.rows().locator('[data-column="orderType"]').allTextContents();
    expect(new Set(typeCells)).toEqual(new Set(['QPlugin']));
  });

  it('"has problems" keeps only orders with a problem badge, including the broken demo geometry and claims over the legal limits as drawn', async () => {
    await h.page.getByTestId('filter-problems').check();
    // The badge is the app's verdict; the orders with deliberately broken geometry must be among them, and CO-6,
    // whose valid polygons are 1,540 ft long: it cannot be fulfilled as drawn.
    await expect.poll(async () => (await h.renderedOrderNumbers()).length).toBeLessThan(listed.length);
    const numbers = await h.renderedOrderNumbers();
    expect(numbers).toEqual(expect.arrayContaining(['CO-8', 'CPO-2026-0008', 'CO-7', 'CO-6']));
    await h.waitForCount(numbers.length);
    const badges = h.page.locator('[data-testid="problem-badge"], [data-testid="over-limits-badge"]');
    expect(await h.rows().filter({ has: badges }).count()).toBe(numbers.length);
    const co6 = h.page.locator('[data-testid="order-row"][data-order-number="CO-6"]');
    expect(await co6.getByTestId('over-limits-badge').textContent()).toContain('2 over limits');
    expect(await co6.getByTestId('over-limits-badge').getAttribute('title')).toBe('2 claims over the legal limits as drawn — lay out a grid');
    await co6.click();
    await expect.poll(() => h.page.getByTestId('details-over-limits').textContent()).toContain('1,540');
    await h.page.getByTestId('details-close').click();
    // ...and no order left out of the filter carried a problem badge in the full list.
    await h.page.getByTestId('filter-problems').uncheck();
    await expectRows(oldestFirst);
    const withBadge = h.rows().filter({ has: badges });
    expect((await withBadge.evaluateAll((els) => els.map((el) => el.getAttribute('data-order-number')))).sort()).toEqual([...numbers].sort());
  });

  it('sorting a column flips aria-sort and the row order', async () => {
    const column = h.page.getByTestId('column-orderNumber');
    expect(await column.getAttribute('aria-sort')).toBe('none');
    const before = oldestFirst;

    await column.getByRole('button').click();
    await expect.poll(() => column.getAttribute('aria-sort')).toBe('ascending');
    expect(await h.page.getByTestId('column-createdAt').getAttribute('aria-sort')).toBe('none');
    await expect.poll(() => h.renderedOrderNumbers()).not.toEqual(before);
    const ascending = await h.renderedOrderNumbers();
    expect([...ascending].sort()).toEqual([...before].sort()); // same orders, another order

    await column.getByRole('button').click();
    await expect.poll(() => column.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => h.renderedOrderNumbers()).toEqual([...ascending].reverse());

    // Back to the default sort so later checks start from the documented state.
    await h.page.getByTestId('column-createdAt').getByRole('button').click();
    await expect.poll(() => h.renderedOrderNumbers()).toEqual(before);
  });

  it('clearing several filters at once restores the full count', async () => {
    await search('Gold');
    await expect.poll(async () => (await h.renderedOrderNumbers()).length).toBeLessThan(listed.length);
    await h.page.getByTestId('filter-type').selectOption('claim_purchase');
    await h.page.getByTestId('filter-expedited').check();
    await expect.poll(() => h.page.getByTestId('order-count').textContent()).toMatch(/^\d order/);

    await h.page.getByTestId('clear-filters').click();
    await expectRows(oldestFirst);
    expect(await h.page.getByTestId('clear-filters').count()).toBe(0);
    expect(h.consoleErrors).toEqual([]);
  });
});
