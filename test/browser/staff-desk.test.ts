/**
 * The wizard as staff read and fix it, on CO-3 (two Idaho claims, ordered without a claimant):
 *   - every finished step gets a ✓, derived from the workflow and the check;
 *   - a Validate problem, clicked, zooms the map to its claim and offers the fix: Undo, or Edit it in Layout with
 *     the claim selected; Align corners works in feet;
 *   - the "Before moving on" banner on Claimant drops each problem once it is fixed; the date of location is one
 *     date picker, asked on Claimant only, with a hint that cannot be misread;
 *   - no internal text on any page visited: no reason codes, no guard codes, no "[VERIFY]".
 */
import { describe, expect, it, vi } from 'vitest';
import { signedInHarnessForFile } from '../helpers/browser-suite';
import { claimsMap, mapView } from '../helpers/browser-map';
import { ERROR_CODES } from '../../shared/errors';
import { OVERRIDABLE_GUARDS } from '../../shared/workflow/workflow.types';
import { GUARD_LABELS } from '../../shared/workflow/guard-labels';

const ORDER = 'CO-3';

vi.setConfig({ expect: { poll: { timeout: 10_000 } } });

const h = signedInHarnessForFile();

const page = () => h.page;
const step = () => page().getByTestId('wizard').getAttribute('data-step');
const saved = () => expect.poll(() => page().getByTestId('job-save-state').textContent()).toBe('All changes saved');
const finished = () =>
  page()
    .locator('[data-testid^="wizard-step-"][data-finished="true"]')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')!.replace('wizard-step-', '')));
const problems = () => page().getByTestId('validation-problems');
const problemCodes = () => problems().locator('[data-code]').evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
const viewOf = (scope: string) => mapView(claimsMap(page().getByTestId(scope)));

/**
 * Words that are codes, not sentences: snake_case reason codes, the IPC error codes and workflow guard codes
 * (kebab-case, matched exactly: "co-locator" is English), and the maintainers' "[VERIFY" mark.
 */
const KEBAB_CODES = [...ERROR_CODES, ...OVERRIDABLE_GUARDS, ...Object.keys(GUARD_LABELS)].filter((code) => code.includes('-'));
async function internalText(): Promise<string[]> {
  const text = await page().locator('body').innerText();
  const found = new Set<string>();
  for (const match of text.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)) found.add(match[0]);
  for (const code of KEBAB_CODES) if (new RegExp(`(^|[\\s(])${code}([\\s),.]|$)`).test(text)) found.add(code);
  if (text.includes('[VERIFY')) found.add('[VERIFY');
  return [...found];
}
const seen: Record<string, string[]> = {};
async function scan(where: string): Promise<void> {
  const found = await internalText();
  if (found.length > 0) seen[where] = found;
}

