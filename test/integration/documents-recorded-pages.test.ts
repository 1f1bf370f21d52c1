/**
 * What a county recorder reads: corner labels that match the ground, and no type under ten point on a recorded
 * page. The notices and claim maps are rendered for real models and read back with poppler (pdftotext) and pdf.js
 * (every text run with its size); the corner positions are taken from the PDF's own coordinate table, so the test
 * checks the paper against the ground, not the model against itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import type { RenderContext } from '../../core/documents/document.types';
import { renderClaimMap, renderFieldMap } from '../../core/documents/pdf/claim-map.pdf';
import { renderLocationNotices } from '../../core/documents/pdf/location-notice.pdf';
import { compassBearing, COMPASS_POINTS, type CompassPoint } from '../../shared/claims/corner-numbering';
import { trueCourse } from '../../shared/documents/bearing-format';
import { samplePackageModel, type FixtureOptions } from '../helpers/package-fixtures';
import { runsBelow } from '../helpers/pdf-text-runs';

let context: RenderContext;
const work = mkdtempSync(join(tmpdir(), 'recorded-pages-'));
beforeAll(() => {
  context = { fonts: loadFontBytes(findResourcesDir()), feeSchedule: null };
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface PrintedCorner {
  number: number;
  label: CompassPoint;
  lonLat: [number, number];
}

/** Every "Corner No. n (XX) … lat lon" row of the coordinate table, for the first claim's notice. */
async function printedCorners(options: FixtureOptions, name: string): Promise<PrintedCorner[]> {
  const model = samplePackageModel({ rows: 1, cols: 1, ...options });
  const result = await renderLocationNotices(model, context);
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, result.document.bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const rows = [...text.matchAll(/Corner No\. (\d) \((N|NE|E|SE|S|SW|W|NW)\)(?: — LM)? P\d+ [\d.]+ [\d.]+ (-?\d+\.\d{7}) (-?\d+\.\d{7})/g)];
  const corners = rows.map((m) => ({ number: Number(m[1]), label: m[2] as CompassPoint, lonLat: [Number(m[4]), Number(m[3])] as [number, number] }));
  // Every label printed anywhere on the notice for a corner is the one in its table row.
  for (const m of text.matchAll(/Corner No\. (\d) \(([NESW]{1,2})\)/g)) {
    expect(corners.find((c) => c.number === Number(m[1]))?.label).toBe(m[2]);
  }
  return corners;
}

/** True bearing of each printed corner from the centre of the printed corners. */
function bearingsFromCentre(corners: PrintedCorner[]): number[] {
  const centre: [number, number] = [corners.reduce((s, c) => s + c.lonLat[0], 0) / corners.length, corners.reduce((s, c) => s + c.lonLat[1], 0) / corners.length];
  return corners.map((c) => trueCourse(centre, c.lonLat).bearingDeg);
}

const off = (a: number, b: number): number => {
  const d = Math.abs((((a - b) % 360) + 360) % 360);
  return Math.min(d, 360 - d);
};

describe('corner labels on the notices match the ground', () => {
  it.each([0, 45, 90, 135, 180, 270])('a lode laid out at azimuth %i°: every printed label names where its corner lies from the centre', async (azimuthDeg) => {
    const corners = await printedCorners({ state: 'NV', azimuthDeg }, `labels-${azimuthDeg}`);
    expect(corners.map((c) => c.number)).toEqual([1, 2, 3, 4]);
    const bearings = bearingsFromCentre(corners);
    corners.forEach((corner, k) => {
      expect(off(bearings[k]!, compassBearing(corner.label)), `Corner No. ${corner.number} (${corner.label}) lies at ${bearings[k]!.toFixed(1)}°`).toBeLessThanOrEqual(45);
    });
    // Four corners, four different words.
    expect(new Set(corners.map((c) => c.label)).size).toBe(4);
    // The job's Corner 1 is "SE": the corner nearest the south-east on the ground.
    const nearestSe = bearings.reduce((best, b, k) => (off(b, 135) < off(bearings[best]!, 135) ? k : best), 0);
    expect(corners[nearestSe]!.number).toBe(1);
  });

  it.each([0, 90, 30])('Alaska, azimuth %i°: Corner No. 1 is the true north-east corner, numbered clockwise', async (azimuthDeg) => {
    const corners = await printedCorners({ state: 'AK', azimuthDeg }, `labels-ak-${azimuthDeg}`);
    const bearings = bearingsFromCentre(corners);
    const one = corners.findIndex((c) => c.number === 1);
    const nearestNe = bearings.reduce((best, b, k) => (off(b, 45) < off(bearings[best]!, 45) ? k : best), 0);
    expect(one).toBe(nearestNe);
    expect(bearings[one]!).toBeGreaterThan(0);
    expect(bearings[one]!).toBeLessThan(90);
    if (azimuthDeg !== 30) expect(corners.map((c) => c.label)).toEqual(['NE', 'SE', 'SW', 'NW']);
    // Clockwise: each next corner lies further round from north.
    const turn = [1, 2, 3].map((k) => ((bearings[k]! - bearings[k - 1]! + 360) % 360));
    for (const t of turn) expect(t).toBeLessThan(180);
  });

  it('knows all eight compass words', () => {
    expect(COMPASS_POINTS.map(compassBearing)).toEqual([0, 45, 90, 135, 180, 225, 270, 315]);
  });
});

describe('no type under 10 pt on a recorded page', () => {
  const cases: [string, FixtureOptions][] = [
    ['NV lode, legal map with recording block', { state: 'NV', rows: 2, cols: 3 }],
    ['AZ lode, end-line centres', { state: 'AZ', rows: 2, cols: 2, azimuthDeg: 90 }],
    ['MT lode, notary', { state: 'MT', rows: 1, cols: 2 }],
    ['CO lode, six posts', { state: 'CO', rows: 1, cols: 2, dateOfDiscovery: '2026-08-01' }],
    ['AK federal lode', { state: 'AK', rows: 1, cols: 2, recordingDistrict: 'Fairbanks' }],
    ['NV association placer', { state: 'NV', kind: 'placer', rows: 1, cols: 2, locatorCount: 3, placerNorth: 'true' }],
    ['ID lode, long names', { state: 'ID', rows: 1, cols: 1, claimantName: 'Sierra Nevada Consolidated Gold and Silver Exploration Company, Incorporated' }],
  ];
  it.each(cases)('%s: every text run of the notices and the claim map is 10 pt or more', async (_name, options) => {
    const model = samplePackageModel(options);
    const notices = await renderLocationNotices(model, context);
    const map = await renderClaimMap(model, context);
    expect(notices.problems).toEqual([]);
    expect(await runsBelow(notices.document.bytes, 10)).toEqual([]);
    expect(await runsBelow(map.document.bytes, 10)).toEqual([]);
  });

  it('the measure finds small type where a field sheet has it (the field map\'s waypoint labels)', async () => {
    const model = samplePackageModel({ state: 'NV', rows: 1, cols: 2 });
    const small = await runsBelow((await renderFieldMap(model, context)).document.bytes, 10);
    expect(small.length).toBeGreaterThan(0);
  });
});
