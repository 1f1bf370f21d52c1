/**
 * The location notices and corner cards as real PDFs: rendered from real package models, read back with pdf-lib
 * and poppler (pdftotext, pdftoppm), so what is checked is what a recorder and a staker will see. First pages are
 * written as PNGs to test-results/documents/ for a look.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCornerCards } from '../../core/documents/pdf/corner-cards.pdf';
import { renderLocationNotices } from '../../core/documents/pdf/location-notice.pdf';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import type { RenderContext } from '../../core/documents/document.types';
import { formatBearing, formatUtm } from '../../shared/documents/bearing-format';
import { FEE_SCHEDULES } from '../../shared/documents/fees/fee-schedule';
import type { PackageModel } from '../../shared/documents/package-model.types';
import { samplePackageModel } from '../helpers/package-fixtures';

const OUT = join('test-results', 'documents');
const CLAIMANT = "Łukasz Peña & O'Brien, LLC";
const MARGIN = 54;
let context: RenderContext;

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  context = { fonts: loadFontBytes(findResourcesDir()), feeSchedule: FEE_SCHEDULES[0]! };
});

function save(name: string, bytes: Uint8Array): string {
  const file = join(OUT, name);
  writeFileSync(file, bytes);
  return file;
}

/** pdftotext -layout, whitespace collapsed so wrapped sentences read as one. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

interface Word { page: number; pageWidth: number; x0: number; y0: number; x1: number; text: string }

/** Every word with its box, from pdftotext -bbox (points, origin top left). */
function pdfWords(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const words: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const m of html.matchAll(/<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    if (m[1]) {
      page += 1;
      pageWidth = Number(m[1]);
    } else {
      const text = m[5]!.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      words.push({ page, pageWidth, x0: Number(m[2]), y0: Number(m[3]), x1: Number(m[4]), text });
    }
  }
  return words;
}

function png(file: string, name: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(OUT, name)]);
}

async function notices(model: PackageModel, name: string): Promise<{ file: string; text: string; pages: number; problems: unknown[] }> {
  const result = await renderLocationNotices(model, context);
  expect(result.document.kind).toBe('location-notices');
  const file = save(name, result.document.bytes);
  const loaded = await PDFDocument.load(result.document.bytes);
  expect(result.document.pages).toBe(loaded.getPageCount());
  return { file, text: pdfText(file), pages: loaded.getPageCount(), problems: result.problems };
}

