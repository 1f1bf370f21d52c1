/**
 * The PLSS in the app, in Chromium over the real back-end: a synthetic CadNSDI township laid under the demo order
 * CO-1 is imported from Settings (typed paths: the browser host has no file dialog) with progress and a report; a
 * file that is not CadNSDI is refused and changes nothing; the job's maps draw the section lines and numbers; the
 * Documents step fills the land description and tie from the PLSS and says where they came from (and that staff
 * edited them, once they do); the generated claim map carries the section lines. Screenshots of each.
 *
 * Oracles: the fixture's own geometry and the files on disk (pdftotext), not the app's state.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { utmConverter, type Utm } from '../../shared/geo/utm';
import { listedOrders, startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness';
import { rowByOrder } from '../helpers/browser-documents';
import { orderDoc, orderPolygons } from '../helpers/browser-map';
import { FIXTURE_EPSG, MILE_M, fixtureLayers, writeFixtureGeoJson, type TownshipSpec } from '../helpers/plss-fixture';
import { makeTempDir } from '../helpers/temp-dir';

vi.setConfig({ expect: { poll: { timeout: 60_000 } } });

const ORDER = 'CO-1';
let h: BrowserHarness;
let files: string[];
let bad: string;
const temp = makeTempDir('claimdesk-plss-browser-');

const page = () => h.page;
const step = () => page().getByTestId('wizard').getAttribute('data-step');

/** A township under CO-1's claims: its SW corner 2.5 miles west and south of them, so they lie in sections 21–22. */
async function fixtureUnderOrder(): Promise<string[]> {
  const polygons = orderPolygons(await orderDoc(h.server, ORDER));
  const { toUtm } = utmConverter(FIXTURE_EPSG);
  const points = polygons.flatMap((p) => p.ring.map((q) => toUtm(q)));
  const minE = Math.min(...points.map((p) => p[0]));
  const minN = Math.min(...points.map((p) => p[1]));
  const origin: Utm = [Math.round(minE - 2.5 * MILE_M), Math.round(minN - 2.5 * MILE_M)];
  const spec: TownshipSpec = { township: 21, range: 39, dx: 0, dy: 0 };
  return writeFixtureGeoJson(temp.dir, fixtureLayers([spec], { origin }));
}

beforeAll(async () => {
  h = await startBrowserHarness();
  await h.signInAndSync((await listedOrders(h.server)).length);
  files = await fixtureUnderOrder();
  bad = join(temp.dir, 'parcels.geojson');
  writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { APN: '001' }, geometry: { type: 'Polygon', coordinates: [[[-117, 40], [-117, 40.1], [-116.9, 40.1], [-117, 40]]] } }] }));
});
afterAll(async () => {
  await h?.close();
  temp.cleanup();
});

