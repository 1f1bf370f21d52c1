/**
 * The details panel: opened by mouse and by keyboard, it names the claim that breaks an order, shows the package
 * an order already has, and shouts when a QPlugin order has no claimant. The demo seed's deliberate flaws are
 * the oracle (server/seed/demo-orders.data.ts): CO-8 ships a LineString "ELK 1 vein trace", CPO-2026-0008 a
 * bow-tie in its second claim "HRM 2", CO-7 UTM metres, CPO-2026-0003 package 1041, CO-3 no claimant.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { signedInHarnessForFile } from '../helpers/browser-suite';

const h = signedInHarnessForFile();

// Every test opens its own order from a closed panel.
beforeEach(async () => {
  const close = h.page.getByTestId('details-close');
  if (await close.isVisible()) await close.click();
  await expect.poll(() => h.page.getByTestId('order-details').count()).toBe(0);
});

const row = (orderNumber: string) => h.page.locator(`[data-testid="order-row"][data-order-number="${orderNumber}"]`);
const details = () => h.page.getByTestId('order-details');

async function openByClick(orderNumber: string): Promise<void> {
  await row(orderNumber).click();
  await expect.poll(() => details().getByTestId('details-order-number').textContent()).toBe(orderNumber);
}

/** Keyboard path: focus the grid, walk with ArrowDown to the row, press Enter. */
async function openByKeyboard(orderNumber: string): Promise<void> {
  const target = Number(await row(orderNumber).getAttribute('aria-rowindex')) - 2;
  const grid = h.page.getByTestId('order-table');
  await grid.focus();
  await h.page.keyboard.press('Home');
  for (let i = 0; i < target; i += 1) await h.page.keyboard.press('ArrowDown');
  await expect.poll(() => row(orderNumber).getAttribute('aria-selected')).toBe('true');
  expect(await grid.getAttribute('aria-activedescendant')).toBe(await row(orderNumber).getAttribute('id'));
  await h.page.keyboard.press('Enter');
  await expect.poll(() => details().getByTestId('details-order-number').textContent()).toBe(orderNumber);
}

describe('order details', () => {
  it('a LineString claim is named in the problems (opened by click)', async () => {
    await openByClick('CO-8');
    const problems = details().getByTestId('order-problems');
    await expect.poll(() => problems.textContent()).toContain('ELK 1 vein trace');
    expect(await problems.locator('.issues__claim').allTextContents()).toContain('ELK 1 vein trace: ');
    // The row the panel belongs to is marked as the opened one.
    expect(await row('CO-8').getAttribute('class')).toContain('grid-row--opened');
  });

  it('a bow-tie claim is named in the problems (opened with the keyboard)', async () => {
    await openByKeyboard('CPO-2026-0008');
    const problems = details().getByTestId('order-problems');
    await expect.poll(() => problems.locator('.issues__claim').allTextContents()).toEqual(['HRM 2: ']);
    expect(await details().getByTestId('package-chip').count()).toBe(0);
    expect(await details().getByTestId('details-package').textContent()).toBe('Not packaged yet');
  });

  it('UTM-metre coordinates are reported as a problem', async () => {
    await openByKeyboard('CO-7');
    const problems = details().getByTestId('order-problems');
    await expect.poll(() => problems.locator('li').count()).toBeGreaterThan(0);
    // Every claim of the order is in metres, so every one is reported by name.
    const claims = await problems.locator('.issues__claim').allTextContents();
    expect(new Set(claims)).toEqual(new Set(['QTZ 1: ', 'QTZ 2: ', 'QTZ 3: ']));
    expect(await problems.textContent()).toMatch(/UTM|metre|meter|projected|longitude|latitude/i);
  });

  it('Escape closes the panel; an order with a package shows its package number', async () => {
    await openByClick('CO-8');
    await h.page.getByTestId('order-table').focus();
    await h.page.keyboard.press('Escape');
    await expect.poll(() => details().count()).toBe(0);

    await openByClick('CPO-2026-0003');
    expect(await details().getByTestId('package-chip').textContent()).toBe('Package #1041');
    expect(await details().getByTestId('details-package').textContent()).toBe('Package #1041');
    expect(await details().getByTestId('order-problems').count()).toBe(0);
  });

  it('a QPlugin order without claimant says "Claimant info needed"; one with a claimant shows it', async () => {
    await openByClick('CO-3');
    const needed = details().getByTestId('claimant-needed');
    await expect.poll(() => needed.textContent()).toContain('Claimant info needed');
    expect(await details().getByTestId('claimant-info').count()).toBe(0);
    // The claims table lists the order's claims by name.
    expect(await details().getByTestId('details-claims').locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining('LEES 1'),
      expect.stringContaining('LEES 2'),
    ]);

    await openByClick('CO-1');
    await expect.poll(() => details().getByTestId('claimant-info').textContent()).toContain('Independence Gold Ventures LLC');
    expect(await details().getByTestId('claimant-needed').count()).toBe(0);
  });

  it('screenshot: an order with problems open beside the queue', async () => {
    await openByClick('CO-8');
    await details().getByTestId('order-problems').waitFor();
    await h.screenshot('details');
    expect(h.consoleErrors).toEqual([]);
    expect(h.failedRequests).toEqual([]);
  });
});
