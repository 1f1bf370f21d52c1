/**
 * The FEES AND DEADLINES sheet (letter): what the claimant must pay BLM at filing, claim by claim and in total,
 * and when each filing is due. Deadlines come first because missing one voids the claims, whatever was paid;
 * the per-claim table follows and flows over as many pages as the order needs (header repeated).
 * Amounts and sentences come from the pure fees.ts / deadlines.ts, so what is printed is what is tested.
 */
import { rgb, type PDFPage } from 'pdf-lib';
import { computeDeadlines, countyLabel, formatLongDate, formatShortDate, type Deadline } from '../../../shared/documents/deadlines';
import { computeFees, formatUsd, toCents, type ClaimFees } from '../../../shared/documents/fees/fees';
import type { FeeSchedule } from '../../../shared/documents/fees/fee-schedule';
import type { PackageProblem } from '../../../shared/documents/package-files';
import type { PackageModel } from '../../../shared/documents/package-model.types';
import type { DocumentRenderer } from '../document.types';
import { drawTable, type TableColumn, type TableRow } from './pdf-table';
import { GREY, INCH, PAGE_SIZES, TextCursor, createPdf, savePdf, wrapText } from './pdf-kit';

const MARGIN = 0.7 * INCH;
const DASH = '—';
const ALERT = rgb(0.72, 0.08, 0.08);
const CAUTION = rgb(0.8, 0.45, 0);
const CALLOUT_FILL = rgb(1, 0.965, 0.9);
const ACRES = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const FEE_COLUMNS: TableColumn[] = [
  { header: 'Claim', width: 2.1 },
  { header: 'Type', width: 0.8 },
  { header: 'Acres', width: 0.9, align: 'right', wrap: false },
  { header: 'Units', width: 0.6, align: 'right', wrap: false },
  { header: 'Location', width: 1.05, align: 'right', wrap: false },
  { header: 'Initial maint.', width: 1.4, align: 'right', wrap: false },
  { header: 'Processing', width: 1.1, align: 'right', wrap: false },
  { header: 'Total', width: 1.15, align: 'right', wrap: false },
];

function heading(cursor: TextCursor, text: string, keepWith = 72): void {
  // Keep a heading with at least the start of its section rather than alone at the foot of a page.
  cursor.ensure(keepWith);
  cursor.gap(8);
  cursor.paragraph(text, { size: 12, bold: true, after: 2 });
}

function kindLabel(kind: string): string {
  return kind === 'placer' ? 'Placer' : 'Lode';
}

function claimsSummary(model: PackageModel): string {
  const lode = model.claims.filter((c) => c.kind === 'lode').length;
  const placer = model.claims.length - lode;
  const parts = [lode > 0 ? `${lode} lode` : '', placer > 0 ? `${placer} placer` : ''].filter((p) => p !== '');
  const noun = model.claims.length === 1 ? 'claim' : 'claims';
  return parts.length === 0 ? 'No claims' : `${parts.join(', ')} ${noun}`;
}

function feeRow(row: ClaimFees): TableRow {
  const money = (cents: number | null): string => (cents === null ? DASH : formatUsd(cents));
  return {
    cells: [
      row.name,
      kindLabel(row.kind),
      row.areaAcres === null ? DASH : ACRES.format(row.areaAcres),
      row.units === null ? DASH : String(row.units),
      money(row.location),
      money(row.initialMaintenance),
      money(row.processing),
      money(row.total),
    ],
  };
}

function deadlineRow(d: Deadline): TableRow {
  const remaining = d.daysRemaining;
  const statusColor = remaining === null ? null : remaining < 0 ? ALERT : remaining <= 14 ? CAUTION : null;
  return {
    cells: [d.label, d.office, [`${d.rule}.`, ...d.notes].join(' '), d.dateText, d.status ?? ''],
    cellColors: [null, null, null, null, statusColor],
  };
}

/** A bulleted paragraph with its wrapped lines hanging under the text, not under the bullet. */
function bullet(cursor: TextCursor, text: string, size: number): void {
  const leading = size * 1.3;
  cursor.ensure(leading);
  const page = cursor.page;
  const baseline = cursor.y - leading + size * 0.25;
  cursor.paragraph(text, { size, indent: 18, after: 1 });
  page.drawText('•', { x: cursor.margin + 8, y: baseline, size, font: cursor.fonts.regular });
}

