/**
 * More claims than purchased: on the clean demo order CO-1 (6 claims purchased, drawn as a legal block), one claim
 * added on the map makes Validate report capacity_exceeded and blocks Next; staff may not record the override (main
 * refuses it and the form says who can); a manager who takes over the same window records it with a reason and
 * Next goes on; undo and redo of the add change the claim count.
 *
 * The added claim must break nothing but the count (no overlap, not outside the order), so the test makes room for
 * it inside the order's area: it moves the whole layout 450 ft across the claims, which leaves a 450 ft strip of
 * the order free on one side, and clicks the middle of that strip. Where that strip is comes from the server's
 * geometry (oracle), and where it is on screen from the claim labels the map drew at the claims' centres.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_MANAGER } from '../../server';
import { listedOrders, startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness';
import {
  centroidLonLat,
  claimsMap,
  fitScreenTransform,
  FOOT_M,
  localFrame,
  mapLabels,
  orderDoc,
  orderPolygons,
  rectangleAxes,
  waitForMapReady,
  type OrderPolygon,
} from '../helpers/browser-map';

const ORDER = 'CO-1';
const SHIFT_FT = 450;

// The app answers within milliseconds, but a save is debounced and SwiftShader draws slowly: wait up to 10 s.
vi.setConfig({ expect: { poll: { timeout: 10_000 } } });

let h: BrowserHarness;
let polygons: OrderPolygon[];
let purchased: number;

beforeAll(async () => {
  h = await startBrowserHarness();
  const doc = await orderDoc(h.server, ORDER);
  polygons = orderPolygons(doc);
  purchased = Number(doc['claim_count']);
  await h.signInAndSync((await listedOrders(h.server)).length);
});
afterAll(async () => {
  await h?.close();
});

const page = () => h.page;
const step = () => page().getByTestId('wizard').getAttribute('data-step');
const laidOut = () => page().getByTestId('job-laid-out').textContent();
const problemCodes = () => page().getByTestId('validation-problems').locator('[data-code]').evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));

describe('capacity: one claim more than purchased', () => {
  it('the demo order is what this test relies on', () => {
    expect(purchased).toBe(6);
    expect(polygons).toHaveLength(purchased);
    expect(polygons.every((p) => p.ring.length === 4)).toBe(true);
  });

  it('adding a claim is blocked by capacity_exceeded until an override is recorded; undo/redo change the count', async () => {
    await page().locator(`[data-testid="order-row"][data-order-number="${ORDER}"]`).click();
    await page().getByTestId('order-details').getByTestId('pull-order').click();
    await expect.poll(step).toBe('import');
    await page().getByTestId('import-use-order').click();
    await expect.poll(step).toBe('layout');
    await expect.poll(() => page().getByTestId('layout-claim-row').count()).toBe(purchased);
    await expect.poll(laidOut).toBe(`${purchased} claims laid out`);

    // Geometry oracle, in a local metre frame: the claims' cross axis, the edge column, the free strip's middle.
    const frame = localFrame(centroidLonLat(polygons.map((p) => p.ring)));
    const axes = rectangleAxes(polygons[0]!.ring, frame);
    const centres = new Map(polygons.map((p) => [p.name, frame.toEN(centroidLonLat([p.ring]))]));
    const across = (en: [number, number]) => en[0] * axes.cross[0] + en[1] * axes.cross[1];
    const edge = [...centres.entries()].sort((a, b) => across(a[1]) - across(b[1]))[0]!;
    // Everything moves SHIFT_FT towards +cross, freeing the order's strip [a - 300, a - 300 + SHIFT] ft (a: the
    // edge claim's centre across). A 600 ft wide claim centred at c misses the moved claims while c <= a - 600 +
    // SHIFT and still overlaps the order while c > a - 600: aim at the middle of that window.
    const back = (600 - SHIFT_FT / 2) * FOOT_M;
    const target: [number, number] = [edge[1][0] - back * axes.cross[0], edge[1][1] - back * axes.cross[1]];

    // Where the map shows those centres: its claim labels sit on them.
    const map = claimsMap(page().getByTestId('layout-step'));
    await waitForMapReady(map);
    await expect.poll(async () => (await mapLabels(map, 'claim')).length).toBe(purchased);
    const labels = await mapLabels(map, 'claim');
    const toScreen = fitScreenTransform(labels.map((l) => ({ en: centres.get(l.text)!, px: { x: l.x, y: l.y } })));

    // Move every claim (nothing selected) across, in ground feet east and north.
    await page().getByTestId('edit-move-east').fill((SHIFT_FT * axes.cross[0]).toFixed(1));
    await page().getByTestId('edit-move-north').fill((SHIFT_FT * axes.cross[1]).toFixed(1));
    await page().getByTestId('edit-move-apply').click();
    // Still nothing but warnings (the layout now hangs partly outside the order's area).
    await page().getByTestId('wizard-step-validate').click();
    await expect.poll(step).toBe('validate');
    await expect.poll(problemCodes).toEqual([]);
    await page().getByTestId('wizard-step-layout').click();
    await expect.poll(step).toBe('layout');

    // The added claim takes its azimuth from the grid form: the order's own.
    await page().getByTestId('layout-mode-grid').click();
    await page().getByTestId('grid-azimuth').fill(axes.azimuthDeg.toFixed(2));
    await page().getByTestId('edit-add').click();
    await expect.poll(() => page().getByTestId('edit-add').getAttribute('aria-pressed')).toBe('true');
    const layoutMap = claimsMap(page().getByTestId('layout-step'));
    await waitForMapReady(layoutMap);
    const at = toScreen(target);
    await page().mouse.click(at.x, at.y);

    const added = purchased + 1;
    await expect.poll(laidOut).toBe(`${added} claims laid out`);
    await expect.poll(() => page().getByTestId('layout-claim-row').count()).toBe(added);
    await waitForMapReady(layoutMap);
    await h.screenshot('job-capacity-added-claim');

    // Validate: capacity_exceeded and nothing else; Next is refused with the reason.
    await page().getByTestId('wizard-step-validate').click();
    await expect.poll(step).toBe('validate');
    await expect.poll(problemCodes).toEqual(['capacity_exceeded']);
    expect(await page().getByTestId('validation-problems').textContent()).toContain(
      `${added} claims are laid out but only ${purchased} were purchased`,
    );
    await page().getByTestId('wizard-next').click();
    await expect.poll(() => page().getByTestId('step-problems').textContent()).toContain(`only ${purchased} were purchased`);
    expect(await step()).toBe('validate');

    // Staff may not record the override: the button is disabled and says who can, before any reason is typed.
    const reason = 'Customer approved one extra claim by phone';
    const save = page().getByTestId('capacity-override-save');
    const roleNote = 'Only a manager or admin can record this override.';
    expect(await page().getByTestId('capacity-override-role').textContent()).toBe(roleNote);
    expect(await save.isDisabled()).toBe(true);
    expect(await save.getAttribute('title')).toBe(roleNote);
    await page().getByTestId('capacity-override-reason').fill(reason);
    expect(await save.isDisabled()).toBe(true);
    expect(await page().getByTestId('capacity-override-error').count()).toBe(0);
    expect(await page().getByTestId('job-save-state').textContent()).toBe('All changes saved');
    await h.screenshot('job-capacity-override-refused');

    // A manager takes over the same window: the job is still open at Validate, and the override is recorded.
    await h.switchUser(DEMO_MANAGER.username);
    await expect.poll(step).toBe('validate');
    await expect.poll(laidOut).toBe(`${added} claims laid out`);
    expect(await page().getByTestId('capacity-override-role').count()).toBe(0);
    await page().getByTestId('capacity-override-reason').fill('');
    expect(await save.isDisabled()).toBe(true); // a manager still gives a reason first
    expect(await page().getByTestId('capacity-override-hint').textContent()).toBe('Give a reason of at least 3 characters.');
    await page().getByTestId('capacity-override-reason').fill(reason);
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    await expect.poll(() => page().getByTestId('capacity-override').textContent()).toContain('Capacity override recorded');
    await expect.poll(() => page().getByTestId('validation-problems').textContent()).toBe('No problems: nothing blocks the next step.');
    await expect.poll(() => page().getByTestId('validation-warnings').textContent()).toContain(reason);
    await h.screenshot('job-capacity-override');
    await page().getByTestId('wizard-next').click();
    await expect.poll(step).toBe('claimant');

    // Undo/redo of the add, back in Layout.
    await page().getByTestId('wizard-step-layout').click();
    await expect.poll(step).toBe('layout');
    const undo = page().getByTestId('undo');
    await expect.poll(() => undo.getAttribute('title')).toBe('Undo Add claim (Ctrl+Z)');
    await undo.click();
    await expect.poll(laidOut).toBe(`${purchased} claims laid out`);
    await expect.poll(() => page().getByTestId('layout-claim-row').count()).toBe(purchased);
    await page().getByTestId('redo').click();
    await expect.poll(laidOut).toBe(`${added} claims laid out`);
    await expect.poll(() => page().getByTestId('layout-claim-row').count()).toBe(added);
    await expect.poll(() => page().getByTestId('job-save-state').textContent()).toBe('All changes saved');
  });

  it('nothing failed along the way', () => {
    expect(h.consoleErrors).toEqual([]);
    expect(h.failedRequests).toEqual([]);
  });
});
