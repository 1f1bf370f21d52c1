/**
 * Lays a notice's content blocks (shared/documents/notice-blocks.ts) onto pages through a TextCursor: labelled
 * fields in a fixed label column (a clerk reads down one edge), short fields as a row of form boxes, blank rules
 * to write on, a coordinate table whose header repeats on a new page, signature rules in two columns and a
 * notary jurat with a seal area. Everything that prints words wraps to its column or is cut to fit it; nothing
 * is drawn past the right margin. A heading is never left alone at the foot of a page: it moves on with the
 * start of what follows it (the whole jurat, for a notary block).
 */
import { rgb, type PDFFont } from 'pdf-lib';
import type { NoticeBlock, NoticeColumn, NoticeField, NoticeNotary, NoticeSigner } from '../../../shared/documents/notice-blocks';
import { GREY, INK, LIGHT, fitText, wrapText, type TextCursor } from './pdf-kit';

/**
 * Everything on a recorded notice is at least 10 pt: A.R.S. 11-480(A)(4) lets a recorder reject print under
 * ten-point type, and many recorders hold to the same. Headings are larger; nothing is smaller.
 */
export const MIN_RECORDED_PT = 10;
const BODY = MIN_RECORDED_PT;
const LABEL = MIN_RECORDED_PT;
const SMALL = MIN_RECORDED_PT;
const LEAD = 1.25;
const LABEL_WIDTH = 158;
const GUTTER = 8;
const SHADE = rgb(0.93, 0.93, 0.93);
const RULE = rgb(0.25, 0.25, 0.25);
const SIGN_ROOM = 28;
/** The notary block without its oath and jurat text: venue, signature rules, officer lines and seal. */
const NOTARY_FIXED = 250;

type Cursor = TextCursor;

/** Text whose line box ends at `bottom` (default: the cursor). */
function text(c: Cursor, line: string, x: number, size: number, font: PDFFont, color = INK, bottom = c.y): void {
  if (line !== '') c.page.drawText(line, { x, y: bottom + size * 0.25, size, font, color });
}

/** Advance one line of `size` (starting a new page when needed) and draw it at x. */
function line(c: Cursor, content: string, x: number, size: number, font: PDFFont, color = INK): void {
  c.ensure(size * LEAD);
  c.y -= size * LEAD;
  text(c, content, x, size, font, color);
}

function rule(c: Cursor, x1: number, x2: number, y: number, color = GREY, thickness = 0.5): void {
  c.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color });
}

function heading(c: Cursor, title: string, keepWith: number): void {
  c.ensure(11 * LEAD + 12 + keepWith);
  c.gap(7);
  line(c, title, c.margin, 11, c.fonts.bold);
  c.gap(2);
  rule(c, c.margin, c.margin + c.width, c.y, RULE, 0.6);
  c.gap(3);
}

function field(c: Cursor, f: NoticeField): void {
  const leading = BODY * LEAD;
  const labelLines = wrapText(`${f.label}:`, c.fonts.regular, LABEL, LABEL_WIDTH - GUTTER);
  const valueX = c.margin + LABEL_WIDTH;
  if (f.value.trim() === '') {
    // A blank to fill in by hand: taller than a printed line, the label's last line on the writing rule.
    const height = Math.max(labelLines.length * leading, leading * 1.6);
    c.ensure(height);
    const bottom = c.y - height;
    labelLines.forEach((l, k) => text(c, l, c.margin, LABEL, c.fonts.regular, GREY, bottom + (labelLines.length - 1 - k) * leading));
    rule(c, valueX, c.margin + c.width, bottom + 2);
    c.y = bottom - 2;
    return;
  }
  const valueLines = wrapText(f.value, c.fonts.regular, BODY, c.width - LABEL_WIDTH);
  for (let k = 0; k < Math.max(labelLines.length, valueLines.length); k += 1) {
    c.ensure(leading);
    c.y -= leading;
    text(c, labelLines[k] ?? '', c.margin, LABEL, c.fonts.regular, GREY);
    text(c, valueLines[k] ?? '', valueX, BODY, c.fonts.regular);
  }
  c.gap(2);
}

