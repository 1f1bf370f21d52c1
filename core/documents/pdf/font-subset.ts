/**
 * The TrueType subset a PDF embeds, written without fontkit's generic table encoder. fontkit decodes every glyph
 * of the subset point by point (only to learn whether it is a composite) and re-encodes the font's constant
 * tables (cvt, prep, fpgm: thousands of numbers, one call each) for every PDF: a tenth of a package's time. The
 * bytes are the same as fontkit's: the constant tables are taken from fontkit's own first subset of the font,
 * glyphs are copied from the font file as fontkit copies them, and the table directory is laid out as fontkit
 * lays it out (tables in fontkit's order, no padding, checksums 0). test/unit/font-subset.test.ts compares both.
 */
import { Readable } from 'node:stream';

/** The parts of a fontkit TTFFont and TTFSubset this module reads (fontkit has no types for them). */
export interface TrueTypeFont {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  loca: { offsets: number[] };
  getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number }; _decode(): { components?: { glyphID: number; pos: number }[] } | null };
  _variationProcessor?: unknown;
}

export interface TrueTypeSubset {
  font: TrueTypeFont;
  glyphs: number[];
  includeGlyph(id: number): number;
  encodeStream(): NodeJS.ReadableStream;
}

interface GlyphData {
  bytes: Uint8Array;
  /** A composite glyph's parts: where in `bytes` each part's glyph id is written. */
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

interface FontParts {
  /** fontkit's tables in its order, with the bytes of those that do not depend on the subset. */
  tables: { tag: string; bytes: Uint8Array | null }[];
  glyphs: Map<number, GlyphData>;
}

/** The tables fontkit writes for a TrueType subset, and which of them it makes from the subset's glyphs. */
const MADE_PER_SUBSET = new Set(['loca', 'glyf', 'hmtx']);
const HEAD_INDEX_TO_LOC_FORMAT = 50;
const HHEA_NUMBER_OF_METRICS = 34;
const MAXP_NUM_GLYPHS = 4;

const partsByFont = new WeakMap<TrueTypeFont, FontParts>();

/** Makes `subset` write itself the fast way once fontkit has written one subset of the same font. */
export function withFastSubsetEncoding<S extends TrueTypeSubset>(subset: S): S {
  const font = subset.font;
  // A variable font's glyphs are re-drawn for its instance: fontkit's path only.
  if (font._variationProcessor || !font.directory.tables.glyf || !font.directory.tables.loca) return subset;
  const encodeStream = subset.encodeStream.bind(subset);
  subset.encodeStream = () => {
    const parts = partsByFont.get(font);
    if (parts) return Readable.from([encodeSubset(subset, parts)], { objectMode: false });
    // The first subset of this font: fontkit's own bytes, from which the constant tables are kept.
    const stream = encodeStream();
    const chunks: Uint8Array[] = [];
    stream.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    stream.on('end', () => {
      if (!partsByFont.has(font)) partsByFont.set(font, { tables: readTables(Buffer.concat(chunks)), glyphs: new Map() });
    });
    return stream;
  };
  return subset;
}

function readTables(file: Buffer): FontParts['tables'] {
  const count = file.readUInt16BE(4);
  const tables: FontParts['tables'] = [];
  for (let i = 0; i < count; i += 1) {
    const entry = 12 + i * 16;
    const tag = file.toString('latin1', entry, entry + 4);
    const offset = file.readUInt32BE(entry + 8);
    const length = file.readUInt32BE(entry + 12);
    tables.push({ tag, bytes: MADE_PER_SUBSET.has(tag) ? null : Uint8Array.prototype.slice.call(file, offset, offset + length) });
  }
  return tables;
}

function glyphData(font: TrueTypeFont, parts: FontParts, id: number): GlyphData {
  let data = parts.glyphs.get(id);
  if (data) return data;
  const glyf = font.directory.tables.glyf!;
  const start = glyf.offset + font.loca.offsets[id]!;
  const bytes = font.stream.buffer.subarray(start, glyf.offset + font.loca.offsets[id + 1]!);
  // numberOfContours < 0 marks a composite glyph (OpenType 'glyf'); only those need decoding, for their parts.
  const composite = bytes.length >= 2 && ((bytes[0]! << 8) | bytes[1]!) & 0x8000;
  const glyph = font.getGlyph(id);
  const components = composite ? (glyph._decode()?.components ?? []).map(({ glyphID, pos }) => ({ glyphID, pos })) : null;
  data = { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
  parts.glyphs.set(id, data);
  return data;
}

function encodeSubset(subset: TrueTypeSubset, parts: FontParts): Buffer {
  const glyphs: Uint8Array[] = [];
  const offsets: number[] = [];
  const metrics: number[] = [];
  let offset = 0;
  // Composite glyphs add their parts to the subset while it is written, as in fontkit: no cached length.
  for (let i = 0; i < subset.glyphs.length; i += 1) {
    const data = glyphData(subset.font, parts, subset.glyphs[i]!);
    let bytes = data.bytes;
    if (data.components) {
      const copy = Buffer.from(bytes);
      for (const component of data.components) copy.writeUInt16BE(subset.includeGlyph(component.glyphID), component.pos);
      bytes = copy;
    }
    glyphs.push(bytes);
    offsets.push(offset);
    metrics.push(data.advance, data.bearing);
    offset += bytes.length;
  }
  offsets.push(offset);
  const longOffsets = offset > 0xffff;
  const loca = Buffer.alloc(offsets.length * (longOffsets ? 4 : 2));
  offsets.forEach((value, i) => (longOffsets ? loca.writeUInt32BE(value, i * 4) : loca.writeUInt16BE(value >>> 1, i * 2)));
  const hmtx = Buffer.alloc(metrics.length * 2);
  for (let i = 0; i < metrics.length; i += 2) {
    hmtx.writeUInt16BE(metrics[i]!, i * 2);
    hmtx.writeInt16BE(metrics[i + 1]!, i * 2 + 2);
  }
  const count = glyphs.length;
  const made: Record<string, Uint8Array> = { loca, glyf: Buffer.concat(glyphs), hmtx };
  const tables = parts.tables.map(({ tag, bytes }) => {
    if (!bytes) return { tag, bytes: made[tag]! };
    if (tag !== 'head' && tag !== 'hhea' && tag !== 'maxp') return { tag, bytes };
    const copy = Buffer.from(bytes);
    if (tag === 'head') copy.writeInt16BE(longOffsets ? 1 : 0, HEAD_INDEX_TO_LOC_FORMAT);
    if (tag === 'hhea') copy.writeUInt16BE(count, HHEA_NUMBER_OF_METRICS);
    if (tag === 'maxp') copy.writeUInt16BE(count, MAXP_NUM_GLYPHS);
    return { tag, bytes: copy };
  });
  // The table directory as fontkit writes it (OpenType 'sfnt' header; fontkit tags it 'true', leaves checksums 0).
  const header = Buffer.alloc(12 + tables.length * 16);
  header.write('true', 0, 'latin1');
  const power = 2 ** Math.floor(Math.log2(tables.length));
  header.writeUInt16BE(tables.length, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(tables.length * 16 - power * 16, 10);
  let at = header.length;
  tables.forEach(({ tag, bytes }, i) => {
    const entry = 12 + i * 16;
    header.write(tag, entry, 'latin1');
    header.writeUInt32BE(at, entry + 8);
    header.writeUInt32BE(bytes.length, entry + 12);
    at += bytes.length;
  });
  return Buffer.concat([header, ...tables.map(({ bytes }) => bytes)]);
}