describe('location notices PDF', () => {
  it.each(['NV', 'AZ', 'ID', 'WY', 'MT'])('%s: one notice per claim, each from a new page, with the required items in the text', async (state) => {
    const model = samplePackageModel({ state, rows: 2, cols: 2 });
    const { file, text, pages, problems } = await notices(model, `location-notices-${state}.pdf`);
    expect(problems).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(model.claims.length);
    // Each claim's notice starts its own page numbering: "page 1 of n" once per claim.
    expect(text.match(/— page 1 of \d/g)).toHaveLength(model.claims.length);
    const title = model.stateCode === 'NV' || model.stateCode === 'MT' ? 'CERTIFICATE OF LOCATION' : model.stateCode === 'AZ' ? 'LOCATION NOTICE' : model.stateCode === 'WY' ? 'LOCATION CERTIFICATE' : 'NOTICE OF LOCATION';
    expect(text.match(new RegExp(title, 'g'))).toHaveLength(model.claims.length);
    expect(text).toContain(CLAIMANT);
    // District, county and state are a row of form boxes: the labels, then the values.
    expect(text).toContain(`Mining district County State Gold Ridge Mining District ${model.county} ${model.stateName}`);
    expect(text).toContain('NE¼ SW¼');
    expect(text).toContain('Zoë Ångström');
    for (const claim of model.claims) {
      expect(text).toContain(`${claim.name} — page 1 of`);
      expect(text).toContain(`Lode mining claim · ${claim.name}`);
      for (const course of claim.courses) expect(text).toContain(`thence ${formatBearing(course.bearingDeg)},`);
      for (const corner of claim.corners) {
        const { easting, northing } = formatUtm(corner.utm);
        expect(text).toMatch(new RegExp(`Corner No. ${corner.number} \\(${corner.position}\\)[^|]*?${corner.postId} ${easting} ${northing} ${corner.lonLat[1].toFixed(7)} ${corner.lonLat[0].toFixed(7)}`));
      }
    }
    expect(text).toContain(`EPSG:${model.epsg}`);
    if (state === 'NV') {
      expect(text).toContain('The location work for this claim consisted of making the maps of the claim required by NRS 517.040');
      expect(text).toContain('marked “LUCKY STRIKE 1 — Corner No. 1”');
    }
    if (state === 'MT') {
      expect(text).toContain('STATE OF MONTANA');
      expect(text).toContain('Subscribed and sworn to (or affirmed) before me on');
      expect(text).toContain('Notary Public for the State of Montana');
      expect(text).toContain('Notarial seal');
    }
    if (state === 'AZ') expect(text).toContain('Distance from the location monument to each end of the claim: 25.00 ft');
    if (state === 'ID') expect(text).toContain('and with the directions of the boundary lines, which run');
    if (state === 'NV') png(file, 'location-notice-page1');
  });

  it('wraps a 300-character claimant name and a 200-character address inside the margins, every word printed', async () => {
    const name = Array.from({ length: 30 }, (_, k) => `Locatorname${String(k).padStart(2, '0')}`).join(' ').slice(0, 300);
    const address = `${Array.from({ length: 18 }, (_, k) => `Street${String(k).padStart(2, '0')}`).join(' ')} Żółć Road`.slice(0, 200);
    const model = samplePackageModel({ state: 'MT', rows: 1, cols: 2, claimantName: name, address1: address, dateOfLocation: null });
    const { file, text } = await notices(model, 'location-notices-long-names.pdf');
    for (const word of [...name.split(' '), ...address.split(' ')]) expect(text).toContain(word);
    const words = pdfWords(file);
    expect(words.length).toBeGreaterThan(500);
    const outside = words.filter((w) => w.x0 < MARGIN - 1 || w.x1 > w.pageWidth - MARGIN + 1);
    expect(outside).toEqual([]);
    // The date of location is left to fill in: a labelled blank, never a made-up date.
    expect(text).toContain('Date of location: ');
    expect(text).not.toContain('August 15, 2026');
  });

  it('one claim without corners: the other notices print and the bad one is a problem', async () => {
    const model = samplePackageModel({ state: 'WY', rows: 1, cols: 3 });
    const broken: PackageModel = { ...model, claims: model.claims.map((c, k) => (k === 1 ? { ...c, corners: [] } : c)) };
    const { text, pages, problems } = await notices(broken, 'location-notices-broken.pdf');
    expect(problems).toEqual([{ document: 'location-notices', claim: 'LUCKY STRIKE 2', message: expect.stringContaining('0 corners') }]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('LUCKY STRIKE 1 — page 1 of');
    expect(text).toContain('LUCKY STRIKE 3 — page 1 of');
    expect(text).not.toContain('LUCKY STRIKE 2 — page 1 of');
  });

  it('is the same bytes when rendered twice (dates come from the model)', async () => {
    const model = samplePackageModel({ state: 'AZ', rows: 1, cols: 1 });
    const a = await renderLocationNotices(model, context);
    const b = await renderLocationNotices(model, context);
    expect(Buffer.from(a.document.bytes).equals(Buffer.from(b.document.bytes))).toBe(true);
  });
});

describe('corner cards PDF', () => {
  it('one card per post, 8 to a sheet; a shared corner has one card listing both claims', async () => {
    const model = samplePackageModel({ state: 'NV', rows: 1, cols: 2 });
    const result = await renderCornerCards(model, context);
    expect(result.problems).toEqual([]);
    expect(result.document.kind).toBe('corner-cards');
    const file = save('corner-cards-NV.pdf', result.document.bytes);
    const loaded = await PDFDocument.load(result.document.bytes);
    expect(loaded.getPageCount()).toBe(Math.ceil(model.posts.length / 8));
    expect(result.document.pages).toBe(loaded.getPageCount());
    png(file, 'corner-cards-page1');

    const text = pdfText(file);
    expect(text.match(/Date of location: August 15, 2026/g)).toHaveLength(model.posts.length);
    expect(text.match(/Locator: Łukasz Peña & O'Brien, LLC/g)).toHaveLength(model.posts.length);
    // Group the words by the card they fall in (2 × 4 grid of 4 × 2.5 in cards, centred on the sheet).
    const words = pdfWords(file);
    const cards = new Map<string, Word[]>();
    for (const w of words) {
      const col = Math.floor((w.x0 - 18) / 288);
      const row = Math.floor((w.y0 - 36) / 180);
      if (col < 0 || col > 1 || row < 0 || row > 3) continue;
      const key = `${w.page}:${row}:${col}`;
      cards.set(key, [...(cards.get(key) ?? []), w]);
    }
    expect(cards.size).toBe(model.posts.length);
    const cardText = (ws: Word[]): string => ws.map((w) => w.text).join(' ');
    for (const post of model.posts) {
      const card = [...cards.values()].filter((ws) => ws.some((w) => w.text === post.id));
      expect(card).toHaveLength(1);
      const said = cardText(card[0]!);
      for (const m of post.markings) {
        const corner = /^Corner (\d+)$/.exec(m.designation);
        expect(said).toContain(`${m.claim} — ${corner ? `Corner No. ${corner[1]}` : m.designation}`);
      }
      expect(said).toContain(formatUtm(post.utm).easting);
    }
    const shared = model.posts.find((p) => p.kind === 'corner' && p.markings.length === 2)!;
    const sharedCard = cardText([...cards.values()].find((ws) => ws.some((w) => w.text === shared.id))!);
    expect(sharedCard).toContain('LUCKY STRIKE 1 — Corner No.');
    expect(sharedCard).toContain('LUCKY STRIKE 2 — Corner No.');
    expect(sharedCard.match(/Lines run/g)).toHaveLength(2);
    for (const w of words) expect(w.x1).toBeLessThanOrEqual(w.pageWidth - 18 + 1);
  });

  it('a four-claim corner still fits its card; an unknown date is a blank to fill in', async () => {
    const model = samplePackageModel({ state: 'ID', rows: 2, cols: 2, dateOfLocation: null });
    const result = await renderCornerCards(model, context);
    expect(result.problems).toEqual([]);
    const text = pdfText(save('corner-cards-ID.pdf', result.document.bytes));
    expect(text).not.toContain('August');
    expect(text.match(/Date of location:/g)).toHaveLength(model.posts.length);
    const four = model.posts.find((p) => new Set(p.markings.map((m) => m.claim)).size === 4)!;
    expect(four).toBeDefined();
    for (const m of four.markings.filter((x) => x.designation.startsWith('Corner'))) expect(text).toContain(`${m.claim} — ${m.designation.replace('Corner', 'Corner No.')}`);
  });
});
