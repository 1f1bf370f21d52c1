import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  assessmentYearOf,
  computeDeadlines,
  countyLabel,
  formatLongDate,
  parseCalendarDate,
} from '../../shared/documents/deadlines';

const base = { preparedOn: '2026-08-20', claimCount: 4 };

describe('calendar dates', () => {
  it('reads and writes ISO calendar dates without time-zone drift', () => {
    expect(addCalendarDays('2026-08-15', 0)).toBe('2026-08-15');
    expect(addCalendarDays('2026-03-01', 1)).toBe('2026-03-02'); // across the US DST change week
    expect(addCalendarDays('2026-11-01', 1)).toBe('2026-11-02');
    expect(parseCalendarDate('2026-02-30')).toBeNull();
    expect(parseCalendarDate('15/08/2026')).toBeNull();
    expect(formatLongDate('2026-11-13')).toBe('Fri 13 November 2026');
  });

  it('does leap-year arithmetic', () => {
    expect(addCalendarDays('2028-02-01', 90)).toBe('2028-05-01'); // 29 days in February 2028
    expect(addCalendarDays('2027-02-01', 90)).toBe('2027-05-02');
    const d = computeDeadlines({ ...base, dateOfLocation: '2028-02-01', stateCode: 'NV', preparedOn: '2028-02-02' });
    expect(d.blm.date).toBe('2028-05-01');
    expect(d.county.date).toBe('2028-05-01');
  });

  it('puts 1 September in the new assessment year', () => {
    expect(assessmentYearOf('2026-08-31')).toEqual({ start: '2025-09-01', end: '2026-09-01' });
    expect(assessmentYearOf('2026-09-01')).toEqual({ start: '2026-09-01', end: '2027-09-01' });
    expect(assessmentYearOf('2026-12-31')).toEqual({ start: '2026-09-01', end: '2027-09-01' });
  });
});