/** A shaded block with a coloured bar: warnings that must not be skimmed past (bridge claims, Alaska). */
function callout(cursor: TextCursor, text: string): void {
  const size = 9;
  const leading = size * 1.3;
  const indent = 10;
  const lines = wrapText(text, cursor.fonts.regular, size, cursor.width - indent).length;
  const height = lines * leading + 8;
  cursor.ensure(height + 4);
  const top = cursor.y;
  cursor.page.drawRectangle({ x: cursor.margin, y: top - height, width: cursor.width, height, color: CALLOUT_FILL });
  cursor.page.drawRectangle({ x: cursor.margin, y: top - height, width: 3, height, color: CAUTION });
  cursor.gap(4);
  cursor.paragraph(text, { size, indent });
  cursor.y = top - height - 6;
}

function scheduleSection(cursor: TextCursor, schedule: FeeSchedule, basis: { date: string; label: string }): void {
  heading(cursor, 'Fee schedule');
  cursor.field('Version', `${schedule.version}, effective ${formatLongDate(schedule.effectiveFrom)}`, { size: 9 });
  if (basis.date < schedule.effectiveFrom) {
    cursor.paragraph(
      `The ${basis.label} (${formatLongDate(basis.date)}) is before this schedule took effect and no earlier one is on file: confirm the amounts that applied then.`,
      { size: 9, bold: true },
    );
  }
  for (const note of schedule.notes) bullet(cursor, note, 8.5);
  cursor.paragraph('Sources:', { size: 8.5, bold: true });
  for (const source of schedule.sources) cursor.paragraph(source, { size: 8, indent: 18, color: GREY });
}

