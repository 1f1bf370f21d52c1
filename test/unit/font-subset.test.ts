/**
 * The subset font-subset.ts writes is fontkit's, byte for byte: for both DejaVu fonts, for small subsets and one
 * large enough for 32-bit glyph offsets, with composite glyphs (accented letters are built from parts) whose parts
 * join the subset while it is written. And a PDF made through pdf-kit embeds exactly that subset.
 */
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import { withFastSubsetEncoding, type TrueTypeFont, type TrueTypeSubset } from '../../core/documents/pdf/font-subset';

const fonts = loadFontBytes(findResourcesDir());

function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

type Font = TrueTypeFont & { createSubset(): TrueTypeSubset; glyphForCodePoint(code: number): { id: number }; numGlyphs: number };

/** A subset of `font` holding the glyphs of `text` and then `extraIds`, as pdf-lib fills one while drawing. */
function subsetOf(font: Font, text: string, extraIds: number[] = []): TrueTypeSubset {
  const subset = font.createSubset();
  for (const char of text) subset.includeGlyph(font.glyphForCodePoint(char.codePointAt(0)!).id);
  for (const id of extraIds) subset.includeGlyph(id);
  return subset;
}

const TEXTS = [
  'Location notice',
  'Łukasz Peña & O’Brien, Niña Öberg — ¼ section, N 45° 12′ E, 1,500.00 ft',
  'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿ',
  'Claim 12, corner 3',
];

describe('TrueType subsets written without fontkit’s encoder', () => {
  for (const [name, bytes] of Object.entries(fonts)) {
    it(`matches fontkit byte for byte (${name})`, async () => {
      const reference = fontkit.create(bytes) as unknown as Font;
      const fast = fontkit.create(bytes) as unknown as Font;
      // The first subset of a font is fontkit's own (its constant tables are kept from it).
      const first = subsetOf(fast, 'Aa');
      expect(await bytesOf(withFastSubsetEncoding(first).encodeStream())).toEqual(await bytesOf(subsetOf(reference, 'Aa').encodeStream()));
      const many = Array.from({ length: Math.min(2500, reference.numGlyphs) }, (_, i) => i);
      for (const [text, extra] of [...TEXTS.map((t) => [t, []] as const), ['wide', many] as const]) {
        const expected = subsetOf(reference, text, [...extra]);
        const expectedBytes = await bytesOf(expected.encodeStream());
        const actual = withFastSubsetEncoding(subsetOf(fast, text, [...extra]));
        const actualBytes = await bytesOf(actual.encodeStream());
        expect(actualBytes.equals(expectedBytes), `${name}: ${text}`).toBe(true);
        // Composite glyphs' parts were added to the subset the same way (pdf-lib writes its widths from it).
        expect(actual.glyphs).toEqual(expected.glyphs);
      }
      // The large subset needs 32-bit offsets into 'glyf' (head.indexToLocFormat 1).
      const wide = await bytesOf(withFastSubsetEncoding(subsetOf(fast, '', many)).encodeStream());
      const headAt = Array.from({ length: wide.readUInt16BE(4) }, (_, i) => 12 + i * 16).find((entry) => wide.toString('latin1', entry, entry + 4) === 'head')!;
      expect(wide.readInt16BE(wide.readUInt32BE(headAt + 8) + 50)).toBe(1);
    });
  }
});
