/**
 * deadlines.ics read back with a real iCalendar parser (ical.js), and the same dates read off the fees-and-deadlines
 * sheet PDF (pdftotext): the calendar and the sheet come from one table and must never disagree.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDeadlinesIcs } from '../../core/documents/deadlines-ics';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import { renderFeesSheet } from '../../core/documents/pdf/fees-sheet.pdf';
import { formatLongDate } from '../../shared/documents/calendar';
import { feeScheduleFor } from '../../shared/documents/fees/fee-schedule';
import type { PackageModel } from '../../shared/documents/package-model.types';
import { samplePackageModel } from '../helpers/package-fixtures';

const work = mkdtempSync(join(tmpdir(), 'deadlines-ics-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface ParsedEvent {
  summary: string;
  description: string;
  start: string;
  allDay: boolean;
  yearly: boolean;
  alarms: string[];
  categories: string[];
  /** The first three dates the event falls on (recurrences expanded by ical.js). */
  dates: string[];
}

async function parse(model: PackageModel): Promise<ParsedEvent[]> {
  const rendered = await renderDeadlinesIcs(model, { fonts: loadFontBytes(findResourcesDir()), feeSchedule: null });
  expect(rendered.document.kind).toBe('deadlines-ics');
  const text = new TextDecoder().decode(rendered.document.bytes);
  expect(text.split('\r\n')[0]).toBe('BEGIN:VCALENDAR');
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const iterator = event.iterator();
    const dates: string[] = [];
    for (let next = iterator.next(); next && dates.length < 3; next = iterator.next()) dates.push(next.toString());
    return {
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      yearly: event.isRecurring(),
      alarms: component.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
      categories: component.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
      dates: event.isRecurring() ? dates : [event.startDate.toString()],
    };
  });
}

const nv = (rows: number, cols: number): PackageModel => samplePackageModel({ state: 'NV', rows, cols, dateOfLocation: '2026-12-01', preparedOn: '2026-12-03' });
const find = (events: ParsedEvent[], text: string): ParsedEvent[] => events.filter((e) => e.summary.includes(text));

describe('deadlines.ics', () => {
  it('a Nevada package located 2026-12-01: BLM filing 2027-03-01, maintenance fee 2027-09-01 and yearly, notice of intent 2027-11-01', async () => {
    const events = await parse(nv(2, 2));
    expect(events.every((e) => e.allDay)).toBe(true);
    const blm = find(events, 'File the recorded notice with BLM');
    expect(blm.map((e) => e.start)).toEqual(['2027-03-01']);
    expect(blm[0]!.description).toContain('LUCKY STRIKE 1, LUCKY STRIKE 2, LUCKY STRIKE 3, LUCKY STRIKE 4');
    expect(blm[0]!.description).toContain('43 CFR 3833.11');
    expect(blm[0]!.categories).toEqual(['blm-filing']);
    // 09:00 on the day 30 and 7 days before.
    expect(blm[0]!.alarms.sort()).toEqual(['-P29DT15H', '-P6DT15H']);
    // The first 1 September, then every later one (an RRULE, expanded by the parser).
    expect(find(events, 'Pay the first annual maintenance fee').map((e) => e.start)).toEqual(['2027-09-01']);
    const later = find(events, 'Pay the annual maintenance fee, or file a small-miner waiver');
    expect(later).toHaveLength(1);
    expect(later[0]!.yearly).toBe(true);
    expect(later[0]!.dates).toEqual(['2028-09-01', '2029-09-01', '2030-09-01']);
    const noi = find(events, 'Record the notice of intent to hold (or proof of labor) with the county');
    expect(noi.map((e) => e.dates[0])).toEqual(['2027-11-01', '2028-11-01']);
    expect(noi[0]!.description).toContain('NRS 517.230');
    // Recording with the county (NRS 517.050) and the corners (NRS 517.030) too.
    expect(find(events, 'Record duplicate certificates').map((e) => e.start)).toEqual(['2027-03-01']);
    expect(find(events, 'Set the corner monuments').map((e) => e.start)).toEqual(['2027-01-30']);
  });

  it('a waiver-eligible order (10 claims or fewer) has the 30 December filing; a larger one has none', async () => {
    const small = await parse(nv(2, 5));
    const first = find(small, 'With a waiver: file the notice of intent to hold');
    expect(first.map((e) => e.start)).toEqual(['2027-12-30']);
    expect(first[0]!.description).toContain('only with a small-miner waiver, Form 3830-2');
    expect(find(small, 'With a waiver: file the affidavit of assessment work')[0]!.dates).toEqual(['2028-12-30', '2029-12-30', '2030-12-30']);
    const large = await parse(nv(3, 4));
    expect(large.filter((e) => e.summary.includes('With a waiver'))).toEqual([]);
  });

  it('the fees-and-deadlines sheet prints the same first dates', async () => {
    const model = nv(2, 2);
    const events = await parse(model);
    const sheet = await renderFeesSheet(model, { fonts: loadFontBytes(findResourcesDir()), feeSchedule: feeScheduleFor('2026-12-01') });
    const file = join(work, 'nv.pdf');
    writeFileSync(file, sheet.document.bytes);
    const flat = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const firsts = events.filter((e) => !e.yearly).map((e) => e.start);
    expect(firsts).toEqual(expect.arrayContaining(['2027-03-01', '2027-09-01', '2027-11-01', '2027-12-30']));
    for (const date of new Set(firsts)) {
      // Cells wrap: the year may print a line below the day and month.
      const [weekday, day, month] = formatLongDate(date).split(' ');
      expect(flat, date).toContain(`${weekday} ${day} ${month}`);
    }
  });

  it('the same package gives the same bytes (a stable DTSTAMP from the preparation date)', async () => {
    const a = await renderDeadlinesIcs(nv(1, 2), { fonts: loadFontBytes(findResourcesDir()), feeSchedule: null });
    const b = await renderDeadlinesIcs(nv(1, 2), { fonts: loadFontBytes(findResourcesDir()), feeSchedule: null });
    expect(Buffer.from(a.document.bytes).equals(Buffer.from(b.document.bytes))).toBe(true);
  });
});
