/**
 * Fast text measuring and encoding for the notices and corner cards. pdf-lib runs fontkit's full OpenType layout
 * (about 0.1 ms for DejaVu) on every width measured and every string drawn; word wrapping measures each growing
 * line, so layout was 90 % of a notice's time. Here each character is laid out once per document and cached:
 * a string is measured as the sum of its characters' advances and encoded as their glyphs in a row.
 * That is exactly what pdf-lib would draw for Latin text (it applies no kerning) except ligatures (fi, ffi),
 * which this skips: the text is then a hair wider, but measured and drawn alike, so what fits a line still fits,
 * and the copied text is the plain letters. Strings with combining marks keep pdf-lib's own shaping.
 */
import { PDFHexString, type PDFFont } from 'pdf-lib';
import type { FontBytes, PdfFonts } from './pdf-kit';

const COMBINING = /\p{M}/u;

/** Advance widths depend only on the font file, so they outlive one document (keyed by the font's bytes). */
const widthsByFont = new WeakMap<Uint8Array, Map<string, number>>();

function widthTable(bytes: Uint8Array): Map<string, number> {
  let table = widthsByFont.get(bytes);
  if (!table) widthsByFont.set(bytes, (table = new Map()));
  return table;
}

function withGlyphCache(font: PDFFont, widths: Map<string, number>): PDFFont {
  const glyphs = new Map<string, { width: number; hex: string }>();
  const glyph = (ch: string): { width: number; hex: string } => {
    let known = glyphs.get(ch);
    if (known === undefined) {
      let width = widths.get(ch);
      if (width === undefined) widths.set(ch, (width = font.widthOfTextAtSize(ch, 1000)));
      // encodeText also adds the glyph to this document's font subset, once.
      known = { width, hex: font.encodeText(ch).asString() };
      glyphs.set(ch, known);
    }
    return known;
  };
  const fast = Object.create(font) as PDFFont;
  fast.widthOfTextAtSize = (text: string, size: number): number => {
    if (COMBINING.test(text)) return font.widthOfTextAtSize(text, size);
    let total = 0;
    for (const ch of text) total += glyph(ch).width;
    return (total * size) / 1000;
  };
  fast.encodeText = (text: string): PDFHexString => {
    if (COMBINING.test(text)) return font.encodeText(text);
    let hex = '';
    for (const ch of text) hex += glyph(ch).hex;
    return PDFHexString.of(hex);
  };
  // Through the prototype, embed() would read and write the copy's state instead of the real font's.
  fast.embed = () => font.embed();
  return fast;
}

/**
 * The same fonts with cached per-character widths and glyphs. Call once per document (glyph ids belong to that
 * document's font subset); `source` is the font files the document embedded.
 */
export function fastFonts(fonts: PdfFonts, source: FontBytes): PdfFonts {
  return { regular: withGlyphCache(fonts.regular, widthTable(source.regular)), bold: withGlyphCache(fonts.bold, widthTable(source.bold)) };
}
