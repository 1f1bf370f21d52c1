/**
 * A whole fulfilment, end to end in Chromium over the real back-end: pull the demo order CO-6, see it on the map,
 * take its claims as drawn, meet the legal-length problem the demo plants in it, fix it with a 1 × 2 lode grid,
 * fill the claimant and go on to Documents, then reload the host and come back to the same job, step and claims
 * (and resume it from the jobs list).
 *
 * Oracles come from the reference server (server.store.pendingOrderDocs()), never from the app: CO-6 (Castellano
 * Family Trust, Tonopah Divide, Nye Co., NV) ships 2 lode claims drawn 1,540 ft long (demo flaw 'oversize'), so
 * the app's validation must report lode_too_long for each of them. The grid anchor is the centroid of the order's
 * polygons, computed here from the server's geometry.
 *
 * The screenshots (test-results/screenshots/) are part of the "done": job-import shows the order's polygons
 * on the map, job-grid-monuments the grid with its corner numbers and monuments.
 *
 * Then CO-1 with one claim moved two miles east, partly outside the order's area: Validate names it, Next and a jump
 * to Documents are refused with the same message, and main never accepted the layout.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listedOrders, startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness';
import { centroidLonLat, claimsMap, mapInkShare, mapLabels, orderDoc, orderPolygons, waitForMapReady, type OrderPolygon } from '../helpers/browser-map';

const ORDER = 'CO-6';
const DATE_OF_LOCATION = '2026-11-20';
const DATE_OF_DISCOVERY = '2026-11-18';
const CO_LOCATOR = 'Rosa Castellano';

// The app answers within milliseconds, but a save is debounced and SwiftShader draws slowly: wait up to 10 s.
vi.setConfig({ expect: { poll: { timeout: 10_000 } } });

let h: BrowserHarness;
let doc: Record<string, unknown>;
let polygons: OrderPolygon[];

beforeAll(async () => {
  h = await startBrowserHarness();
  doc = await orderDoc(h.server, ORDER);
  polygons = orderPolygons(doc);
  await h.signInAndSync((await listedOrders(h.server)).length);
});
afterAll(async () => {
  await h?.close();
});

const page = () => h.page;
const wizard = () => page().getByTestId('wizard');
const step = () => wizard().getAttribute('data-step');
const layoutRows = () => page().getByTestId('layout-claim-row');
const layoutNames = () => layoutRows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-claim-name')));
const laidOut = () => page().getByTestId('job-laid-out').textContent();
const saved = () => expect.poll(() => page().getByTestId('job-save-state').textContent()).toBe('All changes saved');

async function next(expected: string): Promise<void> {
  await page().getByTestId('wizard-next').click();
  await expect.poll(step).toBe(expected);
}

describe('fulfilment wizard: CO-6 from pull to claimant, fixed and resumed', () => {
  it('the demo order is what this test relies on', () => {
    expect(doc['company_name']).toBe('Castellano Family Trust');
    expect(doc['claim_count']).toBe(2);
    expect(polygons.map((p) => p.name)).toHaveLength(2);
    expect((doc['claimant_info'] as { claimant_name?: string } | null)?.claimant_name).toBeTruthy();
  });

  it('pulls CO-6: the header names the order and the Import step shows its CRS and polygons on the map', async () => {
    await page().locator(`[data-testid="order-row"][data-order-number="${ORDER}"]`).click();
    const details = page().getByTestId('order-details');
    await expect.poll(() => details.getByTestId('details-order-number').textContent()).toBe(ORDER);
    const pull = details.getByTestId('pull-order');
    await expect.poll(() => pull.textContent()).toBe('Pull order');
    await pull.click();

    const header = page().getByTestId('job-header');
    await expect.poll(() => header.locator('h2').textContent()).toBe(`Fulfilling ${ORDER} · ${String(doc['project_name'])} · 2 claims purchased`);
    await expect.poll(step).toBe('import');
    expect(await page().getByTestId('wizard-step-import').getAttribute('aria-current')).toBe('step');
    await expect.poll(() => page().getByTestId('crs-line').textContent()).toContain('NAD83 / UTM zone 11N (EPSG:26911)');
    expect(await page().getByTestId('zone-warning').count()).toBe(0);

    const map = claimsMap(page().getByTestId('import-step'));
    await waitForMapReady(map);
    // WebGL really drew the order (SwiftShader): not a flat background.
    await expect.poll(() => mapInkShare(page(), map)).toBeGreaterThan(0.01);
    await h.screenshot('job-import');
  });

  it('the claims as drawn are 1,540 ft long: Validate names each claim and Next is refused', async () => {
    await page().getByTestId('import-use-order').click();
    await expect.poll(step).toBe('layout');
    await expect.poll(layoutNames).toEqual(polygons.map((p) => p.name));
    await expect.poll(laidOut).toBe('2 claims laid out');

    await next('monuments');
    const state = page().getByTestId('state-override');
    await expect.poll(() => state.locator('option:checked').textContent()).toBe('Detected: Nevada');
    const monumentRows = page().getByTestId('monuments-table').locator('tbody tr');
    await expect.poll(() => monumentRows.allTextContents()).toEqual(
      expect.arrayContaining(polygons.map((p) => expect.stringMatching(new RegExp(`^${p.name}Discovery`)))),
    );

    await next('validate');
    const problems = page().getByTestId('validation-problems');
    // lode_too_long for each claim; 1,540 × 600 ft is also 21.2 acres, over the 20.66-acre lode limit, and the app
    // rightly says so too. Nothing else is reported.
    const codes = () => problems.locator('[data-code]').evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
    await expect.poll(async () => (await codes()).filter((code) => code === 'lode_too_long')).toHaveLength(2);
    expect(new Set(await codes())).toEqual(new Set(['lode_too_long', 'lode_area_exceeded']));
    const items = await problems.locator('li').allTextContents();
    for (const { name } of polygons) {
      expect(items).toContainEqual(expect.stringContaining(`Claim '${name}' is 1,540.0 ft long on the ground; a lode claim may be at most 1,500 ft`));
      expect(items).toContainEqual(expect.stringMatching(new RegExp(`Claim '${name}' covers 21\\.\\d\\d acres on the ground`)));
    }

    // Next is refused: the step's problems are listed and the wizard stays on Validate.
    await page().getByTestId('wizard-next').click();
    const blocked = page().getByTestId('step-problems');
    await expect.poll(() => blocked.textContent()).toContain('Before moving on from Validate');
    for (const { name } of polygons) expect(await blocked.textContent()).toContain(name);
    expect(await step()).toBe('validate');
  });

  it('a 1 × 2 lode grid centred on the order fixes it; Monuments shows grid, corner numbers and monuments', async () => {
    await page().getByTestId('wizard-back').click();
    await expect.poll(step).toBe('monuments');
    await page().getByTestId('wizard-back').click();
    await expect.poll(step).toBe('layout');

    const [lon, lat] = centroidLonLat(polygons.map((p) => p.ring));
    await page().getByTestId('layout-mode-grid').click();
    await page().getByTestId('grid-kind').selectOption('lode');
    await page().getByTestId('grid-rows').fill('1');
    await page().getByTestId('grid-cols').fill('2');
    await page().getByTestId('grid-azimuth').fill('0');
    await page().getByTestId('layout-prefix').fill('CAS');
    await page().getByTestId('grid-anchor-mode').selectOption('center');
    await page().getByTestId('grid-anchor-lat').fill(lat.toFixed(6));
    await page().getByTestId('grid-anchor-lon').fill(lon.toFixed(6));
    await page().getByTestId('grid-anchor-lon').press('Enter');
    // The typed anchor is what the form holds (both pairs show the same point).
    await expect.poll(() => page().getByTestId('grid-anchor-lat').inputValue()).toBe(lat.toFixed(6));
    await expect.poll(() => page().getByTestId('grid-anchor-lon').inputValue()).toBe(lon.toFixed(6));
    await page().getByTestId('grid-generate').click();

    await expect.poll(layoutNames).toEqual(['CAS 1', 'CAS 2']);
    await expect.poll(() => layoutRows().locator('td:nth-child(3)').allTextContents()).toEqual(['1,500 × 600', '1,500 × 600']);
    await expect.poll(laidOut).toBe('2 claims laid out');
    expect(await page().getByTestId('grid-error').count()).toBe(0);

    // Straight to Validate (Layout and Monuments are checked on the way): nothing blocks any more.
    await page().getByTestId('wizard-step-validate').click();
    await expect.poll(step).toBe('validate');
    await expect.poll(() => page().getByTestId('validation-problems').textContent()).toBe('No problems: nothing blocks the next step.');

    await page().getByTestId('wizard-step-monuments').click();
    await expect.poll(step).toBe('monuments');
    await expect.poll(() => page().getByTestId('monuments-table').locator('tbody tr').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^CAS 1Discovery/), expect.stringMatching(/^CAS 2Discovery/)]),
    );
    const map = claimsMap(page().getByTestId('monuments-step'));
    await waitForMapReady(map);
    // Claim names, every corner number of both claims (1–4 each) and monument labels are on the map.
    await expect.poll(async () => (await mapLabels(map, 'claim')).map((l) => l.text).sort()).toEqual(['CAS 1', 'CAS 2']);
    // One label per post: where the two claims share a post it reads both claims' numbers ("4/1").
    await expect.poll(async () => (await mapLabels(map, 'corner')).flatMap((l) => l.text.split('/')).sort()).toEqual(['1', '1', '2', '2', '3', '3', '4', '4']);
    const monumentCount = await page().getByTestId('monuments-table').locator('tbody tr').count();
    await expect.poll(async () => (await mapLabels(map, 'monument')).length).toBe(monumentCount);
    await expect.poll(() => mapInkShare(page(), map)).toBeGreaterThan(0.01);
    await h.screenshot('job-grid-monuments');
  });

  it('the claimant is pre-filled from the order; with a date of location Next goes on to Documents', async () => {
    await next('validate');
    await next('claimant');
    const claimant = doc['claimant_info'] as { claimant_name: string; address_1: string };
    await expect.poll(() => page().getByTestId('claimant-claimantName').inputValue()).toBe(claimant.claimant_name);
    expect(await page().getByTestId('claimant-address1').inputValue()).toBe(claimant.address_1);
    expect(await page().getByTestId('claimant-needed').count()).toBe(0);

    const date = page().getByTestId('claimant-dateOfLocation');
    await date.fill(DATE_OF_LOCATION);
    await date.press('Tab');
    await page().getByTestId('claimant-dateOfDiscovery').fill(DATE_OF_DISCOVERY);
    // A co-locator is named with a mailing address (every locator is named on the notices and signs them).
    await page().getByTestId('co-locator-add').click();
    await page().getByTestId('co-locator-2-name').fill(CO_LOCATOR);
    const address = page().getByTestId('co-locator-2-address1');
    await address.fill('12 Main Street, Tonopah, NV 89049');
    await address.press('Tab');
    await next('documents');
    // The date of location is printed on every notice: the Documents step shows it too.
    await expect.poll(() => page().getByTestId('documents-dateOfLocation').getAttribute('data-date')).toBe(DATE_OF_LOCATION);
    await saved();
  });

  it('after a reload the app reopens the same job at Documents with the same claims; the jobs list resumes it', async () => {
    await page().reload();
    await expect.poll(step, { timeout: 30_000 }).toBe('documents');
    expect(await page().getByTestId('job-order-number').textContent()).toBe(ORDER);
    expect(await page().getByTestId('wizard-step-documents').getAttribute('aria-current')).toBe('step');
    await expect.poll(laidOut).toBe('2 claims laid out');
    await expect.poll(() => page().getByTestId('documents-dateOfLocation').getAttribute('data-date')).toBe(DATE_OF_LOCATION);

    await page().getByTestId('wizard-step-claimant').click();
    await expect.poll(step).toBe('claimant');
    await expect.poll(() => page().getByTestId('co-locator-2-name').inputValue()).toBe(CO_LOCATOR);
    expect(await page().getByTestId('claimant-dateOfDiscovery').inputValue()).toBe(DATE_OF_DISCOVERY);

    await page().getByTestId('wizard-step-layout').click();
    await expect.poll(step).toBe('layout');
    await expect.poll(layoutNames).toEqual(['CAS 1', 'CAS 2']);
    await saved();

    await page().getByTestId('back-to-queue').click();
    await expect.poll(() => page().getByTestId('job-header').count()).toBe(0);
    await page().getByTestId('nav-jobs').click();
    const row = page().getByTestId('jobs-list').getByTestId('job-row').filter({ hasText: ORDER });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.locator('td').allTextContents()).toEqual(
      expect.arrayContaining([ORDER, 'Layout', '2 / 2']),
    );
    await row.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(step).toBe('layout');
    expect(await page().getByTestId('job-order-number').textContent()).toBe(ORDER);
    await expect.poll(layoutNames).toEqual(['CAS 1', 'CAS 2']);
    await expect.poll(laidOut).toBe('2 claims laid out');
  });

  it('nothing failed along the way', () => {
    expect(h.consoleErrors).toEqual([]);
    expect(h.failedRequests).toEqual([]);
  });
});

describe('a layout partly outside the order area is not validated', () => {
  const OUTSIDE_ORDER = 'CO-1';

  it('Validate names the claim outside the order, and Next and a jump ahead are refused with that message', async () => {
    await page().getByTestId('back-to-queue').click();
    await page().getByTestId('nav-queue').click();
    await page().locator(`[data-testid="order-row"][data-order-number="${OUTSIDE_ORDER}"]`).click();
    await page().getByTestId('order-details').getByTestId('pull-order').click();
    await expect.poll(step).toBe('import');
    await page().getByTestId('import-use-order').click();
    await expect.poll(step).toBe('layout');
    await expect.poll(() => layoutRows().count()).toBeGreaterThan(1);

    // One claim, selected in the table, moved 10,000 ft east: far outside what was bought.
    const last = layoutRows().last();
    const name = await last.getAttribute('data-claim-name');
    await last.click();
    await expect.poll(() => page().getByTestId('edit-target').textContent()).toContain('1 selected');
    await page().getByTestId('edit-move-east').fill('10000');
    await page().getByTestId('edit-move-north').fill('0');
    await page().getByTestId('edit-move-apply').click();
    await saved();
    const message = `Claim '${name}' lies outside the order's area`;

    await page().getByTestId('wizard-step-validate').click();
    await expect.poll(step).toBe('validate');
    const problems = page().getByTestId('validation-problems');
    await expect.poll(() => problems.locator('[data-code]').evaluateAll((items) => items.map((item) => item.getAttribute('data-code')))).toEqual(['outside_order_area']);
    expect(await problems.textContent()).toContain(message);

    await page().getByTestId('wizard-next').click();
    const blocked = page().getByTestId('step-problems');
    await expect.poll(() => blocked.textContent()).toContain(message);
    expect(await step()).toBe('validate');

    await page().getByTestId('wizard-step-documents').click();
    await expect.poll(() => blocked.textContent()).toContain(message);
    expect(await step()).toBe('validate');
    await h.screenshot('job-outside-order-area');

    // Main never accepted it: the job is still being laid out, and its history has no validation.
    const job = (await h.app.handlers.listJobs({})).jobs.find((j) => j.orderNumber === OUTSIDE_ORDER)!;
    expect(job.workflowState).toBe('laying_out');
    expect((await h.app.handlers.getJobHistory({ jobId: job.id })).entries.map((e) => e.event)).not.toContain('VALIDATE_OK');
  });

  it('nothing failed along the way', () => {
    expect(h.consoleErrors).toEqual([]);
    expect(h.failedRequests).toEqual([]);
  });
});
