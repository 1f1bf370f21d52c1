/**
 * The small toolkit every PDF document builds on: a document with the embedded DejaVu fonts (so "Łukasz Peña"
 * and "¼" print: the 14 standard PDF fonts only cover WinAnsi), word wrapping that never overflows a line,
 * and a flowing text cursor that starts a new page when one is full. Sizes are PDF points (72 per inch).
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { cachingFontkit, withCachedWidths, withEncodingsKept, withFontNamesReused } from './pdf-lib-speedups';
import { withFastDrawText } from './fast-draw-text';

export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export const INCH = 72;
/** Portrait [width, height] in points. "legal" is the 8.5 × 14 in sheet NV and AZ maps use. */
export const PAGE_SIZES = {
  letter: [8.5 * INCH, 11 * INCH],
  legal: [8.5 * INCH, 14 * INCH],
  tabloid: [11 * INCH, 17 * INCH],
  card: [5 * INCH, 3 * INCH],
} as const satisfies Record<string, readonly [number, number]>;

export const INK = rgb(0, 0, 0);
export const GREY = rgb(0.45, 0.45, 0.45);
export const LIGHT = rgb(0.8, 0.8, 0.8);

export interface PdfMeta {
  title: string;
  subject: string;
  /** Fixed dates make a regenerated package byte-identical when nothing changed (ISO date). */
  preparedOn: string;
  producer: string;
}


export async function createPdf(fonts: FontBytes, meta: PdfMeta): Promise<{ doc: PDFDocument; fonts: PdfFonts }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  // Every page a document gets (addPage goes through insertPage) names its fonts once and prints its text at once.
  const insertPage = doc.insertPage.bind(doc);
  doc.insertPage = (index, page) => withFastDrawText(withFontNamesReused(insertPage(index, page)));
  doc.registerFontkit(cachingFontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const embedded = {
    regular: withEncodingsKept(withCachedWidths(await doc.embedFont(fonts.regular, { subset: true }), fonts.regular)),
    bold: withEncodingsKept(withCachedWidths(await doc.embedFont(fonts.bold, { subset: true }), fonts.bold)),
  };
  const date = new Date(`${meta.preparedOn}T12:00:00Z`);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  doc.setProducer(meta.producer);
  doc.setCreator(meta.producer);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return { doc, fonts: embedded };
}

/** Control characters (other than the ones we split on) would be drawn as missing glyphs: drop them. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

/**
 * Lines of at most `maxWidth` points. Breaks at spaces; a single word longer than the line (a long email or
 * parcel number) is cut by characters rather than overflowing. Explicit newlines are kept.
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string): number => font.widthOfTextAtSize(s, size);
  // A line's width is the sum of its words' and spaces' (no kerning): kept as the line grows, so each word is
  // measured once instead of the whole line again at every word.
  const space = width(' ');
  const out: string[] = [];
  for (const paragraph of cleanText(text).split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      const wordWidth = width(word);
      const candidateWidth = line === '' ? wordWidth : lineWidth + space + wordWidth;
      if (candidateWidth <= maxWidth) {
        line = line === '' ? word : `${line} ${word}`;
        lineWidth = candidateWidth;
        continue;
      }
      if (line !== '') out.push(line);
      let rest = word;
      while (width(rest) > maxWidth && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && width(rest.slice(0, cut)) > maxWidth) cut -= 1;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
      lineWidth = width(rest);
    }
    out.push(line);
  }
  return out;
}

/** The longest prefix of `text` (with "…") that fits `maxWidth`: for table cells and map labels. */
export function fitText(text: string, font: PDFFont, size: number, maxWidth: number): string {
  const clean = cleanText(text).replace(/\n/g, ' ');
  if (font.widthOfTextAtSize(clean, size) <= maxWidth) return clean;
  let cut = clean.length;
  while (cut > 0 && font.widthOfTextAtSize(`${clean.slice(0, cut)}…`, size) > maxWidth) cut -= 1;
  return `${clean.slice(0, cut)}…`;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: RGB;
  indent?: number;
  /** Extra space after the block, in points. */
  after?: number;
}

/**
 * Flows text down a page between margins and opens a new page (with `onNewPage`, e.g. a running header) when
 * the next block does not fit. y is measured from the bottom of the page, as in PDF.
 */
export class TextCursor {
  page: PDFPage;
  y: number;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: PdfFonts,
    readonly pageSize: readonly [number, number],
    readonly margin: number,
    private readonly onNewPage: (page: PDFPage, cursor: TextCursor) => void = () => {},
  ) {
    this.page = doc.addPage([pageSize[0], pageSize[1]]);
    this.y = pageSize[1] - margin;
    onNewPage(this.page, this);
  }

  get width(): number {
    return this.pageSize[0] - 2 * this.margin;
  }

  newPage(): void {
    this.page = this.doc.addPage([this.pageSize[0], this.pageSize[1]]);
    this.y = this.pageSize[1] - this.margin;
    this.onNewPage(this.page, this);
  }

  /** Make room for `height` points, starting a new page when the current one has less. */
  ensure(height: number): void {
    if (this.y - height < this.margin) this.newPage();
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const indent = style.indent ?? 0;
    const leading = size * 1.3;
    for (const line of wrapText(text, font, size, this.width - indent)) {
      this.ensure(leading);
      this.y -= leading;
      if (line !== '') {
        this.page.drawText(line, { x: this.margin + indent, y: this.y + size * 0.25, size, font, color: style.color ?? INK });
      }
    }
    this.y -= style.after ?? 0;
  }

  /** "Label: value", with a blank rule to write on when the value is empty (a field filled in by hand). */
  field(label: string, value: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const labelText = `${label}: `;
    const labelWidth = this.fonts.bold.widthOfTextAtSize(labelText, size);
    const indent = style.indent ?? 0;
    const leading = size * 1.3;
    if (value.trim() === '') {
      this.ensure(leading * 1.4);
      this.y -= leading * 1.4;
      const x = this.margin + indent;
      this.page.drawText(labelText, { x, y: this.y + size * 0.25, size, font: this.fonts.bold });
      this.page.drawLine({
        start: { x: x + labelWidth, y: this.y + size * 0.1 },
        end: { x: this.margin + this.width, y: this.y + size * 0.1 },
        thickness: 0.5,
        color: GREY,
      });
      this.y -= style.after ?? 0;
      return;
    }
    const lines = wrapText(value, this.fonts.regular, size, this.width - indent - labelWidth);
    lines.forEach((line, k) => {
      this.ensure(leading);
      this.y -= leading;
      if (k === 0) this.page.drawText(labelText, { x: this.margin + indent, y: this.y + size * 0.25, size, font: this.fonts.bold });
      this.page.drawText(line, { x: this.margin + indent + labelWidth, y: this.y + size * 0.25, size, font: this.fonts.regular });
    });
    this.y -= style.after ?? 0;
  }

  gap(points: number): void {
    this.y -= points;
  }

  rule(): void {
    this.ensure(6);
    this.y -= 3;
    this.page.drawLine({ start: { x: this.margin, y: this.y }, end: { x: this.margin + this.width, y: this.y }, thickness: 0.5, color: LIGHT });
    this.y -= 3;
  }
}

/**
 * Saves without object streams (they deflate every object a second time, for a few percent of file size) and
 * without yielding to the event loop every 50 objects: documents are made in a worker thread, where there is
 * nothing else to yield to.
 */
export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
}
