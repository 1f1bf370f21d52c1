import { describe, expect, it } from 'vitest';
import { parseUsd, usdText } from '../../shared/filings/filing.types';
import { blmFilingWarnings, checkBlmFiling, checkCountyRecording, normaliseSerial, type RecordedPackage } from '../../shared/filings/filing-checks';

const recorded: RecordedPackage = { claimNames: ['LUCKY 1', 'LUCKY 2'], dateOfLocation: '2026-12-01', claimants: ['Ann Miner'], recordingDue: { date: '2027-03-01', citation: 'NRS 517.050' }, blmDue: { date: '2027-03-01', citation: '43 U.S.C. 1744(b)' } };
const filing = {
  filedOn: '2027-02-10',
  serials: { 'LUCKY 1': 'NV105100001', 'LUCKY 2': 'NV105100002' },
  claimNames: ['LUCKY 1', 'LUCKY 2'],
  dateOfLocation: '2026-12-01',
  claimants: ['Ann Miner'],
};
const codes = (p: { code: string }[]) => p.map((x) => x.code);

describe('filing checks', () => {
  it('county recording: with its reference, not before the date of location; late is a warning naming the statute', () => {
    const ref = { instrumentNumber: null, book: '12', page: '345' };
    expect(checkCountyRecording({ recordedOn: '2027-03-01', ...ref }, recorded)).toEqual({ problems: [], warnings: [] });
    const late = checkCountyRecording({ recordedOn: '2027-03-02', instrumentNumber: ' ', book: '12', page: null }, recorded);
    expect(codes(late.problems)).toEqual(['reference_missing']);
    expect(late.warnings).toEqual([
      { code: 'recording_late', message: 'Recorded on 2027-03-02, after the deadline of 2027-03-01 (NRS 517.050): a late recording can cost the claims; ask the recorder and the customer what to do now.' },
    ]);
    expect(codes(checkCountyRecording({ recordedOn: '2026-11-30', instrumentNumber: '2026-1', book: null, page: null }, recorded).problems)).toEqual(['before_location']);
  });

  it('BLM filing after its 90 days is a warning naming the statute', () => {
    expect(blmFilingWarnings('2027-03-01', recorded)).toEqual([]);
    expect(blmFilingWarnings('2027-03-02', recorded)[0]?.message).toMatch(/^Filed with BLM on 2027-03-02, after the deadline of 2027-03-01 \(43 U\.S\.C\. 1744\(b\)\)/);
  });

  it('BLM filing matching the recorded package passes; serials compare without spaces, dashes or case', () => {
    expect(checkBlmFiling(filing, recorded, new Map())).toEqual([]);
    expect(normaliseSerial('nv 1051-00001')).toBe('NV105100001');
  });

  it('refuses a duplicate serial, in the filing or already on file, and a missing one', () => {
    const dup = checkBlmFiling({ ...filing, serials: { 'LUCKY 1': 'NV105100001', 'LUCKY 2': 'nv 105100001' } }, recorded, new Map());
    expect(codes(dup)).toEqual(['serial_duplicate']);
    expect(dup[0]!.message).toBe('LUCKY 2 and LUCKY 1 have the same serial number NV105100001: each claim has its own.');
    expect(codes(checkBlmFiling(filing, recorded, new Map([['NV105100002', 'OTHER 7']])))).toEqual(['serial_taken']);
    expect(codes(checkBlmFiling({ ...filing, serials: { 'LUCKY 1': 'NV105100001' } }, recorded, new Map()))).toEqual(['serial_missing']);
  });

  it('refuses a claim-name, date or claimant mismatch with the recorded package', () => {
    const renamed = checkBlmFiling({ ...filing, claimNames: ['LUCKY 1', 'LUCKY 3'], serials: { 'LUCKY 1': 'A1', 'LUCKY 3': 'A3' } }, recorded, new Map());
    expect(renamed.map((p) => p.message)).toEqual(['Claims filed but not in the recorded package: LUCKY 3; Claims recorded but not filed: LUCKY 2.']);
    expect(codes(checkBlmFiling({ ...filing, dateOfLocation: '2026-12-02', claimants: ['Ann Miner', 'Bob'] }, recorded, new Map()))).toEqual(['date_mismatch', 'claimant_mismatch']);
    // Spacing and case are not a mismatch.
    expect(checkBlmFiling({ ...filing, claimNames: ['lucky  1', 'LUCKY 2'], serials: { 'lucky  1': 'A1', 'LUCKY 2': 'A2' } }, recorded, new Map())).toEqual([]);
  });
});

describe('sums of money as typed', () => {
  it('reads dollars with or without cents, a $ sign and thousands commas; refuses the rest', () => {
    expect(['15', '15.5', '15.50', '$1,644.00', ' 0 '].map(parseUsd)).toEqual([1500, 1550, 1550, 164400, 0]);
    expect(['', '-5', '1.234', 'fifteen', '1,2345'].map(parseUsd)).toEqual([null, null, null, null, null]);
    expect(usdText(164400)).toBe('1644.00');
  });
});
