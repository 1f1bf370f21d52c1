/**
 * The PLSS in a staking package, over a real cache holding the synthetic CadNSDI township: a package whose land
 * description was left blank is filled from the PLSS (notice text and tie), a description staff typed is kept,
 * and the claim map draws the section lines and numbers with the data's source (read back with pdftotext; a PNG
 * of the sheet goes to test-results/documents/ for people to look at).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/open-database';
import type { Database } from '../../core/db/schema';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import { renderClaimMap } from '../../core/documents/pdf/claim-map.pdf';
import type { RenderContext } from '../../core/documents/document.types';
import { importPlssFiles } from '../../core/plss/plss-import';
import { withPlss } from '../../core/plss/plss-package';
import { plssAroundClaims } from '../../core/plss/plss-describe.service';
import { noticeContent } from '../../shared/documents/notice-content';
import { buildPackageModel, type PackageSource } from '../../shared/documents/package-model';
import { generateGrid } from '../../shared/layout/grid';
import { snapPlacersToAliquots } from '../../shared/plss/aliquot-snap';
import { buildPlssIndex } from '../../shared/plss/plss-index';
import { samplePackageSource } from '../helpers/package-fixtures';
import { FIXTURE_EPSG, T39N_R55E, quarterQuarterBox, writeFixtureGeoJson } from '../helpers/plss-fixture';
import { makeTempDir } from '../helpers/temp-dir';

const PNG_DIR = join(process.cwd(), 'test-results', 'documents');
let temp: ReturnType<typeof makeTempDir>;
let db: Kysely<Database>;
let close: () => Promise<void>;

beforeAll(async () => {
  temp = makeTempDir('claimdesk-plss-package-');
  const opened = await openDatabase({ file: join(temp.dir, 'claimdesk.sqlite') });
  db = opened.db;
  close = opened.close;
  await importPlssFiles(db, writeFixtureGeoJson(temp.dir), { now: () => new Date('2026-12-01T10:00:00Z') });
});
afterAll(async () => {
  await close();
  temp.cleanup();
});

/** Two 20-acre placers laid out near the NE¼NE¼ of section 12 and snapped to its W½ and E½. */
async function placerSource(blank: boolean): Promise<PackageSource> {
  const qq = quarterQuarterBox(T39N_R55E, 12, 'NENE');
  const rough = generateGrid({ kind: 'placer', rows: 1, cols: 2, azimuthDeg: 0, prefix: 'NENE', firstNumber: 1, anchorMode: 'nw', anchor: [qq[1]![0] + 12, qq[1]![1] - 9] }, FIXTURE_EPSG);
  const index = buildPlssIndex(await plssAroundClaims(db, rough, FIXTURE_EPSG), FIXTURE_EPSG);
  const { claims } = snapPlacersToAliquots(rough, index, 20);
  return { ...samplePackageSource({ state: 'NV', kind: 'placer', blankPlss: blank, withTie: !blank }), epsg: FIXTURE_EPSG, claims };
}

describe('the PLSS in a package', () => {
  it('fills a blank land description and tie, which the notice prints as one legal description', async () => {
    const source = await withPlss(db, await placerSource(true));
    expect(source.plss).toEqual({ meridian: 'Mount Diablo Meridian', township: 'T39N', range: 'R55E', sections: '12', aliquot: 'NE¼NE¼' });
    expect(source.tie?.description).toBe('Section corner common to Sections 1 and 12, T39N R55E, Mount Diablo Meridian');
    const model = buildPackageModel(source, { preparedOn: '2026-12-02', generator: { name: 'ClaimDesk', version: 'test' } });
    const notice = noticeContent(model, model.claims[0]!);
    const paragraphs = notice.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toContain('Described as T39N R55E, Sec. 12: NE¼NE¼, Mount Diablo Meridian.');
    expect(paragraphs.some((p) => p.includes('the reference point, Section corner common to Sections 1 and 12'))).toBe(true);
  });

  it('keeps a description staff typed, and still brings the section lines', async () => {
    const typed = await placerSource(false);
    const source = await withPlss(db, typed);
    expect(source.plss).toEqual(typed.plss);
    expect(source.tie).toEqual(typed.tie);
    // The sections within a mile or so of the claims: 12 and its neighbours in the township's east column.
    expect(source.survey?.sections.map((s) => s.label).sort()).toEqual(['1', '11', '12', '13', '14', '2']);
    expect(source.survey?.source).toBe('BLM CadNSDI PLSS for NV, data of 2024-03-01, imported 2026-12-01');
  });

  it('draws section lines and numbers on the claim map and names their source', async () => {
    const source = await withPlss(db, await placerSource(true));
    const model = buildPackageModel(source, { preparedOn: '2026-12-02', generator: { name: 'ClaimDesk', version: 'test' } });
    const context: RenderContext = { fonts: loadFontBytes(findResourcesDir()), feeSchedule: null as unknown as RenderContext['feeSchedule'] };
    const result = await renderClaimMap(model, context);
    const file = join(temp.dir, 'claim-map.pdf');
    writeFileSync(file, result.document.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Section line, number');
    expect(text).toContain('Township line');
    expect(text.replace(/\s+/g, ' ')).toContain('Section lines (quarter-quarter lines dotted): BLM CadNSDI PLSS for NV, data of 2024-03-01');
    expect(text.replace(/\s+/g, ' ')).toContain('T39N R55E, Sec. 12: NE¼NE¼, Mount Diablo Meridian');
    // The tie to the section corner the PLSS chose: in the notes with its true bearing and ground distance, and on
    // the map as a line labelled TIE (drawn along the line, so pdftotext reads its words out of order) with the
    // corner's name beside the reference symbol.
    expect(text.replace(/\s+/g, ' ')).toMatch(/Tie: Corner 1 of NENE 1 to Section corner common to Sections 1 and 12, T39N R55E, Mount Diablo Meridian, N \d+°\d\d'\d\d" E, 1,4\d\d\.\d\d ft\./);
    // The symbol's label is the description cut to its room (the notes give it whole).
    expect(text).toMatch(/Section corner common to Sections[^\n]*…/);
    // The section the claims stand in is numbered on the sheet.
    const words = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(words).toMatch(/>12<\/word>/);
    expect(words).toMatch(/>TIE<\/word>/);
    mkdirSync(PNG_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(PNG_DIR, 'claim-map-plss')]);
  });
});
