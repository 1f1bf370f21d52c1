import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import { renderFeesSheet } from '../../core/documents/pdf/fees-sheet.pdf';
import { feeScheduleFor } from '../../shared/documents/fees/fee-schedule';
import type { PackageModel } from '../../shared/documents/package-model.types';
import { samplePackageModel } from '../helpers/package-fixtures';

const fonts = loadFontBytes(findResourcesDir());
const schedule = feeScheduleFor('2026-08-15')!;
const work = mkdtempSync(join(tmpdir(), 'fees-sheet-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function render(model: PackageModel, name: string): Promise<{ text: string; pages: number; file: string; problems: unknown[] }> {
  const result = await renderFeesSheet(model, { fonts, feeSchedule: schedule });
  expect(result.document.kind).toBe('fees-sheet');
  const loaded = await PDFDocument.load(result.document.bytes);
  expect(loaded.getPageCount()).toBe(result.document.pages);
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, result.document.bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { text, pages: loaded.getPageCount(), file, problems: result.problems };
}

describe('fees and deadlines sheet PDF', () => {
  it('prints fees per claim and in total, the schedule, the deadlines and the rules', async () => {
    const { text, pages, file, problems } = await render(samplePackageModel({ state: 'NV', rows: 2, cols: 2 }), 'nv-4-lode');
    expect(problems).toEqual([]);
    expect(pages).toBeLessThanOrEqual(3);
    expect(text).toContain('Fees and deadlines');
    expect(text).toContain('CP-2026-0042');
    expect(text).toContain("Łukasz Peña & O'Brien, LLC");
    expect(text).toContain('Nevada · Pershing County');
    expect(text).toMatch(/LUCKY STRIKE 1\s+Lode\s+20\.66\s+1\s+\$49\.00\s+\$200\.00\s+\$25\.00\s+\$274\.00/);
    expect(text.match(/\$274\.00/g)!.length).toBeGreaterThanOrEqual(4);
    expect(text).toMatch(/Total \(4 claims\).*\$196\.00\s+\$800\.00\s+\$100\.00\s+\$1,096\.00/);
    expect(text).toContain('blm-2024-10');
    expect(text).toContain('Tue 1 October 2024');
    // The new deadlines: corners in 60 days, the notice of intent by 1 November, the waiver's notice of intent.
    const flat = text.replace(/\s+/g, ' ');
    // Cells wrap: the year may print a line below the day and month.
    expect(flat).toContain('Wed 14 October');
    expect(flat).toContain('Sun 1 November');
    expect(flat).toContain('Wed 30 December');
    expect(text).toMatch(/NRS\s+517\.230/);
    // County fees as data: the $15 map fee per claim (NRS 517.040(2)); no "waiver processing fee" anywhere.
    expect(flat).toMatch(/Map filing fee.{0,80}\$15\.00 per claim ×.{0,80}\$60\.00/);
    expect(text).not.toMatch(/[Ww]aiver processing fee/);
    expect(text).toMatch(/The waiver form carries no\s+processing fee/);
    // The newest schedule is over a year old on 22 November 2026: said on the sheet.
    expect(text).toMatch(/The newest BLM fee schedule on file \(blm-2024-10\)/);
    expect(text).toContain('https://old.govregs.com/regulations/title43_chapterII_part3830_subpartD_section3830.21');
    expect(text).toContain('Fri 13 November 2026'); // county and BLM
    expect(text).toContain('Tue 1 September 2026'); // first annual maintenance fee
    expect(flat).toMatch(/PASSED 9 days/); // prepared 22 November 2026
    expect(text).toContain('BLM Nevada State'); // the cell wraps before "Office"
    expect(text).toContain('1 September');
    expect(text).toContain('Bridge claim');
    expect(text).toContain('3830-2');
    expect(text).toMatch(/confirm\s+every amount with BLM/);

    const out = resolve('test-results/documents');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(out, 'fees-sheet')]);
  });

  it('flows a 200-claim order over pages with the table header repeated', async () => {
    const { text, pages, file } = await render(samplePackageModel({ state: 'NV', rows: 20, cols: 10, orderNumber: 'CP-2026-0200' }), 'nv-200');
    expect(pages).toBeGreaterThanOrEqual(5);
    const headers = text.match(/Claim\s+Type\s+Acres\s+Units\s+Location\s+Initial maint\.\s+Processing\s+Total/g) ?? [];
    expect(headers.length).toBeGreaterThanOrEqual(pages - 2);
    expect(text).toContain('Fees per claim, CP-2026-0200 (continued)');
    for (let k = 1; k <= 200; k += 1) expect(text).toMatch(new RegExp(`LUCKY STRIKE ${k}\\s+Lode`));
    expect(text).toMatch(/Total \(200 claims\).*\$54,800\.00/);
    expect(text).toContain(`page ${pages} of ${pages}`);
    expect(text).toContain('more than 10: the waiver is not available');
    const out = resolve('test-results/documents');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', '-singlefile', file, join(out, 'fees-sheet-200-page2')]);
  });

  it('leaves blank lines and fill-in text when the date of location is unknown', async () => {
    const { text } = await render(samplePackageModel({ state: 'UT', dateOfLocation: null }), 'ut-undated');
    expect(text.replace(/\s+/g, ' ')).toContain('Date of location not set. Fill in after posting: every deadline below counts from the date the notice is posted');
    expect(text).not.toMatch(/PASSED|days left/);
    expect(text).toMatch(/Date of location: *\n/); // a blank line to write on
    expect(text.match(/Fill in after posting/g)?.length).toBeGreaterThanOrEqual(3); // the note and the two dated rows
    expect(text).toContain('Utah · Beaver County');
  });

  it('lists placers per 20 acres, and a claim with bad acres with "—" and a problem', async () => {
    const model = samplePackageModel({ state: 'AK', kind: 'placer', rows: 1, cols: 3 });
    model.claims[1] = { ...model.claims[1]!, areaAcres: Number.NaN };
    const { text, problems } = await render(model, 'ak-placer');
    expect(problems).toEqual([{ document: 'fees-sheet', claim: model.claims[1]!.name, message: expect.stringMatching(/not a usable number/) }]);
    expect(text).toMatch(/LUCKY STRIKE 1\s+Placer\s+20\.00\s+1\s+\$49\.00\s+\$200\.00\s+\$25\.00\s+\$274\.00/);
    expect(text).toMatch(/LUCKY STRIKE 2\s+Placer\s+—\s+—\s+\$49\.00\s+—\s+\$25\.00\s+—/);
    expect(text).toMatch(/Total \(3 claims\).*\$622\.00/);
    expect(text).toContain('The totals leave out the initial maintenance fee of 1 placer claim');
    expect(text).toContain('FEDERAL land');
    expect(text).toContain('District recorder');
    // Alaska records by recording district: never a borough or a county.
    expect(text).not.toContain('Fairbanks North Star');
    expect(text).not.toMatch(/County/);
  });
});

