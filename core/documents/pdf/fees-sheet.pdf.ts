/**
 * The FEES AND DEADLINES sheet (letter): every filing, payment and field deadline of the package in date order,
 * then the BLM fees claim by claim, the county and state fees, the small-miner waiver and the fee schedule used.
 * Deadlines come first because missing one voids the claims, whatever was paid. Everything printed comes from
 * the obligations table (shared/documents/obligations) and fees.ts, so what is printed is what is tested and
 * what any other deadline list prints.
 */
import { rgb, type PDFPage } from 'pdf-lib';
import { formatLongDate, formatShortDate } from '../../../shared/documents/calendar';
import { staleScheduleWarning, type FeeSchedule } from '../../../shared/documents/fees/fee-schedule';
import { computeFees, formatUsd, toCents, type ClaimFees } from '../../../shared/documents/fees/fees';
import { packageObligations, waiverNotes, type DueObligation } from '../../../shared/documents/obligations/obligations';
import type { PackageProblem } from '../../../shared/documents/package-files';
import type { PackageModel } from '../../../shared/documents/package-model.types';
import { localUnit } from '../../../shared/documents/place-text';
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
      row.kind === 'placer' ? 'Placer' : 'Lode',
      row.areaAcres === null ? DASH : ACRES.format(row.areaAcres),
      row.units === null ? DASH : String(row.units),
      money(row.location),
      money(row.initialMaintenance),
      money(row.processing),
      money(row.total),
    ],
  };
}

