/**
 * The claim and field maps rendered for real models and read back: page sizes with pdf-lib, text with poppler's
 * pdftotext (what a recorder's copy actually says), and a PNG of each first sheet in test-results/documents/ for
 * people to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import { renderClaimMap, renderFieldMap } from '../../core/documents/pdf/claim-map.pdf';
import type { RenderContext, RenderResult } from '../../core/documents/document.types';
import type { PackageModel } from '../../shared/documents/package-model.types';
import { makeTempDir } from '../helpers/temp-dir';
import { samplePackageModel } from '../helpers/package-fixtures';

const CLAIMANT = "Łukasz Peña & O'Brien, LLC";
const PNG_DIR = join(process.cwd(), 'test-results', 'documents');

let context: RenderContext;
let temp: { dir: string; cleanup: () => void };

beforeAll(() => {
  context = { fonts: loadFontBytes(findResourcesDir()), feeSchedule: null as unknown as RenderContext['feeSchedule'] };
  temp = makeTempDir('claimdesk-maps-');
  mkdirSync(PNG_DIR, { recursive: true });
});

afterAll(() => temp.cleanup());

function save(name: string, result: RenderResult): string {
  const file = join(temp.dir, `${name}.pdf`);
  writeFileSync(file, result.document.bytes);
  return file;
}

function text(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Every word on a page with its box (pdftotext -bbox), to find short labels like corner numbers. */
function words(file: string, page: number): { text: string; x: number; y: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    text: m[3]!.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"'),
  }));
}

function png(file: string, name: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(PNG_DIR, name)]);
}

async function pageSizes(result: RenderResult): Promise<number[][]> {
  const doc = await PDFDocument.load(result.document.bytes);
  expect(doc.getPageCount()).toBe(result.document.pages);
  return doc.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())].sort((a, b) => a - b));
}

const SHEETS: Record<string, number[]> = { NV: [612, 1008], AZ: [612, 1008], ID: [612, 792], WY: [612, 792], MT: [612, 792] };

describe('claim map and field map PDFs', () => {
  for (const state of Object.keys(SHEETS)) {
    it(`${state}: sheet size, claim names, order, claimant, corner numbers, scale; field map waypoints`, async () => {
      const model = samplePackageModel({ state, rows: 2, cols: 4, orderNumber: `CP-2026-${state}01` });
      const claimMap = await renderClaimMap(model, context);
      const fieldMap = await renderFieldMap(model, context);
      expect(claimMap.document.kind).toBe('claim-map');
      expect(fieldMap.document.kind).toBe('field-map');
      expect(claimMap.problems).toEqual([]);
      for (const size of await pageSizes(claimMap)) expect(size).toEqual(SHEETS[state]);
      for (const size of await pageSizes(fieldMap)) expect(size).toEqual(SHEETS[state]);

      const claimFile = save(`${state}-claim-map`, claimMap);
      const all = text(claimFile);
      for (const claim of model.claims) expect(all).toContain(claim.name);
      expect(all).toContain(`CP-2026-${state}01`);
      expect(all).toContain(CLAIMANT);
      expect(all).toContain(`${model.county} County`);
      expect(all).toContain('NAD83 / UTM zone');
      expect(all).toMatch(/1 in = [\d,]+ ft \(1:[\d,]+\)/);
      expect(all.replace(/\s+/g, ' ')).toMatch(/November 22,( \S+)* 2026/);
      expect(all).toMatch(/Sheet[\s\S]*\b1 of \d+/);
      if (state === 'NV') expect(all).toContain('1 in = 500 ft');
      // Corner numbers inside the neatline: every claim has a Corner 1…4 (letter sheets at the 500 ft/in that
      // ten-point labels need tile the block, so every sheet is read).
      const labels = Array.from({ length: claimMap.document.pages! }, (_, k) => words(claimFile, k + 1).map((w) => w.text)).flat();
      for (const n of ['1', '2', '3', '4']) expect(labels.filter((t) => t === n).length).toBeGreaterThanOrEqual(model.claims.length);
      // Bearings and distances of every course, on the map or on its own sheet.
      expect(all).toContain('1–2');
      expect(all).toContain('1,500.00');

      const fieldFile = save(`${state}-field-map`, fieldMap);
      const fieldText = text(fieldFile);
      const fieldWords = new Set(Array.from({ length: fieldMap.document.pages! }, (_, k) => words(fieldFile, k + 1).map((w) => w.text)).flat());
      for (const post of model.posts) expect(fieldWords.has(post.id)).toBe(true);
      expect(fieldText).toContain('FIELD MAP');
      expect(fieldText).toContain(CLAIMANT);
      expect(fieldText).toContain(model.posts[0]!.lonLat[1].toFixed(7));

      if (state === 'NV' || state === 'AZ') {
        png(claimFile, `claim-map-${state}`);
        png(fieldFile, `field-map-${state}`);
      }
    });
  }

  it('Nevada: every page keeps the 3 × 3 in recording block blank', async () => {
    const model = samplePackageModel({ state: 'NV', rows: 2, cols: 4 });
    const file = save('nv-recording', await renderClaimMap(model, context));
    for (let page = 1; page <= 2; page += 1) {
      // pdftotext -bbox: y from the top; the block is x ≥ 5.5 in, y ≤ 3 in.
      const inBlock = words(file, page).filter((w) => w.x >= 5.5 * 72 && w.y <= 3 * 72);
      expect(inBlock).toEqual([]);
    }
  });

  it('tiles a 20 × 20 block over several sheets with an index first', async () => {
    const model = samplePackageModel({ state: 'NV', rows: 20, cols: 20 });
    const result = await renderClaimMap(model, context);
    expect(result.problems).toEqual([]);
    expect(result.document.pages).toBeGreaterThan(5);
    for (const size of await pageSizes(result)) expect(size).toEqual([612, 1008]);
    const file = save('nv-big', result);
    expect(text(file, 1)).toContain('INDEX OF SHEETS');
    expect(text(file, 2)).toContain('1 in = 500 ft');
    const all = text(file);
    for (const claim of model.claims) expect(all).toContain(claim.name);
    png(file, 'claim-map-NV-tiled-index');
  });

  it('still renders with a broken claim, reporting it as a problem', async () => {
    const model: PackageModel = samplePackageModel({ state: 'AZ', rows: 2, cols: 2 });
    const [good, empty, nan] = [model.claims[0]!, model.claims[1]!, model.claims[2]!];
    empty.corners = [];
    nan.corners[1]!.utm = [Number.NaN, Number.NaN];
    for (const render of [renderClaimMap, renderFieldMap]) {
      const result = await render(model, context);
      expect(result.document.pages).toBeGreaterThanOrEqual(1);
      const claims = result.problems.map((p) => p.claim);
      expect(claims).toContain(empty.name);
      expect(claims).toContain(nan.name);
      const all = text(save(`broken-${result.document.kind}`, result));
      expect(all).toContain(good.name);
      expect(all).toContain(CLAIMANT);
    }
  });
});
