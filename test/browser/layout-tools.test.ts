/**
 * The grid tools as staff use them on CO-4 (six claims purchased, drawn as a 3 × 2 block running 150°):
 * the grid form starts from the order's own direction and block, "Fit to the order's area" follows it with no
 * more claims than purchased, one prefix names everything (a fit never undoes a rename), and Serpentine numbers a
 * grid that was rotated after it was generated along its own rows. An edit main refuses is put back, with why.
 */
import { describe, expect, it, vi } from 'vitest';
import { signedInHarnessForFile } from '../helpers/browser-suite';
import { claimsMap, waitForMapReady } from '../helpers/browser-map';

const ORDER = 'CO-4';

vi.setConfig({ expect: { poll: { timeout: 10_000 } } });

const h = signedInHarnessForFile();

const page = () => h.page;
const step = () => page().getByTestId('wizard').getAttribute('data-step');
const laidOut = () => page().getByTestId('job-laid-out').textContent();
const layoutNames = () => page().getByTestId('layout-claim-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-claim-name')));
const axial = (a: number, b: number) => Math.min(...[0, 180, 360, -180].map((k) => Math.abs(a - b + k)));

describe("the grid tools follow the order's own shape", () => {
  it("opens CO-4's layout with one prefix suggested from the order's claim names", async () => {
    await page().locator(`[data-testid="order-row"][data-order-number="${ORDER}"]`).click();
    await page().getByTestId('order-details').getByTestId('pull-order').click();
    await expect.poll(step).toBe('import');
    await page().getByTestId('import-use-order').click();
    await expect.poll(step).toBe('layout');
    await expect.poll(laidOut).toBe('6 claims laid out');
    expect(await page().getByTestId('layout-prefix').inputValue()).toBe('BEAR');
    expect(await page().getByTestId('layout-prefix-hint').textContent()).toContain("the order's own claim names");
    // One prefix field on the whole step: none in the grid form, none in the edit toolbar.
    await page().getByTestId('layout-mode-grid').click();
    expect(await page().locator('[data-testid="layout-step"] input[data-testid$="prefix"]').count()).toBe(1);
  });

  it("the grid form defaults to the order's direction and block, and Fit lays out its six claims, none outside", async () => {
    const azimuth = Number(await page().getByTestId('grid-azimuth').inputValue());
    expect(axial(azimuth, 150)).toBeLessThan(1);
    expect([await page().getByTestId('grid-rows').inputValue(), await page().getByTestId('grid-cols').inputValue()]).toEqual(['3', '2']);

    // Start from a wrong grid (north-aligned), as the reviewer did, then fit.
    await page().getByTestId('grid-azimuth').fill('0');
    await page().getByTestId('grid-fit-area').click();
    await expect.poll(laidOut).toBe('6 claims laid out');
    expect(axial(Number(await page().getByTestId('grid-azimuth').inputValue()), 150)).toBeLessThan(1);
    expect(await page().getByTestId('grid-fit-note').count()).toBe(0);
    await expect.poll(layoutNames).toEqual(['BEAR 1', 'BEAR 2', 'BEAR 3', 'BEAR 4', 'BEAR 5', 'BEAR 6']);

    await page().getByTestId('wizard-step-validate').click();
    await expect.poll(step).toBe('validate');
    await expect.poll(() => page().getByTestId('validation-problems').textContent()).toBe('No problems: nothing blocks the next step.');
    const warnings = (await page().getByTestId('validation-warnings').textContent()) ?? '';
    expect(warnings).not.toContain('outside');
    await page().getByTestId('wizard-step-layout').click();
    await expect.poll(step).toBe('layout');
  });

  it('a rename with the one prefix survives a later fit', async () => {
    await page().getByTestId('layout-prefix').fill('BL');
    await page().getByTestId('edit-rename-apply').click();
    await expect.poll(layoutNames).toEqual(['BL 1', 'BL 2', 'BL 3', 'BL 4', 'BL 5', 'BL 6']);
    await page().getByTestId('layout-mode-grid').click();
    await page().getByTestId('grid-fit-area').click();
    await expect.poll(layoutNames).toEqual(['BL 1', 'BL 2', 'BL 3', 'BL 4', 'BL 5', 'BL 6']);
  });

  it('Serpentine numbers a 3 × 4 grid rotated 15° along its own rows', async () => {
    await page().getByTestId('grid-rows').fill('3');
    await page().getByTestId('grid-cols').fill('4');
    await page().getByTestId('grid-azimuth').fill('0');
    await page().getByTestId('grid-anchor-mode').selectOption('center');
    await page().getByTestId('grid-generate').click();
    await expect.poll(laidOut).toBe('12 claims laid out');
    await page().getByTestId('edit-rotate-deg').fill('15');
    await page().getByTestId('edit-rotate-apply').click();
    await page().getByTestId('edit-renumber-order').selectOption('serpentine');
    await page().getByTestId('edit-renumber-tolerance').fill('300');
    await page().getByTestId('edit-renumber').click();

    // Read the numbering from what was saved (the claims' own corners), in the grid's frame after a 15° clockwise
    // turn: forward (sin 15°, cos 15°) east/north, right-hand (cos 15°, -sin 15°).
    const t = (15 * Math.PI) / 180;
    const savedRows = async () => {
      const { jobs } = await h.app.handlers.listJobs({});
      const summary = jobs.find((j) => j.orderNumber === ORDER)!;
      const job = await h.app.handlers.getJob({ jobId: summary.id });
      const claims = job.layout.claims.map((c) => {
        const [x, y] = c.corners.reduce(([sx, sy], [cx, cy]) => [sx + cx / c.corners.length, sy + cy / c.corners.length], [0, 0]);
        return { n: Number(c.name.replace(/^\D+/, '')), forward: x * Math.sin(t) + y * Math.cos(t), across: x * Math.cos(t) - y * Math.sin(t) };
      });
      if (claims.length !== 12) return claims.length;
      return [0, 1, 2].map((r) =>
        [...claims]
          .sort((a, b) => b.forward - a.forward)
          .slice(r * 4, r * 4 + 4)
          .sort((a, b) => a.across - b.across)
          .map((c) => c.n),
      );
    };
    await expect.poll(savedRows).toEqual([
      [1, 2, 3, 4],
      [8, 7, 6, 5],
      [9, 10, 11, 12],
    ]);
    await waitForMapReady(claimsMap(page().getByTestId('layout-step')));
    await h.screenshot('layout-serpentine-rotated');
  });

  it('a 600-claim grid: the table keeps a few rows in the page, counts all of them, and the keyboard walks to the last', async () => {
    await page().getByTestId('grid-rows').fill('20');
    await page().getByTestId('grid-cols').fill('30');
    await page().getByTestId('grid-generate').click();
    await expect.poll(laidOut).toBe('600 claims laid out');
    const table = page().getByTestId('layout-claims-table');
    expect(await table.getAttribute('aria-rowcount')).toBe('602'); // the header and the total row count too
    expect(await table.locator('tfoot').textContent()).toContain('600 claims');
    const inPage = await page().getByTestId('layout-claim-row').count();
    expect(inPage).toBeGreaterThan(5);
    expect(inPage).toBeLessThan(100);

    await page().getByTestId('layout-claim-row').first().click();
    const firstName = await page().getByTestId('layout-claim-row').first().getAttribute('data-claim-name');
    await table.focus();
    await page().keyboard.press('ArrowDown');
    const selected = page().locator('[data-testid="layout-claim-row"][aria-selected="true"]');
    await expect.poll(() => selected.getAttribute('aria-rowindex')).toBe('3');
    await page().keyboard.press('End');
    await expect.poll(() => selected.getAttribute('aria-rowindex')).toBe('601');
    // The last row is in the page (scrolled to) and is the table's active row for a screen reader.
    expect(await table.getAttribute('aria-activedescendant')).toBe(await selected.getAttribute('id'));
    await page().keyboard.press('Shift+ArrowUp');
    await expect.poll(() => selected.count()).toBe(2);
    await page().keyboard.press('Home');
    await expect.poll(() => selected.getAttribute('data-claim-name')).toBe(firstName);
    expect(await selected.count()).toBe(1);
  });

  it('a layout edit main refuses (the job went on hold meanwhile) is put back, with the reason', async () => {
    const { jobs } = await h.app.handlers.listJobs({});
    const jobId = jobs.find((job) => job.orderNumber === ORDER)!.id;
    const before = await layoutNames();
    const stored = (await h.app.handlers.getJob({ jobId })).layout.claims.map((claim) => claim.name);
    expect(stored.slice(0, before.length)).toEqual(before);
    // Behind this window's back (another desk, say): an edit to a job on hold is refused by the workflow.
    await h.app.handlers.fireWorkflowEvent({ jobId, action: 'HOLD', reason: 'Waiting for the claimant to sign' });

    await page().getByTestId('layout-claim-row').first().click();
    await page().getByTestId('layout-prefix').fill('HELD');
    await page().getByTestId('layout-first-number').fill('1');
    await page().getByTestId('edit-rename-apply').click();
    await expect.poll(async () => (await layoutNames())[0]).toBe('HELD 1');
    // Once main has answered: "Not saved" with main's reason, and the rename is gone from the table (main's layout).
    const saveState = page().getByTestId('job-save-state');
    await expect.poll(() => saveState.textContent()).toMatch(/^Not saved: .*hold/i);
    await expect.poll(layoutNames).toEqual(before);
    expect((await h.app.handlers.getJob({ jobId })).layout.claims.map((claim) => claim.name)).toEqual(stored);

    await h.app.handlers.fireWorkflowEvent({ jobId, action: 'RESUME', reason: null });
  });

  it('nothing failed along the way', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