describe('computeDeadlines', () => {
  it('Nevada, located 2026-08-15: county and BLM both within 90 days', () => {
    const d = computeDeadlines({ ...base, dateOfLocation: '2026-08-15', stateCode: 'NV', county: 'Pershing' });
    expect(d.county).toMatchObject({ date: '2026-11-13', days: 90, daysRemaining: 85, status: '85 days left' });
    expect(d.county.office).toBe('County recorder, Pershing County, Nevada');
    expect(d.county.notes.join(' ')).toContain('NRS 517.050');
    expect(d.blm).toMatchObject({ date: '2026-11-13', days: 90 });
    expect(d.blm.office).toContain('BLM Nevada State Office');
    expect(d.blm.dateText).toBe('Fri 13 November 2026');
    // In the assessment year ending 1 Sep 2026: the initial fee covers it, the next one is due that day.
    expect(d.assessmentYear).toEqual({ start: '2025-09-01', end: '2026-09-01' });
    expect(d.firstMaintenance.date).toBe('2026-09-01');
    expect(d.maintenanceRule).toContain('1 September');
    expect(d.fillInNote).toBeNull();
    expect(d.alaskaNote).toBeNull();
  });

  it('Utah 30 days, Montana 60 days', () => {
    const ut = computeDeadlines({ ...base, dateOfLocation: '2026-05-01', stateCode: 'UT' });
    expect(ut.county).toMatchObject({ days: 30, date: '2026-05-31' });
    expect(ut.county.notes.join(' ')).toContain('UCA 40-1-4');
    expect(ut.blm.date).toBe('2026-07-30');
    expect(ut.blm.office).toContain('Utah');
    const mt = computeDeadlines({ ...base, dateOfLocation: '2026-05-01', stateCode: 'mt' });
    expect(mt.county).toMatchObject({ days: 60, date: '2026-06-30' });
    expect(mt.county.notes.join(' ')).toContain('MCA 82-2-102');
    expect(mt.blm.office).toContain('Montana/Dakotas');
  });

  it('an unknown state rule gives text, not a date', () => {
    for (const stateCode of ['SD', 'TX', null]) {
      const d = computeDeadlines({ ...base, dateOfLocation: '2026-05-01', stateCode });
      expect(d.county.date).toBeNull();
      expect(d.county.days).toBeNull();
      expect(d.county.rule).toMatch(/at most 90 days/);
      expect(d.county.dateText).toMatch(/^Unknown: at most 90 days/);
      expect(d.blm.date).toBe('2026-07-30');
    }
    expect(computeDeadlines({ ...base, dateOfLocation: '2026-05-01', stateCode: null }).blm.office).toMatch(/jurisdiction/);
  });

  it('warns about a bridge claim when the BLM filing window crosses 1 September', () => {
    const d = computeDeadlines({ ...base, dateOfLocation: '2026-07-20', stateCode: 'NV' });
    expect(d.blm.date).toBe('2026-10-18');
    expect(d.firstMaintenance.date).toBe('2026-09-01');
    expect(d.bridgeClaim).toBe(true);
    expect(d.bridgeWarning).toMatch(/Bridge claim/);
    expect(d.bridgeWarning).toContain('Tue 1 September 2026');
    expect(d.bridgeWarning).toMatch(/waiver/);
  });

  it('no bridge warning when filing must happen before 1 September', () => {
    const d = computeDeadlines({ ...base, dateOfLocation: '2026-05-01', stateCode: 'NV' });
    expect(d.bridgeClaim).toBe(false);
    expect(d.bridgeWarning).toBeNull();
    // 90 days ending exactly on 1 September: filing on the last day is "on or after 1 September".
    expect(computeDeadlines({ ...base, dateOfLocation: '2026-06-03', stateCode: 'NV' }).bridgeClaim).toBe(true);
    // Located on 1 September: a new assessment year, covered by the initial fee.
    const sep1 = computeDeadlines({ ...base, dateOfLocation: '2026-09-01', stateCode: 'NV' });
    expect(sep1.bridgeClaim).toBe(false);
    expect(sep1.firstMaintenance.date).toBe('2027-09-01');
  });

  it('no date of location: no dates, a fill-in text instead', () => {
    const d = computeDeadlines({ ...base, dateOfLocation: null, stateCode: 'UT' });
    for (const x of [d.county, d.blm, d.firstMaintenance]) {
      expect(x.date).toBeNull();
      expect(x.daysRemaining).toBeNull();
    }
    expect(d.assessmentYear).toBeNull();
    expect(d.bridgeClaim).toBe(false);
    expect(d.fillInNote).toBe('Date of location not set. Fill in after posting: county within 30 days, BLM within 90 days of the date of location.');
    expect(d.county.dateText).toBe('Fill in after posting: date of location + 30 days');
    expect(d.blm.dateText).toBe('Fill in after posting: date of location + 90 days');
    expect(computeDeadlines({ ...base, dateOfLocation: null, stateCode: null }).fillInNote).toContain('90 days at most');
  });

  it('counts days from the preparation date, and says when a deadline has passed', () => {
    const d = computeDeadlines({ dateOfLocation: '2026-08-15', stateCode: 'NV', preparedOn: '2026-11-22' });
    expect(d.blm).toMatchObject({ daysRemaining: -9, status: 'PASSED 9 days ago' });
    expect(computeDeadlines({ dateOfLocation: '2026-08-15', stateCode: 'NV', preparedOn: '2026-11-13' }).blm.status).toBe('due today');
  });

  it('cautions when a deadline falls on a weekend', () => {
    const d = computeDeadlines({ ...base, dateOfLocation: '2026-08-16', stateCode: 'NV' }); // + 90 = Sat 14 Nov 2026
    expect(d.blm.notes.join(' ')).toMatch(/Saturday/);
  });

  it('small-miner waiver notes depend on the claim count', () => {
    const few = computeDeadlines({ ...base, dateOfLocation: '2026-08-15', stateCode: 'NV', claimCount: 4 });
    const text = few.waiverNotes.join(' ');
    expect(text).toContain('3830-2');
    expect(text).toContain('10 or fewer');
    expect(text).toMatch(/cannot replace the INITIAL/);
    expect(text).toContain('30 December');
    expect(text).toContain('Notice of Intent to Hold');
    const many = computeDeadlines({ ...base, dateOfLocation: '2026-08-15', stateCode: 'NV', claimCount: 12 });
    expect(many.waiverNotes.join(' ')).toMatch(/12 claims, more than 10: the waiver is not available/);
  });

  it('Alaska: a note that state-land claims follow DNR rules', () => {
    const d = computeDeadlines({ ...base, dateOfLocation: '2026-08-15', stateCode: 'AK' });
    expect(d.alaskaNote).toMatch(/FEDERAL land/);
    expect(d.alaskaNote).toContain('45 days');
    expect(d.alaskaNote).toContain('Tue 29 September 2026');
    expect(d.alaskaNote).toMatch(/rental/);
    expect(d.county.office).toBe('District recorder, Alaska');
    expect(d.blm.office).toContain('Fairbanks');
  });

  it('names counties, boroughs and parishes correctly', () => {
    expect(countyLabel('Pershing', 'NV')).toBe('Pershing County');
    expect(countyLabel('Fairbanks North Star', 'AK')).toBe('Fairbanks North Star');
    expect(countyLabel('Caddo', 'LA')).toBe('Caddo Parish');
    expect(countyLabel('Park County', 'CO')).toBe('Park County');
    expect(countyLabel('', 'NV')).toBe('');
    expect(computeDeadlines({ ...base, dateOfLocation: null, stateCode: null, county: 'Somewhere' }).county.office).toBe('County recorder, Somewhere County');
  });
});
