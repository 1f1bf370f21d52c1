/**
 * The BLM filing sheet read as BLM's clerk would (pdftotext) and its CSV as a spreadsheet would: every claim with
 * what MLRS asks, every claimant with an address, and the fee total from the same dated schedule as the fees sheet.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENT_RENDERERS } from '../../core/documents/document-renderers';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import { renderBlmFilingCsv, renderBlmFilingSheet } from '../../core/documents/pdf/blm-filing.pdf';
import { BLM_FILING_CSV_HEADER } from '../../shared/documents/blm-filing';
import { feeScheduleFor } from '../../shared/documents/fees/fee-schedule';
import { computeFees, formatUsd } from '../../shared/documents/fees/fees';
import { samplePackageModel } from '../helpers/package-fixtures';

const fonts = loadFontBytes(findResourcesDir());
const work = mkdtempSync(join(tmpdir(), 'blm-filing-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('BLM filing sheet', () => {
  const model = samplePackageModel({ state: 'NV', rows: 1, cols: 3, dateOfLocation: '2026-12-01', preparedOn: '2026-12-03', locatorCount: 2 });

  it('has a transmittal letter and, per claim, name, type, date, acreage, county, PLSS, claimants and fees', async () => {
    const rendered = await renderBlmFilingSheet(model, { fonts, feeSchedule: null });
    const file = join(work, 'nv.pdf');
    writeFileSync(file, rendered.document.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    expect(rendered.document.pages).toBeGreaterThanOrEqual(2);
    // The letter: to the state office, what is enclosed, the total and the due date.
    const total = computeFees(model.claims, feeScheduleFor('2026-12-01')!).totals.total;
    expect(flat).toContain('BLM Nevada State Office');
    expect(flat).toContain('Re: Filing of 3 mining claims located Tue 1 December 2026, Pershing County, Nevada');
    expect(flat).toContain(`payment of ${formatUsd(total)}`);
    expect(flat).toContain('due at your office by Mon 1 March 2027');
    expect(flat).toContain('Zoë Ångström, agent for');
    // The claims.
    for (const claim of model.claims) expect(flat).toContain(claim.name);
    expect(flat).toMatch(/Claim type Lode/);
    // The notices' one legal description, not the fields side by side.
    expect(flat).toContain('Legal description T32N R36E, Secs. 12, 13: NE¼ SW¼, Mount Diablo Meridian');
    expect(flat).toContain('Co-locator 2, 200 Placer Road, Elko, NV 89801');
    expect(flat).toContain(`Total due at filing: ${formatUsd(total)} for 3 claims (BLM fee schedule blm-2024-10)`);
  });

  it('CSV: one row per claim with every column, the claimants and the fee per claim', async () => {
    const rendered = await renderBlmFilingCsv(model, { fonts, feeSchedule: null });
    const text = new TextDecoder().decode(rendered.document.bytes).replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toBe(BLM_FILING_CSV_HEADER.join(','));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^LUCKY STRIKE 1,Lode,2026-12-01,\d+\.\d{3},NV,Pershing County,Mount Diablo,T32N,R36E,"12, 13",NE¼ SW¼,"T32N R36E, Secs. 12, 13: NE¼ SW¼, Mount Diablo Meridian","Łukasz Peña & O'Brien, LLC, 1234 Żółć Street, Suite 500, Reno, NV 89501 \| Co-locator 2, 200 Placer Road, Elko, NV 89801",274\.00,blm-2024-10$/);
  });

  it('is left out on State of Alaska land, which files with DNR, not BLM', () => {
    const wanted = (m: ReturnType<typeof samplePackageModel>) => DOCUMENT_RENDERERS.filter(([, , applies]) => applies?.(m) ?? true).map(([kind]) => kind);
    expect(wanted(model)).toEqual(expect.arrayContaining(['blm-filing', 'blm-filing-csv', 'deadlines-ics']));
    const stateLand = samplePackageModel({ state: 'AK', landStatus: 'state', recordingDistrict: 'Fairbanks' });
    expect(wanted(stateLand)).not.toContain('blm-filing');
    expect(wanted(stateLand)).toContain('deadlines-ics');
  });
});