function deadlineRow(d: DueObligation): TableRow {
  const remaining = d.daysRemaining;
  const statusColor = remaining === null ? null : remaining < 0 ? ALERT : remaining <= 14 ? CAUTION : null;
  const label = `${d.label}${d.onlyWithWaiver ? ' (only with a small-miner waiver)' : ''}${d.optional ? ' (recommended, not required)' : ''}`;
  return {
    cells: [label, d.office, [`${d.rule} (${d.citation}).`, ...d.notes].join(' '), d.dateText, d.status ?? ''],
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

/** A shaded block with a coloured bar: warnings that must not be skimmed past (bridge claims, stale fees). */
function callout(cursor: TextCursor, text: string): void {
  const size = 9.5;
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

function blmFees(cursor: TextCursor, model: PackageModel, schedule: FeeSchedule, problems: PackageProblem[]): void {
  const fees = computeFees(model.claims.map((c) => ({ name: c.name, kind: c.kind, areaAcres: c.areaAcres })), schedule);
  problems.push(...fees.claims.filter((row) => row.problem !== null).map((row) => ({ document: 'fees-sheet' as const, claim: row.name, message: row.problem! })));
  // The totals, rates and the table's first rows belong together: a split there reads as a missing table.
  heading(cursor, 'Fees due at BLM filing', 160);
  const t = fees.totals;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  cursor.field('Total due at BLM filing', `${formatUsd(t.total)} (${plural(t.claims, 'claim')}, ${plural(t.units, 'maintenance-fee unit')})${t.processingKnown ? '' : ' plus the processing fee'}`, { after: 1 });
  cursor.field('Annual maintenance', `about ${formatUsd(fees.annualMaintenancePerYear)} per year, due by each 1 September (or a waiver)`, { after: 2 });
  const processing = schedule.processingFee === null ? 'processing fee not on file for this period (confirm with BLM)' : `processing ${formatUsd(toCents(schedule.processingFee))} per claim`;
  cursor.paragraph(
    `Rates: location ${formatUsd(toCents(schedule.locationFee))} per claim; initial maintenance ${formatUsd(toCents(schedule.initialMaintenanceFee))} ` +
      `per lode claim and per ${schedule.placerAcresPerUnit} acres or part of ${schedule.placerAcresPerUnit} acres of a placer (units); ${processing}. ` +
      'Estimates: confirm every amount with BLM before paying.',
    { size: 9, color: GREY, after: 4 },
  );
  const totalAcres = fees.claims.reduce((sum, row) => sum + (row.areaAcres ?? 0), 0);
  drawTable(
    cursor,
    FEE_COLUMNS,
    [
      ...fees.claims.map(feeRow),
      {
        cells: [`Total (${t.claims} claim${t.claims === 1 ? '' : 's'})`, '', ACRES.format(totalAcres), String(t.units), formatUsd(t.location), formatUsd(t.initialMaintenance), t.processingKnown ? formatUsd(t.processing) : DASH, formatUsd(t.total)],
        bold: true,
        ruleAbove: true,
      },
    ],
    { size: 8.5, zebra: true, continuedCaption: `Fees per claim, ${model.order.orderNumber} (continued)` },
  );
  if (t.incompleteClaims > 0) {
    cursor.gap(3);
    cursor.paragraph(
      `The totals leave out the initial maintenance fee of ${t.incompleteClaims} placer claim${t.incompleteClaims === 1 ? '' : 's'} whose area is unknown (marked ${DASH}): fix the claim and generate again.`,
      { size: 9, bold: true },
    );
  }
}

/** County, state and annual fees from the obligations table, one row each. */
function otherFees(cursor: TextCursor, model: PackageModel, obligations: readonly DueObligation[]): void {
  const rows: TableRow[] = obligations
    .filter((o) => o.category !== 'blm-filing')
    .flatMap((o) => o.fees.map((f) => ({ cells: [o.label, f.label, f.basis, f.cents === null ? 'not on file' : formatUsd(f.cents), f.citation] })));
  if (rows.length === 0) return;
  heading(cursor, model.stateCode === 'AK' ? 'Recording district, state and annual fees' : 'County, state and annual fees', 110);
  cursor.paragraph('Recording offices also charge their own per-document recording fees; ask the office for its current schedule.', { size: 9, color: GREY, after: 3 });
  drawTable(
    cursor,
    [{ header: 'For', width: 2.4 }, { header: 'Fee', width: 1.7 }, { header: 'Basis', width: 1.8 }, { header: 'Amount', width: 0.9, align: 'right' }, { header: 'Authority', width: 1.4 }],
    rows,
    { size: 8.5, zebra: true },
  );
}

function scheduleSection(cursor: TextCursor, schedule: FeeSchedule | null, basis: { date: string; label: string }): void {
  heading(cursor, 'BLM fee schedule');
  if (!schedule) {
    cursor.paragraph(`No BLM fee schedule on file covers the ${basis.label} (${formatLongDate(basis.date)}): confirm the amounts that applied then with BLM.`, { size: 9.5, bold: true });
    return;
  }
  cursor.field('Version', `${schedule.version}, in effect from ${formatLongDate(schedule.effectiveFrom)} (chosen by the ${basis.label})`, { size: 9.5 });
  for (const note of schedule.notes) bullet(cursor, note, 9);
  cursor.paragraph('Sources:', { size: 9, bold: true });
  for (const source of schedule.sources) cursor.paragraph(source, { size: 8.5, indent: 18, color: GREY });
}

export const renderFeesSheet: DocumentRenderer = async (model, context) => {
  const problems: PackageProblem[] = [];
  const { obligations, schedule, bridgeWarning } = packageObligations(model);
  const orderNumber = model.order.orderNumber;
  const { doc, fonts } = await createPdf(context.fonts, {
    title: `Fees and deadlines — ${orderNumber}`,
    subject: `Filing deadlines and fees for ${orderNumber} (${model.claimant.name || model.order.companyName})`,
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
  cursor.paragraph(`Filing deadlines and fees for the staking package · prepared ${formatLongDate(model.preparedOn)}`, { size: 9.5, color: GREY, after: 4 });
  cursor.rule();
  cursor.gap(2);
  const place = [model.stateName, localUnit(model)].filter((p) => p !== '').join(' · ');
  cursor.field('Order', [orderNumber, model.order.projectName].filter((p) => p !== '').join(' · '), { after: 1 });
  cursor.field(model.claimant.locators.length > 1 ? 'Locators' : 'Claimant', model.claimant.locators.map((l) => l.name).filter((n) => n !== '').join('; ') || model.order.companyName, { after: 1 });
  cursor.field(model.stateCode === 'AK' ? 'State / recording district' : 'State / county', place, { after: 1 });
  if (model.stateCode === 'AK') cursor.field('Land', model.landStatus === 'state' ? 'State of Alaska land (DNR rules; no BLM filing)' : 'Federal land', { after: 1 });
  cursor.field('Date of location', model.dateOfLocation ? formatLongDate(model.dateOfLocation) : '', { after: 1 });
  if (model.dateOfDiscovery || obligations.some((o) => /date of discovery/.test(o.rule))) {
    cursor.field('Date of discovery', model.dateOfDiscovery ? formatLongDate(model.dateOfDiscovery) : '', { after: 1 });
  }
  cursor.field('Claims', claimsSummary(model), { after: 2 });

  heading(cursor, 'Deadlines');
  if (!model.dateOfLocation) {
    cursor.paragraph('Date of location not set. Fill in after posting: every deadline below counts from the date the notice is posted (or, where it says so, from the date of discovery).', { size: 9.5, bold: true, after: 3 });
  }
  drawTable(
    cursor,
    [
      { header: 'Filing', width: 1.5 },
      { header: 'Where', width: 1.4 },
      { header: 'Rule', width: 2.1 },
      { header: 'Due by', width: 1.35 },
      { header: `Status on ${formatShortDate(model.preparedOn)}`, width: 1.15 },
    ],
    obligations.map(deadlineRow),
    { size: 8.5 },
  );
  cursor.gap(6);
  if (bridgeWarning) callout(cursor, bridgeWarning);
  const stale = staleScheduleWarning(model.preparedOn);
  if (stale) callout(cursor, stale);
  if (model.stateCode === 'AK' && model.landStatus === 'federal') {
    callout(cursor, 'Alaska: these deadlines are for claims on FEDERAL land. Claims on State of Alaska land follow DNR rules (certificate and first rental within 45 days, no BLM filing): mark the job as State land to get them.');
  }

  if (model.landStatus === 'federal') {
    if (schedule) blmFees(cursor, model, schedule, problems);
    otherFees(cursor, model, obligations);
    heading(cursor, 'Small-miner waiver');
    for (const note of waiverNotes(model.claims.length)) bullet(cursor, note, 9);
    scheduleSection(cursor, schedule, model.dateOfLocation ? { date: model.dateOfLocation, label: 'date of location' } : { date: model.preparedOn, label: 'preparation date' });
  } else {
    otherFees(cursor, model, obligations);
  }

  cursor.ensure(60);
  cursor.gap(8);
  cursor.rule();
  cursor.paragraph(
    'Amounts are estimates from the fee data above: BLM and the states adjust their fees, so confirm every amount with the office ' +
      'before paying. Deadlines are counted from the dates as entered; check them against the statute cited and with the office. ' +
      'This sheet is not legal advice.',
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
