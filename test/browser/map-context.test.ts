/**
 * The map gives staff context, on CO-7 (its polygons arrive in UTM metres instead of degrees, so none can be read):
 * the map says why it is empty instead of opening on the whole country, a pasted anchor (latitude/longitude, or UTM
 * with its zone) brings the map to where the grid goes, and the basemap is offered from the map itself, with a
 * way to set one up when none is.
 */
import { describe, expect, it, vi } from 'vitest';
import { signedInHarnessForFile } from '../helpers/browser-suite';
import { claimsMap, mapView } from '../helpers/browser-map';

const ORDER = 'CO-7';
// In La Paz County, Arizona, where the order's project is.
const LAT = 33.71;
const LON = -114.12;

vi.setConfig({ expect: { poll: { timeout: 10_000 } } });

const h = signedInHarnessForFile();

const page = () => h.page;
const step = () => page().getByTestId('wizard').getAttribute('data-step');
const view = (scope: string) => mapView(claimsMap(page().getByTestId(scope)));

describe('map context for an order whose polygons cannot be read', () => {
  it('the Import map says why it is empty, with the order’s own problem', async () => {
    await page().locator(`[data-testid="order-row"][data-order-number="${ORDER}"]`).click();
    const details = page().getByTestId('order-details');
    // The details list names the claim before the message ("QTZ 1: Claim 'QTZ 1' looks like …"): the message only.
    const problem = ((await details.getByTestId('order-problems').locator('li').first().textContent()) ?? '').replace(/^[^:']+: /, '');
    expect(problem.length).toBeGreaterThan(10);
    await details.getByTestId('pull-order').click();
    await expect.poll(step).toBe('import');
    const note = page().getByTestId('import-step').getByTestId('map-empty-note');
    await expect.poll(() => note.textContent()).toContain("None of this order's claim polygons could be read");
    await expect.poll(() => note.textContent()).toContain(problem.replace(/\.$/, '').slice(0, 40));
    await h.screenshot('map-empty-broken-geometry');
  });

  it('a pasted latitude/longitude anchor brings the Layout map to it, at claim scale', async () => {
    await page().getByTestId('import-grid').click();
    await expect.poll(step).toBe('layout');
    await page().getByTestId('grid-anchor-paste').fill(`${LAT} N ${-LON} W`);
    await expect.poll(() => page().getByTestId('grid-anchor-paste-result').textContent()).toContain('Read as latitude 33.710000, longitude -114.120000');
    await expect.poll(async () => (await view('layout-step')).zoom).toBeGreaterThan(12);
    const at = await view('layout-step');
    expect(Math.abs(at.lon - LON)).toBeLessThan(0.01);
    expect(Math.abs(at.lat - LAT)).toBeLessThan(0.01);
    expect(await page().getByTestId('layout-step').getByTestId('map-empty-note').count()).toBe(0);
    await h.screenshot('map-anchor-pasted');
  });

  it('a pasted UTM point with its zone is read into the job’s zone', async () => {
    const epsg = Number(/EPSG:(\d+)/.exec((await page().getByTestId('layout-step').textContent()) ?? '')?.[1]);
    expect(epsg).toBeGreaterThan(26900);
    // Zone 11 and zone 12 meet at 114° W: a point given in zone 11 must land at the same place whatever the job's zone.
    await page().getByTestId('grid-anchor-paste').fill('11S 727000 3733000');
    await expect.poll(() => page().getByTestId('grid-anchor-paste-result').textContent()).toContain('Read as UTM zone 11 E 727000.0 N 3733000.0');
    const lat = Number(await page().getByTestId('grid-anchor-lat').inputValue());
    const lon = Number(await page().getByTestId('grid-anchor-lon').inputValue());
    expect(lat).toBeCloseTo(33.7, 1);
    expect(lon).toBeCloseTo(-114.55, 1);
    await page().getByTestId('grid-anchor-paste').fill('somewhere near Quartzsite');
    await expect.poll(() => page().getByTestId('grid-anchor-paste-result').getAttribute('role')).toBe('alert');
  });

  it('the map offers the basemap itself, and says how to set one up when none is', async () => {
    const button = page().getByTestId('layout-step').getByTestId('map-basemap-button');
    expect(await button.textContent()).toBe('Basemap: none set up');
    await button.click();
    expect(await page().getByTestId('map-basemap-hint').textContent()).toContain('offline tiles file');
    await page().getByTestId('map-basemap-setup').click();
    await expect.poll(() => page().getByTestId('settings-dialog').getByTestId('settings-basemap-file').count()).toBe(1);
    await page().keyboard.press('Escape');
  });

  it('nothing failed along the way', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
