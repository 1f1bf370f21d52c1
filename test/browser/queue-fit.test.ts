/**
 * The queue as staff see it on a laptop and use it without a mouse: at 1440 × 900 every column shown fits with
 * nothing cut (the Problems column in view); at 1024 × 700 with the details open the table scrolls sideways with a
 * drawn scrollbar and its header stays one line; the column chooser hides and shows columns; and the column sort
 * and "tick all" are reached and used with the keyboard alone. Screenshots at both sizes go to the test output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listedOrders, startBrowserHarness, type BrowserHarness, type ListedOrder } from '../helpers/browser-harness';

let h: BrowserHarness;
let listed: ListedOrder[];

beforeAll(async () => {
  // Scrollbars drawn as on a desktop (headless Chromium hides them by default): the test checks one is visible.
  h = await startBrowserHarness({ viewport: { width: 1440, height: 900 }, showScrollbars: true });
  listed = await listedOrders(h.server);
  await h.signInAndSync(listed.length);
});
afterAll(async () => {
  await h?.close();
});

const page = () => h.page;

/**
 * Header and row cells whose content is wider than the cell, by column. Free text (project, customer, company) may
 * end in an ellipsis only when the cell's tooltip holds the whole text; a chip, date, count or badge may never be cut.
 */
async function clippedCells(): Promise<string[]> {
  return page()
    .locator('[data-testid="order-table"] [role="columnheader"], [data-testid="order-row"] [role="gridcell"]')
    .evaluateAll((cells) =>
      cells
        .map((cell) => {
          // What the content needs, measured on an unconstrained copy in the same row (scrollWidth under-reports
          // text cut by an ellipsis): the copy's width at max-content against the cell's own.
          const copy = cell.cloneNode(true) as unknown as { style: object; getBoundingClientRect(): { width: number }; remove(): void };
          Object.assign(copy.style, { position: 'absolute', visibility: 'hidden', width: 'max-content', maxWidth: 'none', left: '0', top: '0' });
          cell.parentElement!.appendChild(copy as unknown as typeof cell);
          const needed = copy.getBoundingClientRect().width;
          copy.remove();
          return { cell, needed, width: cell.getBoundingClientRect().width };
        })
        .filter(({ needed, width }) => needed > width + 0.5)
        .map(({ cell, needed, width }) => Object.assign(cell, { needed: Math.ceil(needed), width: Math.floor(width) }))
        .filter((cell) => !(['projectName', 'customerEmail', 'companyName'].includes(cell.getAttribute('data-column') ?? '') && cell.getAttribute('title') === cell.textContent))
        .map((cell) => `${cell.closest('[data-order-number]')?.getAttribute('data-order-number') ?? 'header'}: ${cell.getAttribute('data-column') ?? cell.getAttribute('data-testid')} (${cell.needed} > ${cell.width})`),
    );
}

/** The grid's own box and scroll state. */
const gridBox = () =>
  page()
    .getByTestId('order-table')
    .evaluate((grid) => ({
      left: grid.getBoundingClientRect().left,
      clientWidth: grid.clientWidth,
      scrollWidth: grid.scrollWidth,
      // A drawn horizontal scrollbar takes height from the box; an overlay one (or none) takes none.
      scrollbarHeight: grid.offsetHeight - grid.clientHeight,
    }));

const headerHeights = () =>
  page()
    .locator('[data-testid="order-table"] [role="columnheader"]')
    .evaluateAll((cells) => [...new Set(cells.map((cell) => Math.round(cell.getBoundingClientRect().height)))]);