describe('PLSS from Settings to the staking package', () => {
  it('imports the township from Settings with progress and lists its layers', async () => {
    await page().getByTestId('open-settings').click();
    const plss = page().getByTestId('plss-settings');
    await expect.poll(() => plss.getByTestId('plss-none').count()).toBe(1);
    await plss.getByTestId('plss-choose').click();
    await plss.getByTestId('plss-paths').fill(files.join('\n'));
    await plss.getByTestId('plss-import').click();
    await expect.poll(() => plss.getByTestId('plss-report').textContent()).toContain('NV sections (36)');
    expect(await plss.getByTestId('plss-report').textContent()).toContain('NV aliquot parts and lots (576)');
    const rows = await plss.getByTestId('plss-layers').locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.startsWith('NV') && row.includes('2024-03-01'))).toBe(true);
    await plss.scrollIntoViewIfNeeded();
    await h.screenshot('plss-settings-imported');
  });

  it('refuses a file that is not CadNSDI and keeps what was imported', async () => {
    const plss = page().getByTestId('plss-settings');
    await plss.getByTestId('plss-paths').fill(bad);
    await plss.getByTestId('plss-import').click();
    await expect.poll(() => plss.getByTestId('plss-error').textContent().catch(async () => `not shown; the section says: ${await plss.textContent()}`)).toContain('is not BLM CadNSDI PLSS data');
    expect(await plss.getByTestId('plss-error').textContent()).toContain('nothing was changed');
    expect(await plss.getByTestId('plss-layers').locator('tbody tr').count()).toBe(3);
    await page().keyboard.press('Escape');
  });

  it('draws the section lines and numbers under the job’s claims', async () => {
    await rowByOrder(page(), ORDER).click();
    await page().getByTestId('order-details').getByTestId('pull-order').click();
    await expect.poll(step).toBe('import');
    await page().getByTestId('import-use-order').click();
    await expect.poll(step).toBe('layout');
    await page().getByTestId('wizard-step-validate').click();
    await expect.poll(step).toBe('validate');
    const map = page().getByTestId('validate-step').getByTestId('claims-map');
    await expect.poll(() => map.getAttribute('data-map-ready')).toBe('true');
    // CO-1 lies in sections 21 and 22 of the fixture township (third row from the south, serpentine numbering).
    await expect.poll(() => map.locator('.map-label--section').allTextContents()).toContain('21');
    await h.screenshot('plss-validate-map');
  });

  it('fills the land description and tie on the Documents step and says where they came from', async () => {
    await page().getByTestId('wizard-step-documents').click();
    await expect.poll(step).toBe('documents');
    const note = page().getByTestId('land-plss-note');
    await expect.poll(() => note.getAttribute('data-state')).toBe('filled');
    expect(await page().getByTestId('land-township').inputValue()).toBe('T21N');
    expect(await page().getByTestId('land-range').inputValue()).toBe('R39E');
    expect(await page().getByTestId('land-meridian').inputValue()).toBe('Mount Diablo Meridian');
    expect(await page().getByTestId('land-sections').inputValue()).toMatch(/\b21\b/);
    expect(await page().getByTestId('land-tieDescription').inputValue()).toMatch(/^(Section corner common to Sections|\w\w corner of Section)/);
    expect(await note.textContent()).toContain('filled from BLM CadNSDI PLSS for NV, data of 2024-03-01');
    expect(await page().getByTestId('land-legal-text').textContent()).toMatch(/^Prints as: T21N R39E, Sec/);
    await h.screenshot('plss-documents-filled');
  });

  it('generates a claim map with the section lines, previewed in the app', async () => {
    await page().getByTestId('generate-package').click();
    await expect.poll(() => page().getByTestId('generate-package').textContent()).toBe('Regenerate package');
    await page().getByTestId('package-file').filter({ hasText: 'claim-map.pdf' }).click();
    const preview = page().getByTestId('package-preview');
    await expect.poll(() => preview.getAttribute('data-file')).toBe('claim-map.pdf');
    await expect.poll(() => preview.getByTestId('pdf-canvas').getAttribute('data-rendered-page')).toBe('1');
    await h.screenshot('plss-claim-map-preview');
    const folder = (await page().getByTestId('package-folder').textContent()) ?? '';
    const text = execFileSync('pdftotext', ['-layout', join(folder, 'claim-map.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Section lines (quarter-quarter lines dotted): BLM CadNSDI PLSS for NV, data of 2024-03-01');
    expect(text).toContain('Section line, number');
    // The tie the Documents step filled, drawn and stated on the map: from Corner 1 to the section corner.
    expect(text).toMatch(/Tie: Corner 1 of .+? to (Section corner common to Sections [\d, ]+ and \d+|\w\w corner of Section \d+), T21N R39E, Mount Diablo Meridian, [NS] \d+°\d\d'\d\d" [EW], [\d,.]+ ft\./);
    const words = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(folder, 'claim-map.pdf'), '-'], { encoding: 'utf8' });
    expect(words).toMatch(/>TIE<\/word>/);
    const notices = execFileSync('pdftotext', [join(folder, 'location-notices.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(notices).toMatch(/Described as T21N R39E, Secs?\. \d+/);
  });

  it('says the description was edited by staff once a field changes', async () => {
    await page().getByTestId('land-aliquot').fill('NE¼ (checked on the ground)');
    await page().getByTestId('land-range').focus();
    await expect.poll(() => page().getByTestId('land-plss-note').getAttribute('data-state')).toBe('edited');
    expect(await page().getByTestId('land-plss-note').textContent()).toContain('Edited by staff after it was filled from BLM CadNSDI PLSS');
  });
});