/** Short fields side by side: small label above, value on a writing rule (blank values leave the rule empty). */
function fieldRow(c: Cursor, fields: NoticeField[]): void {
  const gap = 10;
  const width = (c.width - gap * (fields.length - 1)) / fields.length;
  const laid = fields.map((f) => ({ label: wrapText(f.label, c.fonts.regular, SMALL, width), lines: wrapText(f.value, c.fonts.regular, BODY, width) }));
  const labelHeight = Math.max(...laid.map((l) => l.label.length)) * SMALL * LEAD;
  const height = labelHeight + 2 + Math.max(1.4, ...laid.map((l) => l.lines.length)) * BODY * LEAD + 3;
  c.ensure(height + 4);
  const top = c.y - 4;
  laid.forEach((cell, k) => {
    const x = c.margin + k * (width + gap);
    cell.label.forEach((l, n) => c.page.drawText(l, { x, y: top - (n + 1) * SMALL * LEAD + SMALL * 0.25, size: SMALL, font: c.fonts.regular, color: GREY }));
    cell.lines.forEach((l, n) => text(c, l, x, BODY, c.fonts.regular, INK, top - labelHeight - 2 - (n + 1) * BODY * LEAD));
    rule(c, x, x + width, top - height + 1, LIGHT, 0.6);
  });
  c.y = top - height - 2;
}

function paragraph(c: Cursor, body: string, style: 'body' | 'statement' | 'note'): void {
  const size = BODY;
  const indent = style === 'statement' ? 10 : 0;
  c.gap(2);
  for (const l of wrapText(body, c.fonts.regular, size, c.width - indent)) {
    line(c, l, c.margin + indent, size, c.fonts.regular, style === 'note' ? GREY : INK);
    // The bar marks a statutory statement; drawn line by line so it follows the text onto a new page.
    if (style === 'statement') c.page.drawLine({ start: { x: c.margin + 2, y: c.y - 2.5 }, end: { x: c.margin + 2, y: c.y + size * LEAD - 2.5 }, thickness: 2, color: LIGHT });
  }
  c.gap(3);
}

function items(c: Cursor, list: { term: string; text: string }[]): void {
  const size = BODY;
  for (const item of list) {
    const lines = wrapText(item.text, c.fonts.regular, size, c.width - 14);
    c.ensure(BODY * LEAD + Math.min(lines.length, 3) * size * LEAD);
    line(c, item.term, c.margin, BODY, c.fonts.bold);
    for (const l of lines) line(c, l, c.margin + 14, size, c.fonts.regular);
    c.gap(3);
  }
}

/** Cells wrap within their column (a recorded page must not cut a word off); a row grows to its tallest cell. */
function table(c: Cursor, caption: string, columns: NoticeColumn[], rows: string[][]): void {
  const size = SMALL;
  const lineHeight = size * 1.25;
  const total = columns.reduce((sum, col) => sum + col.width, 0);
  const widths = columns.map((col) => (col.width / total) * c.width);
  const lefts = widths.map((_, k) => c.margin + widths.slice(0, k).reduce((a, b) => a + b, 0));
  const lay = (cells: string[], font: PDFFont): string[][] => cells.map((cell, k) => wrapText(cell, font, size, widths[k]! - 6));
  const heightOf = (laid: string[][]): number => Math.max(1, ...laid.map((l) => l.length)) * lineHeight + size * 0.75;
  const drawRow = (laid: string[][], font: PDFFont, shaded: boolean): void => {
    const rowHeight = heightOf(laid);
    c.y -= rowHeight;
    if (shaded) c.page.drawRectangle({ x: c.margin, y: c.y, width: c.width, height: rowHeight, color: SHADE });
    laid.forEach((cellLines, k) => {
      cellLines.forEach((l, n) => {
        const x = columns[k]!.align === 'right' ? lefts[k]! + widths[k]! - 3 - font.widthOfTextAtSize(l, size) : lefts[k]! + 3;
        c.page.drawText(l, { x, y: c.y + rowHeight - size * 0.375 - (n + 1) * lineHeight + size * 0.25, size, font });
      });
    });
    rule(c, c.margin, c.margin + c.width, c.y, LIGHT, 0.3);
  };
  const header = lay(columns.map((col) => col.header), c.fonts.bold);
  const body = rows.map((row) => lay(row, c.fonts.regular));
  // The caption stays with the header and the first rows.
  c.ensure(SMALL * LEAD * 2 + 5 + heightOf(header) + body.slice(0, 2).reduce((s, r) => s + heightOf(r), 0));
  paragraph(c, caption, 'note');
  drawRow(header, c.fonts.bold, true);
  for (const row of body) {
    if (c.y - heightOf(row) < c.margin) {
      c.newPage();
      drawRow(header, c.fonts.bold, true);
    }
    drawRow(row, c.fonts.regular, false);
  }
  c.gap(4);
}

