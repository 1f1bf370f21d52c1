/**
 * The cache keeps the desk working: an order the server stops listing turns "gone" (hidden unless asked for),
 * and with the server down a sync gives up after its real backoff, says "Offline — showing the cache from …",
 * and leaves every cached row listed and searchable.
 *
 * The tests share one harness, so the gone test runs first (it needs the server); the offline test does not
 * depend on it: it compares against whatever the queue showed right before the server went away.
 */
import { describe, expect, it } from 'vitest';
import { listedOrders } from '../helpers/browser-harness';
import { signedInHarnessForFile } from '../helpers/browser-suite';

const h = signedInHarnessForFile();

const row = (orderNumber: string) => h.page.locator(`[data-testid="order-row"][data-order-number="${orderNumber}"]`);

describe('cache: gone orders and offline', () => {
  it('an order completed on the server shows as gone only with "show gone orders" on', async () => {
    const before = await listedOrders(h.server);
    const target = before.find((o) => o.order_number === 'CO-5')!;
    expect(await row('CO-5').count()).toBe(1);

    expect(await h.server.store.setOrderStatus(target.order_type, target.id, 'fulfilled')).toBe(true);
    const after = await listedOrders(h.server);
    expect(after).toHaveLength(before.length - 1); // the server itself no longer lists it

    await h.syncNow();
    await h.waitForCount(after.length);
    expect(await row('CO-5').count()).toBe(0);
    expect(await h.page.getByTestId('gone-chip').count()).toBe(0);
    await expect.poll(() => h.page.getByTestId('last-synced').textContent()).toContain('1 gone');

    await h.page.getByTestId('filter-gone').check();
    await h.waitForCount(before.length);
    expect(await row('CO-5').getByTestId('gone-chip').textContent()).toBe('Gone');
    expect(await h.page.getByTestId('gone-chip').count()).toBe(1); // no other order is wrongly marked gone

    await row('CO-5').click();
    await expect.poll(() => h.page.getByTestId('gone-notice').textContent()).toContain('no longer lists this order');
    await h.page.getByTestId('details-close').click();

    await h.page.getByTestId('filter-gone').uncheck();
    await h.waitForCount(after.length);
    expect(await row('CO-5').count()).toBe(0);
  });

  it('with the server stopped, Sync gives up into an offline banner and the cache stays usable', async () => {
    const cached = await h.renderedOrderNumbers();
    expect(cached.length).toBeGreaterThan(0);
    await h.server.close();

    // Real backoff: four attempts with up to ~7 s of waiting between them.
    await h.syncNow(60_000);
    const banner = h.page.getByTestId('offline-banner');
    await banner.waitFor({ timeout: 30_000 });
    const title = await banner.locator('.notice__title').textContent();
    expect(title).toMatch(/^Offline — showing the cache from \S.*\d/);
    expect(await h.page.getByTestId('sync-bar').getAttribute('data-state')).toBe('offline');
    expect(await h.page.getByTestId('sync-error').count()).toBe(0);

    // Still listed, in the same order, and still searchable — all from the local cache.
    expect(await h.renderedOrderNumbers()).toEqual(cached);
    await h.waitForCount(cached.length);
    await h.screenshot('offline');

    await h.page.getByTestId('search-box').fill('Sundance Rare');
    await expect.poll(() => h.renderedOrderNumbers()).toEqual(['CO-4']);
    await h.waitForCount(1);
    await row('CO-4').click();
    await expect.poll(() => h.page.getByTestId('details-order-number').textContent()).toBe('CO-4');
    expect(await banner.isVisible()).toBe(true);

    // The renderer only ever talked to the host; losing the GeoDB server is not a browser-level failure.
    expect(h.failedRequests).toEqual([]);
    expect(h.consoleErrors).toEqual([]);
  });
});