describe('fees sheet: history and regimes', () => {
  it('a claim located in 2023 is charged $40 and $165 (the schedule before 1 July 2024), with the processing fee not on file', async () => {
    const { text } = await render(samplePackageModel({ state: 'NV', rows: 1, cols: 1, dateOfLocation: '2023-05-10', preparedOn: '2023-05-12' }), 'nv-2023');
    expect(text).toMatch(/LUCKY STRIKE 1\s+Lode\s+20\.66\s+1\s+\$40\.00\s+\$165\.00\s+—\s+\$205\.00/);
    expect(text).toContain('blm-2019-09');
    expect(text).toContain('plus the processing fee');
  });

  it('Alaska State land: DNR deadlines and rental, no BLM fees', async () => {
    const { text } = await render(samplePackageModel({ state: 'AK', kind: 'placer', rows: 1, cols: 1, landStatus: 'state', recordingDistrict: 'Fairbanks', placerNorth: 'true' }), 'ak-state');
    expect(text).toContain('State of Alaska land');
    expect(text).toContain('Fairbanks Recording District');
    expect(text.replace(/\s+/g, ' ')).toContain('Tue 29 September');
    expect(text).toMatch(/First annual rental\s+\$40 per location/);
    expect(text).not.toContain('Fees due at BLM filing');
  });
});