describe('the wizard as staff read and fix it', () => {
  it('pulls CO-3 and marks Import and Layout finished once claims are laid out', async () => {
    await page().locator(`[data-testid="order-row"][data-order-number="${ORDER}"]`).click();
    await scan('queue with details');
    await page().getByTestId('order-details').getByTestId('pull-order').click();
    await expect.poll(step).toBe('import');
    expect(await finished()).toEqual([]);
    await page().getByTestId('import-use-order').click();
    await expect.poll(step).toBe('layout');
    // Monuments is finished too: Idaho is read from the order, and its rules need nothing more.
    await expect.poll(finished).toEqual(['import', 'layout', 'monuments']);
    expect(await page().getByTestId('wizard-step-import').locator('.wizard-steps__number').textContent()).toBe('✓');
    await scan('layout');
  });

  it('a problem clicked in Validate zooms to its claim and offers Undo, which fixes it', async () => {
    const rows = page().getByTestId('layout-claim-row');
    const last = rows.last();
    await last.click();
    await page().getByTestId('edit-move-east').fill('10000');
    await page().getByTestId('edit-move-north').fill('0');
    await page().getByTestId('edit-move-apply').click();
    await saved();
    await page().getByTestId('wizard-step-validate').click();
    await expect.poll(step).toBe('validate');
    await expect.poll(problemCodes).toEqual(['outside_order_area']);
    await scan('validate');
    // Align corners is measured in feet, like everything else staff read.
    expect(await page().getByTestId('align-tolerance').locator('option').allTextContents()).toEqual(['1 ft', '3 ft', '6 ft']);

    const before = await viewOf('validate-step');
    await problems().getByTestId('issue-button').click();
    await expect.poll(async () => (await viewOf('validate-step')).zoom).toBeGreaterThan(before.zoom + 0.5);
    const after = await viewOf('validate-step');
    // The moved claim is ~3 km east of the order: the camera went east to it.
    expect(after.lon).toBeGreaterThan(before.lon);
    const fixes = problems().getByTestId('issue-fixes');
    expect(await fixes.getByTestId('issue-fix-undo').textContent()).toMatch(/^Undo Move/);
    await h.screenshot('validate-problem-fixes');
    await fixes.getByTestId('issue-fix-undo').click();
    await expect.poll(() => page().getByTestId('validation-problems').textContent()).toBe('No problems: nothing blocks the next step.');
  });

  it('"Edit in Layout" goes to Layout with the claim selected', async () => {
    await page().getByTestId('wizard-step-layout').click();
    await expect.poll(step).toBe('layout');
    await page().getByTestId('layout-claim-row').last().click();
    await page().getByTestId('edit-move-east').fill('10000');
    await page().getByTestId('edit-move-apply').click();
    await saved();
    await page().getByTestId('wizard-step-validate').click();
    await expect.poll(problemCodes).toEqual(['outside_order_area']);
    const claimId = await problems().locator('[data-code]').getAttribute('data-claim-id');
    await problems().getByTestId('issue-button').click();
    await problems().getByTestId('issue-fix-layout').click();
    await expect.poll(step).toBe('layout');
    await expect.poll(() => page().getByTestId('edit-target').textContent()).toContain('1 selected');
    expect(await page().locator('[data-testid="layout-claim-row"][aria-selected="true"]').getAttribute('data-claim-id')).toBe(claimId);
    await page().getByTestId('undo').click();
    await saved();
  });

  it('Claimant: the banner drops each problem once fixed; one date picker, asked here only', async () => {
    await page().getByTestId('wizard-step-validate').click();
    await expect.poll(step).toBe('validate');
    await page().getByTestId('wizard-next').click();
    await expect.poll(step).toBe('claimant');
    await expect.poll(finished).toEqual(['import', 'layout', 'monuments', 'validate']);
    await page().getByTestId('wizard-next').click();
    const banner = page().getByTestId('step-problems');
    await expect.poll(() => banner.locator('li').count()).toBeGreaterThanOrEqual(2);
    const listed = await banner.locator('li').allTextContents();
    await scan('claimant, blocked');

    await page().getByTestId('claimant-claimantName').fill('Lemhi Placer Partners LLC');
    await page().getByTestId('claimant-claimantName').press('Tab');
    await expect.poll(() => banner.locator('li').count()).toBe(listed.length - 1);
    expect((await banner.textContent()) ?? '').not.toMatch(/claimant.s name/i);
    await page().getByTestId('claimant-address1').fill('PO Box 88, Salmon, ID 83467');
    await page().getByTestId('claimant-address1').press('Tab');
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(finished).toEqual(['import', 'layout', 'monuments', 'validate', 'claimant']);

    const date = page().getByTestId('claimant-dateOfLocation');
    expect(await date.getAttribute('type')).toBe('date');
    const hint = await page().locator(`[id="${(await date.getAttribute('aria-describedby'))!.split(' ')[0]}"]`).textContent();
    expect(hint).toMatch(/by hand/);
    expect(hint).not.toMatch(/in the field/);
    await date.fill('2026-12-01');
    await date.press('Tab');
    await page().getByTestId('wizard-next').click();
    await expect.poll(step).toBe('documents');
    // Shown on Documents (it is printed on every notice), but not asked there a second time.
    const shown = page().getByTestId('documents-dateOfLocation');
    await expect.poll(() => shown.getAttribute('data-date')).toBe('2026-12-01');
    expect(await page().locator('input[data-testid="documents-dateOfLocation"]').count()).toBe(0);
    expect(await page().locator('input[type="date"], input[placeholder="YYYY-MM-DD"]').count()).toBe(0);
    await scan('documents');
  });

  it('no internal text on the Monuments rules panel, the outbox, the dashboard, the jobs or an order’s problems', async () => {
    await page().getByTestId('wizard-step-monuments').click();
    await expect.poll(step).toBe('monuments');
    await expect.poll(() => page().getByTestId('state-rule-summary').textContent()).toContain('Idaho rules');
    await scan('monuments');
    await page().getByTestId('back-to-queue').click();
    await page().getByTestId('nav-outbox').click();
    await page().getByTestId('outbox-page').waitFor();
    await scan('outbox');
    for (const nav of ['nav-dashboard', 'nav-jobs']) {
      await page().getByTestId(nav).click();
      await page().waitForLoadState('networkidle');
      await scan(nav);
    }
    // The queue's details of an order with problems (CO-7: polygons in metres) list them without their codes.
    await page().getByTestId('nav-queue').click();
    await page().locator('[data-testid="order-row"][data-order-number="CO-7"]').click();
    await expect.poll(() => page().getByTestId('order-problems').locator('li').count()).toBeGreaterThan(0);
    await scan('queue, CO-7 details');
    expect(seen).toEqual({});
  });

  it('nothing failed along the way', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
