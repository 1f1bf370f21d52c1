/**
 * Speed-ups of pdf-lib and fontkit for the way ClaimDesk uses them, measured on batch exports: each replaces one
 * hot spot with code that gives the same bytes (the package tests compare text and the font-subset test compares
 * bytes). Importing this module applies the patches to the pdf-lib instance this back-end resolves; pdf-kit.ts
 * imports it, so every PDF we make goes through them. Runs only under Node (the back-end and its workers).
 */
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import type { PDFFont, PDFName, PDFPage } from 'pdf-lib';
import { withFastSubsetEncoding, type TrueTypeSubset } from './font-subset';
import { printPushedOperators } from './printed-operators';

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
  assertIsOneOfOrUndefined: (value: unknown, valueName: string, allowed: unknown) => void;
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
/**
 * The same for options checked against an enum (every drawText checks its blend mode): pdf-lib lists the enum's
 * values and copies the list to append undefined, per call. Left out is always allowed; a given value goes to
 * pdf-lib's own check.
 */
const assertIsOneOfOrUndefined = pdfUtils.assertIsOneOfOrUndefined;
pdfUtils.assertIsOneOfOrUndefined = (value: unknown, valueName: string, allowed: unknown): void => {
  if (value !== undefined) assertIsOneOfOrUndefined(value, valueName, allowed);
};

printPushedOperators();

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

export const cachingFontkit = {
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

export function withCachedWidths(font: PDFFont, bytes: Uint8Array): PDFFont {
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
export function withEncodingsKept(font: PDFFont): PDFFont {
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
export function withFontNamesReused(page: PDFPage): PDFPage {
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