const CAPTION_DROP = SMALL + 2;
/** "By" and "Its" lines under a company's name: the officer signing for it and the capacity. */
const BY_ITS = ['By:', 'Its:'];

/** Room to sign, the rule, its caption, then the printed name wrapped to the column (or a line for it). */
function signatureHeight(c: Cursor, s: NoticeSigner, width: number): number {
  const extra = s.organisation ? BY_ITS.length * BODY * LEAD * 1.5 : 0;
  return SIGN_ROOM + CAPTION_DROP + Math.max(1.4, wrapText(s.name, c.fonts.bold, BODY, width).length) * BODY * LEAD + extra;
}

function signature(c: Cursor, s: NoticeSigner, x: number, width: number, top: number): void {
  const ruleY = top - SIGN_ROOM;
  rule(c, x, x + width, ruleY, INK, 0.7);
  wrapText(s.role, c.fonts.regular, SMALL, width).slice(0, 1).forEach((l) => c.page.drawText(l, { x, y: ruleY - CAPTION_DROP, size: SMALL, font: c.fonts.regular, color: GREY }));
  if (s.name === '') {
    const y = ruleY - CAPTION_DROP - BODY * LEAD * 1.4;
    const label = 'Printed name: ';
    c.page.drawText(label, { x, y, size: SMALL, font: c.fonts.regular, color: GREY });
    rule(c, x + c.fonts.regular.widthOfTextAtSize(label, SMALL), x + width, y - 1);
    return;
  }
  const names = wrapText(s.name, c.fonts.bold, BODY, width);
  names.forEach((n, k) => c.page.drawText(n, { x, y: ruleY - CAPTION_DROP - (k + 1) * BODY * LEAD, size: BODY, font: c.fonts.bold }));
  if (!s.organisation) return;
  BY_ITS.forEach((label, k) => {
    const y = ruleY - CAPTION_DROP - names.length * BODY * LEAD - (k + 1) * BODY * LEAD * 1.5;
    c.page.drawText(label, { x, y, size: BODY, font: c.fonts.regular });
    rule(c, x + c.fonts.regular.widthOfTextAtSize(`${label} `, BODY), x + width, y - 1);
  });
}

function signatures(c: Cursor, dateLabel: string, signers: NoticeSigner[]): void {
  const width = (c.width - 24) / 2;
  const rows: NoticeSigner[][] = [];
  for (let k = 0; k < signers.length; k += 2) rows.push(signers.slice(k, k + 2));
  const heights = rows.map((pair) => Math.max(...pair.map((s) => signatureHeight(c, s, width))) + 8);
  c.ensure(BODY * LEAD * 1.6 + (heights[0] ?? 0));
  field(c, { label: dateLabel, value: '' });
  rows.forEach((pair, k) => {
    c.ensure(heights[k]!);
    pair.forEach((s, n) => signature(c, s, c.margin + n * (width + 24), width, c.y));
    c.y -= heights[k]!;
  });
}

function notaryText(c: Cursor, n: NoticeNotary): { oathLines: string[]; juratLines: string[]; height: number } {
  const oathLines = wrapText(n.oath, c.fonts.regular, BODY, c.width);
  const juratLines = wrapText(n.jurat, c.fonts.regular, BODY, c.width);
  return { oathLines, juratLines, height: NOTARY_FIXED + (oathLines.length + juratLines.length) * BODY * LEAD };
}

