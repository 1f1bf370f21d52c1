/**
 * corner-cards.pdf: one card per post (shared/documents/notice-cards.ts decides what it says), 2 × 4 cards of
 * 4 × 2.5 in on a letter sheet with dashed cut lines, to be cut out, sleeved and fixed to the posts. The post id
 * and the claim markings are printed as large as the card allows, because they are read standing at the post;
 * a corner of four claims shrinks its markings to fit rather than running off the card.
 */
import { rgb, type PDFPage } from 'pdf-lib';
import { errorMessage } from '../../../shared/errors';
import { cornerCard, type CornerCard } from '../../../shared/documents/notice-cards';
import type { PackageProblem } from '../../../shared/documents/package-files';
import type { DocumentRenderer } from '../document.types';
import { GREY, INCH, INK, PAGE_SIZES, createPdf, fitText, savePdf, wrapText, type PdfFonts } from './pdf-kit';

const CARD_W = 4 * INCH;
const CARD_H = 2.5 * INCH;
const COLS = 2;
const ROWS = 4;
const PAD = 12;
const [PAGE_W, PAGE_H] = PAGE_SIZES.letter;
const LEFT = (PAGE_W - COLS * CARD_W) / 2;
const BOTTOM = (PAGE_H - ROWS * CARD_H) / 2;
const WHITE = rgb(1, 1, 1);
/** Marking sizes tried, largest first: a single-claim card reads from a step away, a 4-claim corner still fits. */
const SIZES = [14, 12, 10.5, 9, 8, 7];

interface Line {
  text: string;
  size: number;
  bold: boolean;
}

function markingLines(card: CornerCard, fonts: PdfFonts, size: number, width: number): Line[] {
  const small = Math.max(6.5, size * 0.6);
  // The crew must see at the post that the claim's notice goes here (shared/claims/notice-placement.ts).
  const notice = card.noticeFor.length === 0 ? [] : wrapText(`POST THE NOTICE OF ${card.noticeFor.join(', ')} HERE`, fonts.bold, small, width).map((text) => ({ text, size: small, bold: true }));
  return [
    ...card.markings.flatMap((m) => [
      ...wrapText(m.marking, fonts.bold, size, width).map((text) => ({ text, size, bold: true })),
      ...(m.lines === '' ? [] : wrapText(m.lines, fonts.regular, small, width).map((text) => ({ text, size: small, bold: false }))),
    ]),
    ...notice,
  ];
}

const heightOf = (lines: Line[]): number => lines.reduce((sum, l) => sum + l.size * 1.22, 0);

function drawCard(page: PDFPage, fonts: PdfFonts, card: CornerCard, x0: number, y0: number): boolean {
  const inner = CARD_W - 2 * PAD;
  const top = y0 + CARD_H - PAD;
  page.drawRectangle({ x: x0 + 6, y: y0 + 6, width: CARD_W - 12, height: CARD_H - 12, borderColor: INK, borderWidth: 0.8 });
  // Post id reversed out of a black box: the first thing a staker looks for.
  const idSize = 20;
  const idWidth = fonts.bold.widthOfTextAtSize(card.postId, idSize) + 12;
  page.drawRectangle({ x: x0 + PAD, y: top - 26, width: idWidth, height: 26, color: INK });
  page.drawText(card.postId, { x: x0 + PAD + 6, y: top - 20, size: idSize, font: fonts.bold, color: WHITE });
  const right = x0 + CARD_W - PAD;
  const headWidth = inner - idWidth - 8;
  const kind = fitText(card.kindLabel.toUpperCase(), fonts.bold, 8, headWidth);
  page.drawText(kind, { x: right - fonts.bold.widthOfTextAtSize(kind, 8), y: top - 9, size: 8, font: fonts.bold });
  const place = fitText(card.place, fonts.regular, 7.5, headWidth);
  page.drawText(place, { x: right - fonts.regular.widthOfTextAtSize(place, 7.5), y: top - 21, size: 7.5, font: fonts.regular, color: GREY });

  // Footer from the bottom up: coordinates, locator, date of location.
  const foot = y0 + PAD;
  const where = wrapText(card.location, fonts.regular, 6.5, inner).slice(0, 2);
  where.reverse().forEach((l, k) => page.drawText(l, { x: x0 + PAD, y: foot + k * 8, size: 6.5, font: fonts.regular, color: GREY }));
  let y = foot + where.length * 8 + 3;
  const locatorLabel = 'Locator: ';
  const labelWidth = fonts.bold.widthOfTextAtSize(locatorLabel, 7.5);
  const locator = card.locator === '' ? [] : wrapText(card.locator, fonts.regular, 7.5, inner - labelWidth);
  const shown = locator.length > 2 ? [locator[0]!, fitText(`${locator[1]} ${locator.slice(2).join(' ')}`, fonts.regular, 7.5, inner - labelWidth)] : locator;
  [...shown].reverse().forEach((l, k) => page.drawText(l, { x: x0 + PAD + labelWidth, y: y + k * 9, size: 7.5, font: fonts.regular }));
  page.drawText(locatorLabel, { x: x0 + PAD, y: y + Math.max(0, shown.length - 1) * 9, size: 7.5, font: fonts.bold });
  if (shown.length === 0) page.drawLine({ start: { x: x0 + PAD + labelWidth, y: y - 1 }, end: { x: right, y: y - 1 }, thickness: 0.5, color: GREY });
  y += Math.max(1, shown.length) * 9 + 3;
  const dateLabel = 'Date of location: ';
  const dateWidth = fonts.bold.widthOfTextAtSize(dateLabel, 7.5);
  page.drawText(dateLabel, { x: x0 + PAD, y, size: 7.5, font: fonts.bold });
  if (card.dateOfLocation === '') page.drawLine({ start: { x: x0 + PAD + dateWidth, y: y - 1 }, end: { x: x0 + PAD + dateWidth + 110, y: y - 1 }, thickness: 0.5, color: GREY });
  else page.drawText(card.dateOfLocation, { x: x0 + PAD + dateWidth, y, size: 7.5, font: fonts.regular });
  const floor = y + 7.5 * 1.5;

  // Markings between the header and the footer, at the largest size that fits.
  const ceiling = top - 32;
  const room = ceiling - floor;
  const sized = SIZES.map((s) => markingLines(card, fonts, s, inner)).find((lines) => heightOf(lines) <= room);
  const lines = sized ?? markingLines(card, fonts, SIZES[SIZES.length - 1]!, inner);
  let cursor = ceiling;
  for (const l of lines) {
    if (cursor - l.size * 1.22 < floor) return false;
    cursor -= l.size * 1.22;
    page.drawText(l.text, { x: x0 + PAD, y: cursor + l.size * 0.22, size: l.size, font: l.bold ? fonts.bold : fonts.regular });
  }
  return true;
}

