/**
 * fast-draw-text.ts prints page.drawText's operators itself for the calls ClaimDesk makes. The same calls drawn
 * through pdf-lib's own drawText and through the fast one must give the same document, byte for byte: text in both
 * fonts, sizes, colours of each kind, rotations in degrees and radians, line heights, several lines, the
 * characters pdf-lib cleans, numbers that print with an exponent, the page's own font kept across a call, and
 * options only pdf-lib's drawText handles (wrapping, opacity, skew).
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFPage, cmyk, degrees, grayscale, radians, rgb, type PDFFont } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import { withFastDrawText } from '../../core/documents/pdf/fast-draw-text';
import { withFontNamesReused } from '../../core/documents/pdf/pdf-lib-speedups';

const fonts = loadFontBytes(findResourcesDir());

type Draw = (page: PDFPage, regular: PDFFont, bold: PDFFont) => void;

const CALLS: Draw[] = [
  (page, regular) => page.drawText('Location notice', { x: 54, y: 740, size: 16, font: regular }),
  (page, _, bold) => page.drawText('Claim 12, corner 3', { x: 54.25, y: 700.125, size: 10, font: bold, color: rgb(0.1, 0.2, 1 / 3) }),
  (page, regular) => page.drawText('Peña & O’Brien — ¼ section\tN 45° E', { x: 1e-7, y: 5e21, size: 9.5, font: regular, color: grayscale(0.4) }),
  (page, regular) => page.drawText('first line\nsecond\r\nthird\u2028fourth\u000bfifth\b', { x: 10, y: 400, size: 11, font: regular, lineHeight: 13.2 }),
  (page, _, bold) => page.drawText('N 0+00 rotated', { x: 300, y: 300, size: 8, font: bold, rotate: degrees(90), color: cmyk(0, 0.5, 1, 0.2) }),
  (page, regular) => page.drawText('radians', { x: -20, y: 30, size: 12, font: regular, rotate: radians(-0.3) }),
  (page, regular) => page.drawText('', { x: 0, y: 0, size: 0, font: regular }),
  (page, regular) => page.drawText('wrapped by pdf-lib because a maximum width is given to it here', { x: 20, y: 200, size: 10, font: regular, maxWidth: 120 }),
  (page, _, bold) => page.drawText('half seen', { x: 20, y: 150, size: 10, font: bold, opacity: 0.5 }),
  (page, regular) => page.drawText('skewed', { x: 20, y: 120, size: 10, font: regular, xSkew: degrees(10) }),
];

async function drawAll(fast: boolean, pageFont: 'regular' | 'none'): Promise<{ bytes: Buffer; pages: number }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const page = withFontNamesReused(doc.addPage([612, 792]));
  if (fast) withFastDrawText(page);
  if (pageFont === 'regular') page.setFont(regular);
  for (const draw of CALLS) draw(page, regular, bold);
  // A call without a font uses the page's (pdf-lib's own drawText handles it; Helvetica when the page has none).
  page.drawText('page font', { x: 20, y: 60 });
  return { bytes: Buffer.from(await doc.save({ useObjectStreams: false })), pages: doc.getPageCount() };
}

describe('drawText printed directly', () => {
  for (const pageFont of ['none', 'regular'] as const) {
    it(`gives the document pdf-lib's drawText gives (page font: ${pageFont})`, async () => {
      const expected = await drawAll(false, pageFont);
      const actual = await drawAll(true, pageFont);
      expect(actual.pages).toBe(1);
      expect(actual.bytes.length).toBe(expected.bytes.length);
      expect(actual.bytes.equals(expected.bytes)).toBe(true);
    });
  }

  it('takes the fast path for plain calls only, and leaves the page its own font', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const regular = await doc.embedFont(fonts.regular, { subset: true });
    const bold = await doc.embedFont(fonts.bold, { subset: true });
    const original = vi.spyOn(PDFPage.prototype, 'drawText');
    try {
      const page = withFastDrawText(withFontNamesReused(doc.addPage()));
      page.drawText('plain', { x: 1, y: 2, size: 10, font: regular, color: rgb(0, 0, 0), rotate: degrees(90), lineHeight: 12 });
      expect(original).not.toHaveBeenCalled();
      page.drawText('wrapped', { x: 1, y: 2, size: 10, font: regular, maxWidth: 50 });
      page.drawText('no font', { x: 1, y: 2 });
      expect(original).toHaveBeenCalledTimes(2);
      // A value of the wrong type is refused by pdf-lib's own check, with its message.
      expect(() => page.drawText('x', { size: '10' as unknown as number, font: regular })).toThrow(/options\.size/);
      expect(() => page.drawText('x', { font: regular, color: 'red' as never })).toThrow(/options\.color/);
      expect(original).toHaveBeenCalledTimes(4);
      const fontOf = (): PDFFont | undefined => (page as unknown as { font?: PDFFont }).font;
      page.setFont(bold);
      page.drawText('regular, then bold again', { x: 1, y: 2, size: 10, font: regular });
      // Compared as a boolean: a failing toBe would print the whole font object (its document, its fontkit tables).
      expect(fontOf() === bold).toBe(true);
    } finally {
      original.mockRestore();
    }
  });
});
