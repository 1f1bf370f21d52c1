import { describe, expect, it } from 'vitest';
import { addCalendarMonths, assessmentYearOf, formatLongDate } from '../../shared/documents/calendar';
import { addCalendarDays, parseCalendarDate } from '../../shared/domain/calendar-date';
import { obligationsFor, waiverNotes, type DueObligation, type ObligationInput } from '../../shared/documents/obligations/obligations';
import { OBLIGATIONS } from '../../shared/documents/obligations/obligation-table';
import { countyLabel } from '../../shared/documents/place-text';

const lodes = (n: number) => Array.from({ length: n }, (_, k) => ({ name: `LS ${k + 1}`, kind: 'lode' as const, areaAcres: 20.66 }));
const base: ObligationInput = {
  stateCode: 'NV',
  landStatus: 'federal',
  claims: lodes(4),
  dateOfLocation: '2026-08-15',
  dateOfDiscovery: null,
  preparedOn: '2026-08-20',
  place: 'Pershing County, Nevada',
};
const run = (over: Partial<ObligationInput> = {}) => obligationsFor({ ...base, ...over });
const byId = (list: DueObligation[], id: string): DueObligation => {
  const found = list.find((o) => o.id === id);
  if (!found) throw new Error(`no ${id} in ${list.map((o) => o.id).join(', ')}`);
  return found;
};

describe('calendar dates', () => {
  it('reads and writes ISO calendar dates without time-zone drift, leap years and months included', () => {
    expect(addCalendarDays('2026-03-01', 1)).toBe('2026-03-02');
    expect(addCalendarDays('2028-02-01', 90)).toBe('2028-05-01');
    expect(addCalendarDays('2027-02-01', 90)).toBe('2027-05-02');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(parseCalendarDate('2026-02-30')).toBeNull();
    expect(formatLongDate('2026-11-13')).toBe('Fri 13 November 2026');
    expect(assessmentYearOf('2026-08-31')).toEqual({ start: '2025-09-01', end: '2026-09-01' });
    expect(assessmentYearOf('2026-09-01')).toEqual({ start: '2026-09-01', end: '2027-09-01' });
  });

  it('names counties, boroughs and parishes correctly', () => {
    expect(countyLabel('Pershing', 'NV')).toBe('Pershing County');
    expect(countyLabel('Fairbanks North Star', 'AK')).toBe('Fairbanks North Star');
    expect(countyLabel('Caddo', 'LA')).toBe('Caddo Parish');
    expect(countyLabel('Park County', 'CO')).toBe('Park County');
  });
});