function cutLines(page: PDFPage): void {
  const dash = { thickness: 0.4, color: GREY, dashArray: [4, 3] };
  for (let c = 0; c <= COLS; c += 1) {
    page.drawLine({ start: { x: LEFT + c * CARD_W, y: BOTTOM - 14 }, end: { x: LEFT + c * CARD_W, y: BOTTOM + ROWS * CARD_H + 10 }, ...dash });
  }
  for (let r = 0; r <= ROWS; r += 1) {
    page.drawLine({ start: { x: LEFT - 10, y: BOTTOM + r * CARD_H }, end: { x: LEFT + COLS * CARD_W + 10, y: BOTTOM + r * CARD_H }, ...dash });
  }
}

export const renderCornerCards: DocumentRenderer = async (model, context) => {
  const { doc, fonts } = await createPdf(context.fonts, {
    title: `Corner cards — ${model.order.orderNumber}`,
    subject: `Post tags for the ${model.posts.length} posts of order ${model.order.orderNumber}`,
    preparedOn: model.preparedOn,
    producer: `${model.generator.name} ${model.generator.version}`,
  });
  const problems: PackageProblem[] = [];
  const cards: CornerCard[] = [];
  for (const post of model.posts) {
    try {
      cards.push(cornerCard(model, post));
    } catch (error) {
      problems.push({ document: 'corner-cards', claim: post.markings[0]?.claim ?? null, message: `No card for post ${post.id}: ${errorMessage(error)}` });
    }
  }
  const perPage = COLS * ROWS;
  const pageCount = Math.max(1, Math.ceil(cards.length / perPage));
  for (let p = 0; p < pageCount; p += 1) {
    const page = doc.addPage([PAGE_W, PAGE_H]);
    const head = `Corner cards · order ${model.order.orderNumber} · ${model.order.projectName} · sheet ${p + 1} of ${pageCount} · cut along the dashed lines and fix each card to its post`;
    page.drawText(fitText(head, fonts.regular, 7, PAGE_W - 2 * LEFT), { x: LEFT, y: PAGE_H - BOTTOM + 16, size: 7, font: fonts.regular, color: GREY });
    cutLines(page);
    cards.slice(p * perPage, (p + 1) * perPage).forEach((card, k) => {
      const x = LEFT + (k % COLS) * CARD_W;
      const y = BOTTOM + (ROWS - 1 - Math.floor(k / COLS)) * CARD_H;
      if (!drawCard(page, fonts, card, x, y)) {
        problems.push({ document: 'corner-cards', claim: card.markings[0]?.claim ?? null, message: `The card for post ${card.postId} has more markings than fit; it is cut short.` });
      }
    });
  }
  const bytes = await savePdf(doc);
  return { document: { kind: 'corner-cards', bytes, pages: doc.getPageCount() }, problems };
};