describe('the queue fits the window', () => {
  it('at 1440 × 900 nothing is cut and the Problems column is in view', async () => {
    await page().setViewportSize({ width: 1440, height: 900 });
    await expect.poll(() => h.rows().count()).toBe(listed.length);
    expect(await clippedCells()).toEqual([]);
    const grid = await gridBox();
    expect(grid.scrollWidth).toBeLessThanOrEqual(grid.clientWidth);
    const problems = await page().getByTestId('column-problemCount').boundingBox();
    expect(problems).not.toBeNull();
    expect(problems!.x + problems!.width).toBeLessThanOrEqual(grid.left + grid.clientWidth);
    expect(await headerHeights()).toEqual([32]);
    await h.screenshot('queue-fit-1440x900');
  });

  it('at 1024 × 700 with the details open, the table scrolls sideways with a visible scrollbar and a one-line header', async () => {
    await page().setViewportSize({ width: 1024, height: 700 });
    await h.rows().first().click();
    await page().getByTestId('order-details').waitFor();
    await expect.poll(async () => (await gridBox()).scrollWidth > (await gridBox()).clientWidth).toBe(true);
    expect((await gridBox()).scrollbarHeight).toBeGreaterThanOrEqual(8);
    expect(await headerHeights()).toEqual([32]);
    // Priority columns come first: what the order needs is in view without scrolling.
    const grid = await gridBox();
    for (const column of ['orderNumber', 'status', 'workflowState', 'paymentState', 'targetDate']) {
      const box = await page().getByTestId(`column-${column}`).boundingBox();
      expect(box!.x + box!.width, column).toBeLessThanOrEqual(grid.left + grid.clientWidth);
    }
    await h.screenshot('queue-fit-1024x700-details');
  });

  it('the column chooser hides and shows columns, and its choice is kept', async () => {
    await page().getByTestId('column-chooser').click();
    await page().getByTestId('column-choice-createdAt').uncheck();
    await page().getByTestId('column-choice-companyName').check();
    await expect.poll(() => page().getByTestId('column-createdAt').count()).toBe(0);
    await expect.poll(() => page().getByTestId('column-companyName').count()).toBe(1);
    expect(await h.rows().first().locator('[data-column="companyName"]').count()).toBe(1);
    await page().reload();
    await page().getByTestId('nav-queue').click().catch(() => undefined);
    await expect.poll(() => page().getByTestId('column-companyName').count()).toBe(1);
    expect(await page().getByTestId('column-createdAt').count()).toBe(0);
    await page().getByTestId('column-chooser').click();
    await page().getByTestId('column-chooser-reset').click();
    await expect.poll(() => page().getByTestId('column-createdAt').count()).toBe(1);
    await page().keyboard.press('Escape');
    await page().setViewportSize({ width: 1440, height: 900 });
    await page().keyboard.press('Escape');
  });
});

describe('the queue with the keyboard alone', () => {
  /** Presses Tab until the element matching `selector` has focus; fails if it is not reached within `max` presses. */
  async function tabTo(selector: string, max = 40): Promise<void> {
    for (let i = 0; i < max; i += 1) {
      const focused = (css: string) => (globalThis as unknown as { document: { activeElement: { matches(s: string): boolean } | null } }).document.activeElement?.matches(css) === true;
      if (await page().evaluate(focused, selector)) return;
      await page().keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  it('Tab reaches "tick all" and Space ticks every shown order', async () => {
    await page().getByTestId('search-box').focus();
    await tabTo('[data-testid="select-all-orders"]');
    await page().keyboard.press('Space');
    await expect.poll(() => page().getByTestId('order-check').evaluateAll((boxes) => boxes.every((box) => (box as unknown as { checked: boolean }).checked))).toBe(true);
    await page().keyboard.press('Space');
    await expect.poll(() => page().getByTestId('order-check').evaluateAll((boxes) => boxes.some((box) => (box as unknown as { checked: boolean }).checked))).toBe(false);
  });

  it('Tab reaches a column heading and Enter sorts by it, both ways', async () => {
    await tabTo('[data-testid="column-orderNumber"] button');
    const column = page().getByTestId('column-orderNumber');
    const before = await h.renderedOrderNumbers();
    await page().keyboard.press('Enter');
    await expect.poll(() => column.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => h.renderedOrderNumbers()).not.toEqual(before);
    const ascending = await h.renderedOrderNumbers();
    await page().keyboard.press('Enter');
    await expect.poll(() => column.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => h.renderedOrderNumbers()).toEqual([...ascending].reverse());
    // Enter on a heading sorts; it does not open the selected order's details.
    expect(await page().getByTestId('order-details').count()).toBe(0);
  });

  it('nothing failed along the way', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
