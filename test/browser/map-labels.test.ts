/**
 * Map labels as staff read them, on CO-4 (six claims drawn at ~150°): claim names run along their claims, grow and
 * shrink with the zoom and are hidden rather than spilling over the neighbours; a corner post shared by claims has
 * one label; the grid's anchor marker moves with the grid; the cursor readout never covers the scale bars, even
 * with the History panel open. Screenshots at 1440 × 900 and 1024 × 700.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Locator } from 'playwright-core';
import { signedInHarnessForFile } from '../helpers/browser-suite';
import { claimsMap, FOOT_M, mapLabels, mapView, waitForMapReady } from '../helpers/browser-map';

const ORDER = 'CO-4';

vi.setConfig({ expect: { poll: { timeout: 10_000 } } });

const h = signedInHarnessForFile();

const page = () => h.page;
const step = () => page().getByTestId('wizard').getAttribute('data-step');
const mapIn = (scope: string) => claimsMap(page().getByTestId(scope));

/** Pixels per metre where the map's camera rests (Web Mercator, 512 px tiles): an oracle independent of the app. */
async function pxPerMetre(map: Locator): Promise<number> {
  const { zoom, lat } = await mapView(map);
  return (512 * 2 ** zoom) / (40_075_016.686 * Math.cos((lat * Math.PI) / 180));
}

/** Each drawn claim label: its text, unrotated width and font size (px), and the rotation in its transform. */
const claimLabelShapes = (map: Locator) =>
  map.locator('.map-label--claim').evaluateAll((els) =>
    els
      .map((el) => el as unknown as { hidden: boolean; textContent: string | null; offsetWidth: number; style: { transform: string; fontSize: string } })
      .filter((e) => !e.hidden)
      .map((e) => {
        const turn = /rotate\((-?[\d.]+)deg\)/.exec(e.style.transform);
        // The overlay sets each name's size inline (it scales with the zoom).
        return { text: e.textContent ?? '', width: e.offsetWidth, font: parseFloat(e.style.fontSize), angle: turn ? Number(turn[1]) : 0 };
      }),
  );

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('map labels', () => {
  it('claim names run along their claims (~150°) and fit inside them', async () => {
    await page().locator(`[data-testid="order-row"][data-order-number="${ORDER}"]`).click();
    await page().getByTestId('order-details').getByTestId('pull-order').click();
    await expect.poll(step).toBe('import');
    await page().getByTestId('import-use-order').click();
    await expect.poll(step).toBe('layout');
    const map = mapIn('layout-step');
    await expect.poll(async () => (await claimLabelShapes(map)).length).toBe(6);
    const ppm = await pxPerMetre(map);
    for (const label of await claimLabelShapes(map)) {
      // Text along a 150° claim is turned 60° on screen (upright), within the drawn order's own slack.
      expect(Math.abs(label.angle - 60), label.text).toBeLessThan(5);
      expect(label.width, label.text).toBeLessThanOrEqual(1500 * FOOT_M * ppm);
    }
    await h.screenshot('map-labels-1440x900');
  });

  it('names grow with the zoom and are hidden, not spilled, when the claims get too small', async () => {
    const map = mapIn('layout-step');
    const before = Math.max(...(await claimLabelShapes(map)).map((l) => l.font));
    // A zoom by the map's own control is no data change (data-map-ready stays): poll what the labels became.
    await map.locator('.maplibregl-ctrl-zoom-out').click();
    await expect
      .poll(async () => {
        const after = await claimLabelShapes(map);
        return after.length === 0 || Math.max(...after.map((l) => l.font)) < before;
      })
      .toBe(true);
    for (let i = 0; i < 3; i += 1) await map.locator('.maplibregl-ctrl-zoom-out').click();
    await expect.poll(() => claimLabelShapes(map)).toEqual([]);
    await page().getByTestId('map-fit').click();
    await waitForMapReady(map);
  });

  it('a post shared by several claims has one corner label, with every claim’s number for it', async () => {
    await page().getByTestId('wizard-step-monuments').click();
    await expect.poll(step).toBe('monuments');
    const map = mapIn('monuments-step');
    await waitForMapReady(map);
    await expect.poll(async () => (await mapLabels(map, 'corner')).flatMap((l) => l.text.split('/')).length).toBe(24);
    const corners = await mapLabels(map, 'corner');
    // Fewer labels than corners (the block's claims share posts), and none piled on another.
    expect(corners.length).toBeLessThan(24);
    for (const [i, a] of corners.entries()) {
      for (const b of corners.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.text} / ${b.text}`).toBeGreaterThan(6);
    }
    expect(corners.some((l) => l.text.includes('/'))).toBe(true);
  });

  it('the anchor marker moves with the grid when everything is moved', async () => {
    await page().getByTestId('wizard-step-layout').click();
    await expect.poll(step).toBe('layout');
    await page().getByTestId('layout-mode-grid').click();
    await page().getByTestId('grid-anchor-mode').selectOption('center');
    await page().getByTestId('grid-generate').click();
    const map = mapIn('layout-step');
    await waitForMapReady(map);
    const marker = async () => (await mapLabels(map, 'marker'))[0]!;
    await expect.poll(async () => (await mapLabels(map, 'marker')).length).toBe(1);
    const before = await marker();
    const ppm = await pxPerMetre(map);
    await page().getByTestId('edit-move-east').fill('500');
    await page().getByTestId('edit-move-north').fill('0');
    await page().getByTestId('edit-move-apply').click();
    await waitForMapReady(map);
    await expect.poll(async () => (await marker()).x - before.x).toBeGreaterThan(500 * FOOT_M * ppm * 0.9);
    expect((await marker()).x - before.x).toBeLessThan(500 * FOOT_M * ppm * 1.1);
    expect(Math.abs((await marker()).y - before.y)).toBeLessThan(3);
  });

  it('the cursor readout never covers the scale bars, with History open, at 1440 × 900 and 1024 × 700', async () => {
    await page().getByTestId('open-history').click();
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1024, height: 700 },
    ]) {
      await page().setViewportSize(size);
      const map = mapIn('layout-step');
      await waitForMapReady(map);
      const box = (await map.boundingBox())!;
      await page().mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await expect.poll(() => page().getByTestId('map-cursor-readout').textContent()).toContain('EPSG');
      const readout = (await page().getByTestId('map-cursor-readout').boundingBox())!;
      for (const scale of await page().getByTestId('layout-step').locator('.maplibregl-ctrl-scale').all()) {
        expect(overlaps(readout, (await scale.boundingBox())!), `${size.width}×${size.height}`).toBe(false);
      }
      await h.screenshot(`map-labels-history-${size.width}x${size.height}`);
    }
    await page().setViewportSize({ width: 1440, height: 900 });
  });

  it('nothing failed along the way', () => {
    expect(h.consoleErrors).toEqual([]);
  });
});
