/**
 * location-notices.pdf: one location notice / certificate of location per claim, each starting on a new page, laid
 * out as a recordable instrument: a "when recorded, return to" block and space for the recorder's stamp at the
 * top of its first page, the title, the content blocks (decided by shared/documents/notice-content.ts), and on
 * every page a footer with the claim's own "page x of y" (recorders page each instrument separately).
 * A claim that cannot be described, or that throws while being laid out, loses only its own pages and is
 * reported as a problem; the other claims' notices still print.
 */
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { errorMessage } from '../../../shared/errors';
import { stateRule } from '../../../shared/claims/state-rules';
import { longDate, type NoticeDocument } from '../../../shared/documents/notice-blocks';
import { noticeContent } from '../../../shared/documents/notice-content';
import type { PackageProblem } from '../../../shared/documents/package-files';
import type { PackageModel } from '../../../shared/documents/package-model.types';
import type { DocumentRenderer } from '../document.types';
import { drawBlocks, MIN_RECORDED_PT } from './notice-layout';
import { GREY, INCH, LIGHT, PAGE_SIZES, TextCursor, createPdf, fitText, savePdf, wrapText, type PdfFonts } from './pdf-kit';

const MARGIN = 0.75 * INCH;
/** Top of the first page kept for the return address and the recorder's stamp. */
const RECORDING_SPACE = 1.9 * INCH;

function centred(cursor: TextCursor, line: string, size: number, bold: boolean, color = GREY): void {
  const font = bold ? cursor.fonts.bold : cursor.fonts.regular;
  for (const part of wrapText(line, font, size, cursor.width)) {
    cursor.ensure(size * 1.3);
    cursor.y -= size * 1.3;
    const x = cursor.margin + (cursor.width - font.widthOfTextAtSize(part, size)) / 2;
    cursor.page.drawText(part, { x, y: cursor.y + size * 0.25, size, font, color: bold ? undefined : color });
  }
}

/** Return-to block on the left, recorder's space on the right, closed by the customary rule and caption. */
function recordingArea(cursor: TextCursor, notice: NoticeDocument): void {
  const { page, fonts, margin } = cursor;
  const top = cursor.y;
  const columnWidth = 3.6 * INCH;
  const size = MIN_RECORDED_PT;
  page.drawText('When recorded, return to:', { x: margin, y: top - size, size, font: fonts.regular, color: GREY });
  // Never below ten point (A.R.S. 11-480(A)(4)): an address too long for the space is cut with "…" (the body of
  // the notice gives it in full).
  const room = RECORDING_SPACE - 28;
  const lines = notice.returnTo.flatMap((l) => wrapText(l, fonts.regular, size, columnWidth));
  const fit = Math.floor(room / (size * 1.25));
  const shown = lines.length > fit ? [...lines.slice(0, fit - 1), fitText(`${lines[fit - 1]}…`, fonts.regular, size, columnWidth)] : lines;
  shown.forEach((l, k) => page.drawText(l, { x: margin, y: top - 12 - (k + 1) * size * 1.25, size, font: fonts.regular }));
  const bottom = top - RECORDING_SPACE;
  page.drawLine({ start: { x: margin, y: bottom }, end: { x: margin + cursor.width, y: bottom }, thickness: 0.6, color: GREY });
  const caption = "Space above this line for recorder's use";
  const width = fonts.regular.widthOfTextAtSize(caption, size);
  page.drawText(caption, { x: margin + cursor.width - width, y: bottom - size - 2, size, font: fonts.regular, color: GREY });
  cursor.y = bottom - size - 6;
}

function runningHeader(page: PDFPage, fonts: PdfFonts, notice: NoticeDocument, width: number): void {
  const title = `${notice.claimName} — ${notice.title} (continued)`;
  const y = page.getHeight() - MARGIN + 14;
  page.drawText(fitText(title, fonts.bold, MIN_RECORDED_PT, width - 90), { x: MARGIN, y, size: MIN_RECORDED_PT, font: fonts.bold });
  page.drawLine({ start: { x: MARGIN, y: y - 5 }, end: { x: MARGIN + width, y: y - 5 }, thickness: 0.4, color: LIGHT });
}

