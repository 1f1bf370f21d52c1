/**
 * The small toolkit every PDF document builds on: a document with the embedded DejaVu fonts (so "Łukasz Peña"
 * and "¼" print: the 14 standard PDF fonts only cover WinAnsi), word wrapping that never overflows a line,
 * and a flowing text cursor that starts a new page when one is full. Sizes are PDF points (72 per inch).
 */
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFName, type PDFPage, type RGB } from 'pdf-lib';
import { withFastSubsetEncoding, type TrueTypeSubset } from './font-subset';

/**
 * pdf-lib compresses every content stream and embedded font with pako, pure-JavaScript deflate, which took a
 * quarter of a package's time. Node's zlib writes the same zlib format natively, several times faster. pdf-lib
 * looks `deflate` up on pako's module object at each call, so replacing it there (the instance pdf-lib itself
 * resolves) switches every PDF we make; this module only runs under Node (the back-end and its workers).
 */
const pako = createRequire(createRequire(__filename).resolve('pdf-lib'))('pako') as { deflate: (data: Uint8Array) => Uint8Array };
/**
 * Level 3 (zlib's fast strategy) instead of the default 6: measured on 8-claim packages, deflating took about
 * 12 ms a package instead of 50 (a fifth of all the package cost) for streams 7 % larger, a few kB a package.
 * Still deterministic: the same zlib makes the same bytes.
 */
const DEFLATE_LEVEL = 3;
pako.deflate = (data: Uint8Array): Uint8Array => deflateSync(data, { level: DEFLATE_LEVEL });

/**
 * Every number drawn becomes a PDFNumber, whose text pdf-lib makes by printing the number, then printing and
 * splitting it again to look for an exponent ("1e-7"), which our numbers almost never have. Printing once and
 * handing only a printed exponent to pdf-lib's own function gives the same text. pdf-lib reads the function from
 * its utils module at each call, as with pako above.
 */
const pdfUtils = createRequire(createRequire(__filename).resolve('pdf-lib'))('./utils') as {
  numberToString: (num: number) => string;
  isType: (value: unknown, type: unknown) => boolean;
  assertOrUndefined: (value: unknown, valueName: string, types: unknown[]) => void;
};
const exponentSafe = pdfUtils.numberToString;
pdfUtils.numberToString = (num: number): string => {
  const text = String(num);
  return text.includes('e') ? exponentSafe(num) : text;
};

/**
 * pdf-lib checks every option of every drawing call with assertOrUndefined, which first copies the list of allowed
 * types to append 'undefined' (an array per option per call: a few percent of a package's time, and garbage). An
 * option left out, or of an allowed type, passes here without the copy; anything else goes to pdf-lib's own check,
 * which throws its own error.
 */
const assertOrUndefined = pdfUtils.assertOrUndefined;
pdfUtils.assertOrUndefined = (value: unknown, valueName: string, types: unknown[]): void => {
  if (value === undefined) return;
  for (let i = 0; i < types.length; i += 1) if (pdfUtils.isType(value, types[i])) return;
  assertOrUndefined(value, valueName, types);
};

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

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
}
interface FontkitFont {
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  layout(text: string, features?: unknown): { glyphs: FontkitGlyph[] };
  createSubset(): TrueTypeSubset;
}

/** Parsed fonts by their bytes: a package embeds the same two fonts in five PDFs, and parsing takes ~10 ms each. */
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

/**
 * fontkit's layout() runs the full OpenType shaper (~0.3 ms a call) for every width measured and every string
 * drawn, which made a notice page cost several milliseconds. Our text is Latin, set left to right with no
 * ligatures or kerning (pdf-lib ignores glyph positions anyway), so mapping each code point to its glyph
 * through the cmap gives the same glyphs and advances, cached per code point.
 */
function withFastLayout(font: FontkitFont): FontkitFont {
  const glyphs = new Map<number, FontkitGlyph>();
  font.layout = (text: string) => {
    const out: FontkitGlyph[] = [];
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      let glyph = glyphs.get(codePoint);
      if (!glyph) {
        glyph = font.glyphForCodePoint(codePoint);
        glyphs.set(codePoint, glyph);
      }
      out.push(glyph);
    }
    return { glyphs: out };
  };
  return font;
}

