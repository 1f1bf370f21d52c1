/**
 * The BLM FILING SHEET (letter): a transmittal letter to the BLM state office for mailing the filing (43 CFR
 * 3833.11: a copy of the recorded notice or certificate, a map, and the fees, within 90 days of the date of
 * location), then what MLRS asks for each new claim, one block per claim, then the fee total. Rows and fees come
 * from blm-filing.ts, which takes its fees from the dated schedule the fees-and-deadlines sheet uses.
 */
import { formatLongDate } from '../../../shared/documents/calendar';
import { blmFiling, buildBlmFilingCsv, claimantsText, type BlmFilingClaim } from '../../../shared/documents/blm-filing';
import { formatUsd } from '../../../shared/documents/fees/fees';
import type { PackageModel } from '../../../shared/documents/package-model.types';
import { placeText } from '../../../shared/documents/place-text';
import type { DocumentRenderer } from '../document.types';
import { drawTable, type TableRow } from './pdf-table';
import { GREY, INCH, PAGE_SIZES, TextCursor, createPdf, savePdf } from './pdf-kit';

const MARGIN = 0.8 * INCH;
const ACRES = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

function sender(model: PackageModel): string[] {
  if (model.claimant.agentName.trim() !== '') return [`${model.claimant.agentName}, agent for ${model.claimant.name}`, model.claimant.agentAddress];
  return [model.claimant.name, ...model.claimant.addressLines];
}

function letter(cursor: TextCursor, model: PackageModel, filing: ReturnType<typeof blmFiling>): void {
  const count = model.claims.length;
  const claims = `${count} ${model.claims[0]?.kind === 'placer' && model.claims.every((c) => c.kind === 'placer') ? 'placer' : 'mining'} claim${count === 1 ? '' : 's'}`;
  for (const line of sender(model).filter((l) => l.trim() !== '')) cursor.paragraph(line, { size: 10.5 });
  cursor.gap(14);
  cursor.paragraph(formatLongDate(model.preparedOn), { size: 10.5, after: 14 });
  cursor.paragraph(filing.office, { size: 10.5 });
  cursor.paragraph('Mining Claims Recordation', { size: 10.5, after: 14 });
  cursor.paragraph(`Re: Filing of ${claims} located ${model.dateOfLocation ? formatLongDate(model.dateOfLocation) : '(date of location to be entered)'}, ${placeText(model)}`, {
    size: 10.5,
    bold: true,
    after: 10,
  });
  cursor.paragraph('To the Bureau of Land Management:', { size: 10.5, after: 8 });
  const total = filing.fees ? formatUsd(filing.fees.totals.total) : 'the fees in effect (no BLM fee schedule on file covers the date of location)';
  cursor.paragraph(
    `Enclosed for filing under 43 U.S.C. 1744 and 43 CFR 3833.11 are copies of the notices (certificates) of location of the ${claims} listed on ` +
      `the following pages, as recorded with the ${placeText(model)} recording office, with a map of each claim, and payment of ${total} for the ` +
      'location, initial maintenance and processing fees (43 CFR 3830.21).',
    { size: 10.5, after: 8 },
  );
  if (filing.due) cursor.paragraph(`The filing is due at your office by ${formatLongDate(filing.due)}, 90 days after the date of location.`, { size: 10.5, after: 8 });
  cursor.paragraph('Please return the serial numbers assigned to these claims to the address above.', { size: 10.5, after: 8 });
  cursor.paragraph('Enclosures:', { size: 10.5, bold: true });
  for (const item of [
    `Copies of ${count} recorded location notice${count === 1 ? '' : 's'} (with recording information)`,
    'Claim map',
    `Payment of ${total}`,
    'Claim list (this sheet)',
  ]) {
    cursor.paragraph(`•  ${item}`, { size: 10.5, indent: 14 });
  }
  cursor.gap(28);
  cursor.paragraph('Sincerely,', { size: 10.5, after: 30 });
  cursor.paragraph('______________________________', { size: 10.5 });
  cursor.paragraph(sender(model)[0] ?? '', { size: 10.5 });
}

function claimRows(c: BlmFilingClaim): TableRow[] {
  const row = (label: string, value: string): TableRow => ({ cells: [label, value] });
  return [
    { cells: [c.name, ''], bold: true, ruleAbove: true },
    row('Claim type', c.type),
    row('Date of location', c.dateOfLocation ? formatLongDate(c.dateOfLocation) : ''),
    row('Acreage', ACRES.format(c.acres)),
    row('State / county', [c.state, c.county].filter((p) => p !== '').join(' · ')),
    // The same legal description the notices print (meridian, township, range, section and aliquot parts down to
    // the quarter section, 43 CFR 3832.12(c)), filled from the imported PLSS when staff left it blank.
    row('Legal description', c.legalDescription),
    row('Claimants', claimantsText(c.claimants)),
    row('Fees due at filing', c.feeCents === null ? 'see the fees-and-deadlines sheet' : formatUsd(c.feeCents)),
  ];
}

export const renderBlmFilingSheet: DocumentRenderer = async (model, context) => {
  const filing = blmFiling(model);
  const orderNumber = model.order.orderNumber;
  const { doc, fonts } = await createPdf(context.fonts, {
    title: `BLM filing — ${orderNumber}`,
    subject: `Transmittal letter and claim list for filing ${orderNumber} with BLM`,
    preparedOn: model.preparedOn,
    producer: `${model.generator.name} ${model.generator.version}`,
  });
  const cursor = new TextCursor(doc, fonts, PAGE_SIZES.letter, MARGIN);
  letter(cursor, model, filing);

  cursor.newPage();
  cursor.paragraph('BLM filing: claims', { size: 18, bold: true, after: 2 });
  cursor.paragraph(`What MLRS asks for each new claim · ${orderNumber} · ${filing.office}`, { size: 10, color: GREY, after: 6 });
  drawTable(cursor, [{ header: 'Field', width: 1.8 }, { header: 'Value', width: 4.6 }], filing.claims.flatMap(claimRows), {
    size: 10,
    continuedCaption: 'BLM filing: claims (continued)',
  });
  cursor.gap(10);
  if (filing.fees && filing.schedule) {
    const t = filing.fees.totals;
    cursor.field('Total due at filing', `${formatUsd(t.total)} for ${t.claims} claim${t.claims === 1 ? '' : 's'} (BLM fee schedule ${filing.schedule.version})`, { after: 2 });
    if (!t.processingKnown) cursor.paragraph('The processing fee is not on file for this period: add it as BLM quotes it.', { size: 10, bold: true });
  } else {
    cursor.paragraph('No BLM fee schedule on file covers the date of location: confirm the fees with BLM.', { size: 10, bold: true });
  }

  const pages = doc.getPages();
  pages.forEach((page, k) => {
    const text = `${orderNumber} · BLM filing · page ${k + 1} of ${pages.length} · prepared ${model.preparedOn} by ${model.generator.name}`;
    const width = fonts.regular.widthOfTextAtSize(text, 8);
    page.drawText(text, { x: (page.getWidth() - width) / 2, y: MARGIN / 2, size: 8, font: fonts.regular, color: GREY });
  });
  return { document: { kind: 'blm-filing', bytes: await savePdf(doc), pages: pages.length }, problems: [] };
};

export const renderBlmFilingCsv: DocumentRenderer = (model) =>
  Promise.resolve({ document: { kind: 'blm-filing-csv', bytes: new TextEncoder().encode(buildBlmFilingCsv(model)), pages: null }, problems: [] });