export const renderFeesSheet: DocumentRenderer = async (model, context) => {
  const schedule = context.feeSchedule;
  const fees = computeFees(
    model.claims.map((c) => ({ name: c.name, kind: c.kind, areaAcres: c.areaAcres })),
    schedule,
  );
  const deadlines = computeDeadlines({
    dateOfLocation: model.dateOfLocation,
    stateCode: model.stateCode,
    preparedOn: model.preparedOn,
    county: model.county,
    claimCount: model.claims.length,
  });
  const problems: PackageProblem[] = fees.claims
    .filter((row) => row.problem !== null)
    .map((row) => ({ document: 'fees-sheet', claim: row.name, message: row.problem! }));

  const orderNumber = model.order.orderNumber;
  const { doc, fonts } = await createPdf(context.fonts, {
    title: `Fees and deadlines — ${orderNumber}`,
    subject: `BLM fees and filing deadlines for order ${orderNumber} (${model.claimant.name || model.order.companyName})`,
    preparedOn: model.preparedOn,
    producer: `${model.generator.name} ${model.generator.version}`,
  });
  const runningHeader = (page: PDFPage, cursor: TextCursor): void => {
    if (doc.getPageCount() === 1) return;
    const text = `Fees and deadlines · ${orderNumber} · ${model.claimant.name || model.order.companyName}`;
    page.drawText(text, { x: MARGIN, y: page.getHeight() - MARGIN + 4, size: 8, font: fonts.regular, color: GREY });
    cursor.y -= 14;
  };
  const cursor = new TextCursor(doc, fonts, PAGE_SIZES.letter, MARGIN, runningHeader);

  cursor.paragraph('Fees and deadlines', { size: 20, bold: true, after: 2 });
  cursor.paragraph(`BLM fees and filing deadlines for the staking package · prepared ${formatLongDate(model.preparedOn)}`, {
    size: 9.5,
    color: GREY,
    after: 4,
  });
  cursor.rule();
  cursor.gap(2);
  const place = [model.stateName, countyLabel(model.county, model.stateCode)].filter((p) => p !== '').join(' · ');
  cursor.field('Order', [orderNumber, model.order.projectName].filter((p) => p !== '').join(' · '), { after: 1 });
  cursor.field('Claimant', model.claimant.name || model.order.companyName, { after: 1 });
  cursor.field('State / county', place, { after: 1 });
  cursor.field('Date of location', model.dateOfLocation ? formatLongDate(model.dateOfLocation) : '', { after: 1 });
  cursor.field('Claims', claimsSummary(model), { after: 2 });

  heading(cursor, 'Deadlines');
  if (deadlines.fillInNote) cursor.paragraph(deadlines.fillInNote, { size: 9.5, bold: true, after: 3 });
  drawTable(
    cursor,
    [
      { header: 'Filing', width: 1.15 },
      { header: 'Where', width: 1.45 },
      { header: 'Rule', width: 2.3 },
      { header: 'Due by', width: 1.75 },
      { header: `Status on ${formatShortDate(model.preparedOn)}`, width: 1.55 },
    ],
    [deadlines.county, deadlines.blm, deadlines.firstMaintenance].map(deadlineRow),
    { size: 8.5 },
  );
  cursor.gap(6);
  cursor.paragraph('The 1 September rule', { size: 10, bold: true, after: 1 });
  cursor.paragraph(deadlines.maintenanceRule, { size: 9, after: 3 });
  if (deadlines.bridgeWarning) callout(cursor, deadlines.bridgeWarning);
  if (deadlines.alaskaNote) callout(cursor, deadlines.alaskaNote);

  // The totals, rates and the table's first rows belong together: a split there reads as a missing table.
  heading(cursor, 'Fees due at BLM filing (federal land)', 160);
  const t = fees.totals;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  cursor.field('Total due at BLM filing', `${formatUsd(t.total)} (${plural(t.claims, 'claim')}, ${plural(t.units, 'maintenance-fee unit')})`, { after: 1 });
  cursor.field('Annual maintenance', `about ${formatUsd(fees.annualMaintenancePerYear)} per year, due by each 1 September (or a waiver)`, { after: 2 });
  cursor.paragraph(
    `Rates: location ${formatUsd(toCents(schedule.locationFee))} per claim; initial maintenance ${formatUsd(toCents(schedule.initialMaintenanceFee))} ` +
      `per lode claim and per ${schedule.placerAcresPerUnit} acres or part of ${schedule.placerAcresPerUnit} acres of a placer (units); processing ` +
      `${formatUsd(toCents(schedule.processingFee))} per claim. Estimates: confirm every amount with BLM before paying.`,
    { size: 8.5, color: GREY, after: 4 },
  );
  const totalAcres = fees.claims.reduce((sum, row) => sum + (row.areaAcres ?? 0), 0);
  drawTable(
    cursor,
    FEE_COLUMNS,
    [
      ...fees.claims.map(feeRow),
      {
        cells: [`Total (${t.claims} claim${t.claims === 1 ? '' : 's'})`, '', ACRES.format(totalAcres), String(t.units), formatUsd(t.location), formatUsd(t.initialMaintenance), formatUsd(t.processing), formatUsd(t.total)],
        bold: true,
        ruleAbove: true,
      },
    ],
    { size: 8.5, zebra: true, continuedCaption: `Fees per claim, ${orderNumber} (continued)` },
  );
  if (t.incompleteClaims > 0) {
    cursor.gap(3);
    cursor.paragraph(
      `The totals leave out the initial maintenance fee of ${t.incompleteClaims} placer claim${t.incompleteClaims === 1 ? '' : 's'} whose area is unknown (marked ${DASH}): fix the claim and generate again.`,
      { size: 9, bold: true },
    );
  }

  heading(cursor, 'Small-miner waiver');
  for (const note of deadlines.waiverNotes) bullet(cursor, note, 9);
  // Only where the waiver can apply: a per-claim waiver fee for 200 claims would read as an option.
  if (schedule.waiverProcessingFee !== null && fees.waiverProcessingPerYear !== null && model.claims.length <= 10) {
    const each = formatUsd(toCents(schedule.waiverProcessingFee));
    bullet(cursor, `Waiver processing fee: ${each} per claim (${formatUsd(fees.waiverProcessingPerYear)} for these claims) per the schedule below.`, 9);
  }

  scheduleSection(
    cursor,
    schedule,
    model.dateOfLocation ? { date: model.dateOfLocation, label: 'date of location' } : { date: model.preparedOn, label: 'preparation date' },
  );

  cursor.ensure(60);
  cursor.gap(8);
  cursor.rule();
  cursor.paragraph(
    'Amounts are estimates from the fee schedule above: BLM adjusts its fees (the processing fee every 1 October), so confirm ' +
      'every amount with BLM (MLRS or the state office) before paying. Deadlines are counted from the date of location as ' +
      'entered; check them against the state statute and with the recording office. This sheet is not legal advice.',
    { size: 8.5, bold: true },
  );

  const pages = doc.getPages();
  pages.forEach((page, k) => {
    const text = `${orderNumber} · page ${k + 1} of ${pages.length} · prepared ${model.preparedOn} by ${model.generator.name}`;
    const width = fonts.regular.widthOfTextAtSize(text, 7.5);
    page.drawText(text, { x: (page.getWidth() - width) / 2, y: MARGIN / 2, size: 7.5, font: fonts.regular, color: GREY });
  });

  const bytes = await savePdf(doc);
  return { document: { kind: 'fees-sheet', bytes, pages: pages.length }, problems };
};