const cachingFontkit = {
  create(bytes: Uint8Array): FontkitFont {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = withFastLayout(fontkit.create(bytes) as unknown as FontkitFont);
      // pdf-lib asks the font for a new subset per PDF and has it written when the PDF is saved.
      const createSubset = font.createSubset.bind(font);
      font.createSubset = () => withFastSubsetEncoding(createSubset());
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

/**
 * Text is measured far more often than drawn (wrapping tries every word). pdf-lib sums glyph advances with no
 * kerning, so a string's width is the sum of its characters' widths at size 1, times the size: cache those.
 */
/** Widths at size 1 of one font file's characters: those of the Basic Multilingual Plane by code unit (NaN until measured), the rest by character. */
interface CharWidths {
  bmp: Float64Array;
  astral: Map<string, number>;
}

const charWidths = new WeakMap<Uint8Array, CharWidths>();

function withCachedWidths(font: PDFFont, bytes: Uint8Array): PDFFont {
  const measure = font.widthOfTextAtSize.bind(font);
  // Kept per font file, not per document: a package's PDFs (and a batch's hundreds) share it.
  let known = charWidths.get(bytes);
  if (!known) {
    known = { bmp: new Float64Array(0x10000).fill(Number.NaN), astral: new Map() };
    charWidths.set(bytes, known);
  }
  const { bmp, astral } = known;
  // Measuring is the hottest loop of a package (wrapping measures every word): code units, not an iterator.
  font.widthOfTextAtSize = (text: string, size: number): number => {
    let total = 0;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      let width = bmp[code]!;
      if (Number.isNaN(width)) {
        const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? text.slice(i, i + 2) : null;
        if (pair) {
          i += 1;
          width = astral.get(pair) ?? measure(pair, 1);
          astral.set(pair, width);
        } else {
          width = measure(text[i]!, 1);
          bmp[code] = width;
        }
      }
      total += width;
    }
    return total * size;
  };
  return font;
}

/**
 * A document draws the same strings over and over (labels, headings, a claim's name on every page); pdf-lib
 * encodes each one glyph by glyph every time. The encoding of a string does not change within a document (its
 * glyphs are in the subset from the first time on), so keep it per font per document.
 */
function withEncodingsKept(font: PDFFont): PDFFont {
  const encode = font.encodeText.bind(font);
  const encoded = new Map<string, ReturnType<PDFFont['encodeText']>>();
  font.encodeText = (text: string) => {
    let hex = encoded.get(text);
    if (!hex) {
      hex = encode(text);
      encoded.set(text, hex);
    }
    return hex;
  };
  return font;
}

/**
 * pdf-lib's drawText({ font }) files the font in the page's resources under a new random name every time it is
 * called, and once more when it restores the page's previous font: a notice page carried hundreds of copies of the
 * same two fonts, and each new name scans the page's font dictionary and stays in pdf-lib's global name table
 * for as long as the thread lives (a batch export's workers grew and spent their time collecting garbage). Each
 * page here files each font once and reuses that name.
 */
function withFontNamesReused(page: PDFPage): PDFPage {
  const names = new Map<PDFFont, PDFName>();
  const state = page as unknown as { font?: PDFFont; fontKey?: PDFName };
  page.setFont = (font: PDFFont): void => {
    let name = names.get(font);
    if (!name) {
      name = page.node.newFontDictionary(font.name, font.ref);
      names.set(font, name);
    }
    state.font = font;
    state.fontKey = name;
  };
  return page;
}

export async function createPdf(fonts: FontBytes, meta: PdfMeta): Promise<{ doc: PDFDocument; fonts: PdfFonts }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  // Every page a document gets (addPage goes through insertPage) names its fonts once.
  const insertPage = doc.insertPage.bind(doc);
  doc.insertPage = (index, page) => withFontNamesReused(insertPage(index, page));
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