describe('obligations table', () => {
  it('cites every entry and gives it sources or a [VERIFY] mark', () => {
    for (const o of OBLIGATIONS) {
      expect(o.citation.length).toBeGreaterThan(3);
      expect(o.sources.length > 0 || o.citation.includes('[VERIFY')).toBe(true);
      // Statute references only, never an issue or research-section number.
      expect(`${o.citation} ${o.notes.join(' ')}`).not.toMatch(/issue|research|§\s*\d+\.\d+\s*\(research/i);
    }
  });
});

describe('obligations of a package', () => {
  it('Nevada, located 2026-08-15: corners in 60 days, county and BLM in 90, the fee by 1 September, the notice of intent by 1 November', () => {
    const { obligations, firstMaintenanceDue, bridgeWarning } = run();
    expect(byId(obligations, 'nv-corners')).toMatchObject({ date: '2026-10-14', citation: 'NRS 517.030' });
    expect(byId(obligations, 'nv-recording-lode')).toMatchObject({ date: '2026-11-13', office: 'County recorder, Pershing County, Nevada' });
    expect(byId(obligations, 'blm-recording')).toMatchObject({ date: '2026-11-13', office: 'BLM Nevada State Office, or online in MLRS' });
    expect(firstMaintenanceDue).toBe('2026-09-01');
    expect(byId(obligations, 'blm-first-maintenance').status).toBe('12 days left');
    expect(byId(obligations, 'nv-notice-of-intent')).toMatchObject({ date: '2026-11-01', citation: 'NRS 517.230' });
    expect(byId(obligations, 'blm-waiver-notice-of-intent')).toMatchObject({ date: '2026-12-30', onlyWithWaiver: true });
    expect(bridgeWarning).toMatch(/^Bridge claim/);
    // Sorted by date.
    const dates = obligations.map((o) => o.date ?? '9999');
    expect([...dates].sort()).toEqual(dates);
  });

  it('Nevada county fees are data: $15 a claim for the lode map (NRS 517.040(2)), $1 an acre for a placer (NRS 517.100)', () => {
    const lode = byId(run().obligations, 'nv-recording-lode');
    expect(lode.fees.find((f) => f.citation === 'NRS 517.040(2)')).toMatchObject({ cents: 6000, basis: '$15.00 per claim × 4 claims' });
    expect(lode.fees.find((f) => f.citation === 'NRS 517.185')?.cents).toBeNull();
    const placer = byId(run({ claims: [{ name: 'P 1', kind: 'placer', areaAcres: 20 }, { name: 'P 2', kind: 'placer', areaAcres: 40.0000001 }] }).obligations, 'nv-recording-placer');
    expect(placer.fees[0]).toMatchObject({ cents: 6000, citation: 'NRS 517.100' });
    expect(byId(run().obligations, 'nv-notice-of-intent').fees[0]).toMatchObject({ cents: 800, citation: 'NRS 247.310' });
  });

  it('BLM fees by the date of location: a 2023 claim owes $40 and $165, a 2026 claim $49, $200 and $25', () => {
    const old = byId(run({ dateOfLocation: '2023-05-10', preparedOn: '2023-05-12', claims: lodes(1) }).obligations, 'blm-recording');
    expect(old.fees.map((f) => f.cents)).toEqual([4000, 16500, null]);
    const now = byId(run({ claims: lodes(1) }).obligations, 'blm-recording');
    expect(now.fees.map((f) => f.cents)).toEqual([4900, 20000, 2500]);
    expect(byId(run({ claims: lodes(2) }).obligations, 'blm-waiver-notice-of-intent').fees[0]).toMatchObject({ cents: 3000, label: 'Annual filing fee' });
  });

  it('California: corners in 60 days (PRC 3901) and the affidavit 30 days after the fee is due (PRC 3913)', () => {
    const { obligations } = run({ stateCode: 'CA', place: 'Inyo County, California' });
    expect(byId(obligations, 'ca-corners').date).toBe('2026-10-14');
    expect(byId(obligations, 'ca-annual-affidavit')).toMatchObject({ date: '2026-10-01', citation: 'Cal. Pub. Res. Code § 3913' });
  });

  it('Arizona: monuments within 90 days (A.R.S. 27-203(A)(2)) and the annual affidavit before 31 December (A.R.S. 27-208, optional)', () => {
    const { obligations } = run({ stateCode: 'AZ' });
    expect(byId(obligations, 'az-corners')).toMatchObject({ date: '2026-11-13', citation: 'A.R.S. § 27-203(A)(2)' });
    expect(byId(obligations, 'az-annual-affidavit')).toMatchObject({ date: '2026-12-30', optional: true });
  });

  it('Montana and Oregon: corners within 30 days; Utah records within 30', () => {
    expect(byId(run({ stateCode: 'MT' }).obligations, 'mt-corners').date).toBe('2026-09-14');
    expect(byId(run({ stateCode: 'OR' }).obligations, 'or-corners').date).toBe('2026-09-14');
    expect(byId(run({ stateCode: 'UT' }).obligations, 'ut-recording').date).toBe('2026-09-14');
  });

  it('Colorado and Wyoming count from the date of discovery, and leave it to fill in when it is not known', () => {
    const co = byId(run({ stateCode: 'CO', dateOfDiscovery: '2026-07-31' }).obligations, 'co-recording-lode');
    expect(co).toMatchObject({ date: '2026-10-31', rule: 'Within 3 months of the date of discovery' });
    const wy = byId(run({ stateCode: 'WY', dateOfDiscovery: '2026-08-01' }).obligations, 'wy-recording-lode');
    expect(wy.date).toBe('2026-10-30');
    const unknown = byId(run({ stateCode: 'WY' }).obligations, 'wy-recording-lode');
    expect(unknown).toMatchObject({ date: null, status: null });
    expect(unknown.dateText).toMatch(/date of discovery \+ 90 days/);
  });

  it('Alaska: federal land records with the district in 90 days; State land in 45 days with the first DNR rental and no BLM filing', () => {
    const federal = run({ stateCode: 'AK', place: 'Fairbanks Recording District, Alaska' }).obligations;
    expect(byId(federal, 'ak-recording')).toMatchObject({ date: '2026-11-13', office: 'District recorder, Fairbanks Recording District, Alaska' });
    const state = run({ stateCode: 'AK', landStatus: 'state', claims: [{ name: 'S 1', kind: 'placer', areaAcres: 40 }, { name: 'S 2', kind: 'placer', areaAcres: 160 }] }).obligations;
    expect(state.map((o) => o.id).sort()).toEqual(['ak-state-first-rental', 'ak-state-recording']);
    expect(byId(state, 'ak-state-recording').date).toBe('2026-09-29');
    expect(byId(state, 'ak-state-first-rental').fees[0]!.cents).toBe(4000 + 16500);
  });

  it('an unknown state: at most 90 days, to be checked', () => {
    const { obligations } = run({ stateCode: null, place: '' });
    expect(byId(obligations, 'unknown-recording')).toMatchObject({ date: '2026-11-13', citation: 'State law not on file [VERIFY]' });
  });

  it('before the notice is posted nothing is dated', () => {
    const { obligations } = run({ dateOfLocation: null });
    expect(obligations.every((o) => o.date === null && o.status === null)).toBe(true);
    expect(byId(obligations, 'blm-recording').dateText).toMatch(/^Fill in after posting/);
  });

  it('says a weekend deadline falls on a closed office', () => {
    const blm = byId(run({ dateOfLocation: '2026-08-16' }).obligations, 'blm-recording'); // + 90 = Sat 14 Nov 2026
    expect(blm.notes.join(' ')).toContain('Falls on a Saturday');
  });

  it('small-miner waiver: no processing fee for the form, and refused over 10 claims', () => {
    expect(waiverNotes(4).join(' ')).toContain('The waiver form carries no processing fee');
    expect(waiverNotes(12).join(' ')).toContain('more than 10: the waiver is not available');
  });
});