function notary(c: Cursor, n: NoticeNotary): void {
  // The venue, oath, jurat, officer and seal are one act: never split over two pages.
  const { oathLines, juratLines, height } = notaryText(c, n);
  c.ensure(height);
  const bracket = c.margin + 230;
  line(c, fitText(n.venueState, c.fonts.bold, BODY, 220), c.margin, BODY, c.fonts.bold);
  text(c, ')', bracket, BODY, c.fonts.regular);
  line(c, ')  ss.', bracket, BODY, c.fonts.regular);
  line(c, 'COUNTY OF', c.margin, BODY, c.fonts.bold);
  text(c, ')', bracket, BODY, c.fonts.regular);
  const countyX = c.margin + c.fonts.bold.widthOfTextAtSize('COUNTY OF ', BODY);
  if (n.venueCounty === '') rule(c, countyX, bracket - 8, c.y + 1);
  else text(c, fitText(n.venueCounty, c.fonts.regular, BODY, bracket - 8 - countyX), countyX, BODY, c.fonts.regular);
  c.gap(6);
  for (const l of oathLines) line(c, l, c.margin, BODY, c.fonts.regular);
  const width = (c.width - 24) / 2;
  signature(c, { role: n.affiant, name: '' }, c.margin, width, c.y);
  c.y -= SIGN_ROOM + CAPTION_DROP + BODY * LEAD * 1.4 + 12;
  for (const l of juratLines) line(c, l, c.margin, BODY, c.fonts.regular);
  const top = c.y;
  const seal = 1.75 * 72;
  const sealX = c.margin + c.width - seal;
  c.page.drawRectangle({ x: sealX, y: top - seal - 6, width: seal, height: seal, borderColor: GREY, borderWidth: 0.6, borderDashArray: [3, 3] });
  c.page.drawText(fitText(n.sealCaption, c.fonts.regular, SMALL, seal - 8), { x: sealX + 4, y: top - seal, size: SMALL, font: c.fonts.regular, color: GREY });
  signature(c, { role: n.officer, name: ' ' }, c.margin, width, top);
  c.y = top - SIGN_ROOM - CAPTION_DROP;
  for (const l of n.officerLines) {
    for (const part of wrapText(l, c.fonts.regular, SMALL, sealX - c.margin - 12)) {
      c.y -= SMALL * 1.6;
      c.page.drawText(part, { x: c.margin, y: c.y, size: SMALL, font: c.fonts.regular });
    }
  }
  c.y = Math.min(c.y - 8, top - seal - 12);
}

/** Height a block needs at least on the page where its heading is: see heading(). */
function startHeight(c: Cursor, block: NoticeBlock | undefined): number {
  if (!block) return 0;
  switch (block.kind) {
    case 'notary': return notaryText(c, block.notary).height;
    case 'signatures': return BODY * LEAD * 1.6 + SIGN_ROOM + CAPTION_DROP + BODY * LEAD * 2 + 8;
    case 'table': return SMALL * 1.25 * 4 + 12;
    case 'fields': return block.row ? SMALL * LEAD * 2 + BODY * LEAD * 1.4 + 8 : BODY * LEAD * 2;
    default: return BODY * LEAD * 3;
  }
}

export function drawBlocks(c: Cursor, blocks: readonly NoticeBlock[]): void {
  blocks.forEach((block, k) => {
    switch (block.kind) {
      case 'heading': return heading(c, block.text, startHeight(c, blocks[k + 1]));
      case 'fields': return block.row ? fieldRow(c, block.fields) : block.fields.forEach((f) => field(c, f));
      case 'paragraph': return paragraph(c, block.text, block.style);
      case 'items': return items(c, block.items);
      case 'table': return table(c, block.caption, block.columns, block.rows);
      case 'signatures': return signatures(c, block.dateLabel, block.signers);
      case 'notary': return notary(c, block.notary);
    }
  });
}
