import { describe, expect, it } from 'vitest';
import data from '../../shared/documents/fees/fee-schedules.json';
import { FEE_SCHEDULES, feeScheduleFor, feeSchedulesSchema, staleScheduleWarning, type FeeSchedule } from '../../shared/documents/fees/fee-schedule';
import { computeFees, formatUsd, maintenanceUnits, toCents } from '../../shared/documents/fees/fees';

const current = feeScheduleFor('2026-08-15')!;
const lode = (name: string) => ({ name, kind: 'lode' as const, areaAcres: 20.66 });
const placer = (name: string, areaAcres: number) => ({ name, kind: 'placer' as const, areaAcres });

describe('fee schedules (data)', () => {
  it('parses the JSON with the schema and keeps the current schedule', () => {
    const parsed = feeSchedulesSchema.parse(data);
    expect(parsed.schedules.length).toBeGreaterThan(0);
    expect(FEE_SCHEDULES.map((s) => s.version)).toContain('blm-2024-10');
    for (const s of parsed.schedules) expect(s.sources.every((u) => u.startsWith('http'))).toBe(true);
  });

  it('picks the schedule in effect on a date from an injected list, and none before the first', () => {
    const older: FeeSchedule = { ...current, version: 'old', effectiveFrom: '2023-01-01', locationFee: 40, initialMaintenanceFee: 165 };
    const newer: FeeSchedule = { ...current, version: 'new', effectiveFrom: '2025-10-01', processingFee: 26 };
    const list = [older, newer];
    expect(feeScheduleFor('2024-06-30', list)?.version).toBe('old');
    expect(feeScheduleFor('2025-09-30', list)?.version).toBe('old');
    expect(feeScheduleFor('2025-10-01', list)?.version).toBe('new');
    expect(feeScheduleFor('2027-01-01', list)?.version).toBe('new');
    // Before the first one on file: none, never a later schedule's amounts.
    expect(feeScheduleFor('2020-01-01', list)).toBeNull();
  });

  it('carries history: a claim located in 2023 pays $40 location and $165 maintenance; from 1 July 2024 $49 and $200 (89 FR 54364)', () => {
    const in2023 = feeScheduleFor('2023-05-10')!;
    expect([in2023.version, in2023.locationFee, in2023.initialMaintenanceFee, in2023.annualMaintenanceFee]).toEqual(['blm-2019-09', 40, 165, 165]);
    expect(in2023.processingFee).toBeNull(); // not on file: the sheet says so rather than guess
    expect(computeFees([lode('OLD 1')], in2023).claims[0]).toMatchObject({ location: 4000, initialMaintenance: 16500, processing: null, total: 20500 });
    expect(feeScheduleFor('2024-06-30')!.locationFee).toBe(40);
    expect([feeScheduleFor('2024-07-01')!.locationFee, feeScheduleFor('2024-07-01')!.initialMaintenanceFee]).toEqual([49, 200]);
    expect(feeScheduleFor('2019-08-31')).toBeNull();
  });

  it('warns when the newest schedule is more than a year older than the preparation date', () => {
    const newest = FEE_SCHEDULES[FEE_SCHEDULES.length - 1]!;
    const withinYear = new Date(`${newest.effectiveFrom}T12:00:00Z`);
    withinYear.setUTCDate(withinYear.getUTCDate() + 300);
    expect(staleScheduleWarning(withinYear.toISOString().slice(0, 10))).toBeNull();
    expect(staleScheduleWarning('2026-11-22')).toMatch(/newest BLM fee schedule on file \(blm-2024-10\) took effect on 2024-10-01, 782 days before/);
  });

  it('has no "waiver processing fee": Form 3830-2 is free; $15 per claim is the annual filing fee', () => {
    expect(current.annualFilingFee).toBe(15);
    expect(JSON.stringify(data)).not.toMatch(/waiverProcessing/);
  });
});