function footers(pages: PDFPage[], fonts: PdfFonts, model: PackageModel, notice: NoticeDocument, width: number): void {
  const left = `${model.generator.name} · order ${model.order.orderNumber} · prepared ${longDate(model.preparedOn) || model.preparedOn}`;
  pages.forEach((page, k) => {
    const right = `${notice.claimName} — page ${k + 1} of ${pages.length}`;
    const size = MIN_RECORDED_PT;
    const rightText = fitText(right, fonts.regular, size, width / 2);
    const rightWidth = fonts.regular.widthOfTextAtSize(rightText, size);
    page.drawText(fitText(left, fonts.regular, size, width - rightWidth - 12), { x: MARGIN, y: MARGIN / 2 - 2, size, font: fonts.regular, color: GREY });
    page.drawText(rightText, { x: MARGIN + width - rightWidth, y: MARGIN / 2 - 2, size, font: fonts.regular, color: GREY });
    if (k > 0) {
      const pageText = `Page ${k + 1} of ${pages.length}`;
      const w = fonts.regular.widthOfTextAtSize(pageText, size);
      page.drawText(pageText, { x: MARGIN + width - w, y: page.getHeight() - MARGIN + 14, size, font: fonts.regular, color: GREY });
    }
  });
}

/** Lays one notice out on new pages; returns them (the caller removes them if this throws half-way). */
function layOutNotice(doc: PDFDocument, fonts: PdfFonts, model: PackageModel, notice: NoticeDocument): PDFPage[] {
  const pages: PDFPage[] = [];
  const width = PAGE_SIZES.letter[0] - 2 * MARGIN;
  const cursor = new TextCursor(doc, fonts, PAGE_SIZES.letter, MARGIN, (page, c) => {
    pages.push(page);
    if (pages.length > 1) {
      runningHeader(page, fonts, notice, width);
      c.gap(8);
    }
  });
  cursor.y = PAGE_SIZES.letter[1] - MARGIN / 2 - 4;
  recordingArea(cursor, notice);
  cursor.gap(10);
  centred(cursor, notice.title.toUpperCase(), 17, true);
  cursor.gap(2);
  centred(cursor, notice.subtitle, 11.5, true);
  centred(cursor, notice.authority, MIN_RECORDED_PT, false);
  cursor.gap(4);
  drawBlocks(cursor, notice.blocks);
  footers(pages, fonts, model, notice, width);
  return pages;
}

export const renderLocationNotices: DocumentRenderer = async (model, context) => {
  const rule = stateRule(model.stateCode);
  const { doc, fonts } = await createPdf(context.fonts, {
    title: `${rule.certificateName} — ${model.order.orderNumber}`,
    subject: `${rule.certificateName} for ${model.claims.length} claim(s) of order ${model.order.orderNumber}`,
    preparedOn: model.preparedOn,
    producer: `${model.generator.name} ${model.generator.version}`,
  });
  const problems: PackageProblem[] = [];
  // After delivery only the claims whose corners moved get a new instrument (an amendment); the others stand as
  // recorded and are not recorded again.
  const amended = model.asStaked?.amendment ? new Set(model.asStaked.changedClaims) : null;
  for (const claim of model.claims.filter((c) => amended === null || amended.has(c.name))) {
    const before = doc.getPageCount();
    try {
      layOutNotice(doc, fonts, model, noticeContent(model, claim));
    } catch (error) {
      for (let k = doc.getPageCount() - 1; k >= before; k -= 1) doc.removePage(k);
      const reason = errorMessage(error);
      problems.push({ document: 'location-notices', claim: claim.name, message: `No ${rule.certificateName.toLowerCase()} for this claim: ${reason}` });
    }
  }
  if (doc.getPageCount() === 0) {
    // A PDF needs a page; say plainly why there is nothing to sign rather than shipping an empty file.
    const cursor = new TextCursor(doc, fonts, PAGE_SIZES.letter, MARGIN);
    cursor.paragraph(`No ${rule.certificateName.toLowerCase()} could be produced for order ${model.order.orderNumber}.`, { size: 12, bold: true, after: 6 });
    for (const p of problems) cursor.paragraph(`${p.claim ?? 'Order'}: ${p.message}`);
  }
  const bytes = await savePdf(doc);
  return { document: { kind: 'location-notices', bytes, pages: doc.getPageCount() }, problems };
};
