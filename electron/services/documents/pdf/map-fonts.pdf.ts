/**
 * Fast text measuring and encoding for the maps. pdf-lib shapes every string with fontkit's full OpenType layout
 * (GSUB/GPOS) both to measure and to encode it: about 10 ms per font per document to decode those tables, then
 * 0.1–0.3 ms a call, and a map measures and draws many hundreds of short labels. pdf-lib then draws the glyphs
 * with their plain advance widths (no kerning), so a map label is exactly its characters' glyphs side by side:
 * each character is looked up in the cmap once per document and its width and subset code reused.
 *
 * This reaches into pdf-lib 1.17's subset embedder (the same steps as its encodeText, minus shaping). When that
 * shape is not found, it falls back to shaping each character once through the public methods. The fonts are this
 * document's own PDFFont objects; only those instances are changed. The text loses ligatures ("fi" is drawn
 * as f + i), which a map label does not need.
 */
import { PDFHexString, type PDFFont } from 'pdf-lib';
import type { PdfFonts } from './pdf-kit';

interface Glyph {
  id: number;
  advanceWidth: number;
}

/** What pdf-lib's CustomFontSubsetEmbedder holds (private API, checked before use). */
interface SubsetEmbedder {
  font: { glyphForCodePoint(codePoint: number): Glyph };
  scale: number;
  subset: { includeGlyph(glyph: Glyph): number };
  glyphs: Glyph[];
  glyphIdMap: Map<number, number>;
}

function subsetEmbedder(font: PDFFont): SubsetEmbedder | null {
  const e = (font as unknown as { embedder?: Partial<SubsetEmbedder> }).embedder;
  const ok =
    !!e &&
    typeof e.font?.glyphForCodePoint === 'function' &&
    typeof e.scale === 'number' &&
    typeof e.subset?.includeGlyph === 'function' &&
    Array.isArray(e.glyphs) &&
    e.glyphIdMap instanceof Map;
  return ok ? (e as SubsetEmbedder) : null;
}

interface CharInfo {
  /** Width at 1 pt. */
  width: number;
  hex: string;
}

function charLookup(font: PDFFont): (ch: string) => CharInfo {
  const embedder = subsetEmbedder(font);
  const measure = font.widthOfTextAtSize.bind(font);
  const encode = font.encodeText.bind(font);
  const cache = new Map<string, CharInfo>();
  return (ch) => {
    let info = cache.get(ch);
    if (info) return info;
    if (embedder) {
      const glyph = embedder.font.glyphForCodePoint(ch.codePointAt(0)!);
      const subsetId = embedder.subset.includeGlyph(glyph);
      embedder.glyphs[subsetId - 1] = glyph;
      embedder.glyphIdMap.set(glyph.id, subsetId);
      (font as unknown as { modified: boolean }).modified = true;
      info = { width: (glyph.advanceWidth * embedder.scale) / 1000, hex: subsetId.toString(16).toUpperCase().padStart(4, '0') };
    } else {
      info = { width: measure(ch, 1000) / 1000, hex: encode(ch).asString() };
    }
    cache.set(ch, info);
    return info;
  };
}

const patched = new WeakSet<PDFFont>();

function speedUp(font: PDFFont): void {
  if (patched.has(font)) return;
  patched.add(font);
  const lookup = charLookup(font);
  font.widthOfTextAtSize = (text: string, size: number): number => {
    let total = 0;
    for (const ch of text) total += lookup(ch).width;
    return total * size;
  };
  font.encodeText = (text: string): PDFHexString => {
    let hex = '';
    for (const ch of text) hex += lookup(ch).hex;
    return PDFHexString.of(hex);
  };
}

export function fastFonts(fonts: PdfFonts): PdfFonts {
  speedUp(fonts.regular);
  speedUp(fonts.bold);
  return fonts;
}