describe('computeFees', () => {
  it('charges a lode claim one unit: $49 + $200 + $25 = $274 with the current schedule', () => {
    const result = computeFees([lode('LS 1')], current);
    const row = result.claims[0]!;
    expect(row).toMatchObject({ units: 1, location: 4900, initialMaintenance: 20000, processing: 2500, total: 27400, problem: null });
    expect(formatUsd(row.total!)).toBe('$274.00');
  });

  it('charges placers per 20 acres or part of 20 acres, forgiving float noise', () => {
    expect(maintenanceUnits('placer', 20, 20)).toBe(1);
    expect(maintenanceUnits('placer', 20.5, 20)).toBe(2);
    expect(maintenanceUnits('placer', 160, 20)).toBe(8); // an 8-locator association placer
    expect(maintenanceUnits('placer', 19.9999999, 20)).toBe(1);
    expect(maintenanceUnits('placer', 20.0000001, 20)).toBe(1); // float noise from the ground area, not "part of 20 acres"
    expect(maintenanceUnits('placer', 20.01, 20)).toBe(2);
    expect(maintenanceUnits('placer', 5, 20)).toBe(1);
    expect(maintenanceUnits('lode', 20.66, 20)).toBe(1);
    expect(maintenanceUnits('lode', Number.NaN, 20)).toBe(1);
  });

  it('sums totals in integer cents', () => {
    const claims = [lode('A 1'), lode('A 2'), lode('A 3'), lode('A 4'), placer('P 1', 160), placer('P 2', 20.5)];
    const { totals, annualMaintenancePerYear, annualFilingPerClaim } = computeFees(claims, current);
    expect(totals).toMatchObject({ claims: 6, units: 4 + 8 + 2, location: 6 * 4900, processing: 6 * 2500, incompleteClaims: 0 });
    expect(totals.initialMaintenance).toBe(14 * 20000);
    expect(totals.total).toBe(6 * 4900 + 14 * 20000 + 6 * 2500);
    expect(Number.isInteger(totals.total)).toBe(true);
    expect(annualMaintenancePerYear).toBe(14 * 20000);
    expect(annualFilingPerClaim).toBe(1500);
    expect(formatUsd(computeFees([lode('1'), lode('2'), lode('3'), lode('4')], current).totals.total)).toBe('$1,096.00');
  });

  it('stays exact with fractional dollar amounts over many claims', () => {
    const odd: FeeSchedule = { ...current, locationFee: 0.1, processingFee: 0.2, initialMaintenanceFee: 0.7 };
    const { totals } = computeFees(Array.from({ length: 1000 }, (_, k) => lode(`L ${k}`)), odd);
    expect(totals.total).toBe(100_000);
    expect(formatUsd(totals.total)).toBe('$1,000.00');
  });

  it('lists a claim with bad data with a problem instead of failing', () => {
    const result = computeFees([placer('BAD', Number.NaN), lode('GOOD'), { name: 'LODE NAN', kind: 'lode', areaAcres: Number.NaN }], current);
    const [bad, good, lodeNan] = result.claims;
    expect(bad).toMatchObject({ areaAcres: null, units: null, initialMaintenance: null, total: null, location: 4900, processing: 2500 });
    expect(bad!.problem).toMatch(/not a usable number/);
    expect(good!.problem).toBeNull();
    expect(lodeNan).toMatchObject({ areaAcres: null, units: 1, total: 27400 });
    expect(lodeNan!.problem).toMatch(/lode fees are per claim/);
    expect(result.totals).toMatchObject({ incompleteClaims: 1, units: 2, initialMaintenance: 40000, total: 3 * 4900 + 40000 + 3 * 2500 });
  });
});

describe('formatUsd / toCents', () => {
  it('formats cents as US dollars', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(5)).toBe('$0.05');
    expect(formatUsd(27400)).toBe('$274.00');
    expect(formatUsd(5_480_000)).toBe('$54,800.00');
    expect(formatUsd(123_456_789)).toBe('$1,234,567.89');
    expect(formatUsd(-500)).toBe('−$5.00');
  });

  it('rounds schedule dollars to whole cents', () => {
    expect(toCents(49)).toBe(4900);
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(toCents(19.99)).toBe(1999); // 19.99 * 100 is 1998.9999999999998
  });
});
