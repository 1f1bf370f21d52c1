/**
 * What pdf-kit changes in pdf-lib's output, read back the way a PDF reader does: each page names each font once
 * however often it draws with it, text drawn many times (and with both fonts in turn) still reads back as written,
 * a number pdf-lib would print with an exponent still gets plain decimals (PDF has no exponent notation), and a
 * drawing option of the wrong type is still refused as pdf-lib refuses it.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFFont, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
import { createPdf, savePdf, wrapText } from '../../core/documents/pdf/pdf-kit';
import { makeTempDir } from '../helpers/temp-dir';

const temp = makeTempDir('claimdesk-pdf-kit-');
afterAll(() => temp.cleanup());

const meta = { title: 'Test', subject: 'pdf-kit', preparedOn: '2026-11-22', producer: 'ClaimDesk test' };

async function drawnTwoPages(): Promise<Uint8Array> {
  const { doc, fonts } = await createPdf(loadFontBytes(findResourcesDir()), meta);
  for (let p = 0; p < 2; p += 1) {
    const page = doc.addPage([612, 792]);
    for (let line = 0; line < 40; line += 1) {
      const font = line % 2 === 0 ? fonts.regular : fonts.bold;
      page.drawText(line % 3 === 0 ? 'Łukasz Peña & O’Brien' : `Line ${line} of page ${p + 1}`, { x: 54, y: 740 - line * 16, size: 10, font });
    }
  }
  return savePdf(doc);
}

function fontNamesOfPages(doc: PDFDocument): string[][] {
  return doc.getPages().map((page) => {
    const resources = page.node.Resources()!;
    const fonts = resources.lookup(PDFName.of('Font'), PDFDict);
    return fonts.keys().map((key) => key.decodeText());
  });
}

describe('pdf-kit', () => {
  it('names each font once per page, however many times it draws with it', async () => {
    const bytes = await drawnTwoPages();
    const names = fontNamesOfPages(await PDFDocument.load(bytes));
    expect(names).toHaveLength(2);
    for (const page of names) expect(page).toHaveLength(2);
  });

  it('reads back every line as drawn, the repeated ones and both fonts included', async () => {
    const file = join(temp.dir, 'lines.pdf');
    writeFileSync(file, await drawnTwoPages());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text.match(/Łukasz Peña & O’Brien/g)).toHaveLength(2 * 14);
    expect(text).toContain('Line 1 of page 1');
    expect(text).toContain('Line 38 of page 2');
  });

  it('measures text as pdf-lib does, and wraps it within the width without losing a character', async () => {
    const { fonts } = await createPdf(loadFontBytes(findResourcesDir()), meta);
    const text = 'Łukasz Peña & O’Brien, LLC: 1,500.00 ft N 45°30′ E of 𝔸 post, parcel APN-0012345678901234567890123456 by the creek\nSecond paragraph';
    for (const font of [fonts.regular, fonts.bold]) {
      const flat = text.replace('\n', ' ');
      expect(font.widthOfTextAtSize(flat, 10)).toBeCloseTo(PDFFont.prototype.widthOfTextAtSize.call(font, flat, 10), 6);
      const lines = wrapText(text, font, 10, 120);
      expect(lines.length).toBeGreaterThan(4);
      for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(120);
      expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      expect(lines.at(-1)).toBe('Second paragraph');
    }
  });

  it('prints numbers pdf-lib would write with an exponent in plain decimals', async () => {
    const { doc } = await createPdf(loadFontBytes(findResourcesDir()), meta);
    const page = doc.addPage([612, 792]);
    page.drawLine({ start: { x: 1e-7, y: 100.25 }, end: { x: 300, y: 2.5e21 }, thickness: 1 });
    const loaded = await PDFDocument.load(await savePdf(doc));
    const contents = loaded.getPages()[0]!.node.Contents()!;
    const stream = loaded.context.lookup(contents instanceof PDFRawStream ? contents : (contents as unknown as { get(i: number): never }).get(0));
    const ops = new TextDecoder().decode(decodePDFRawStream(stream as PDFRawStream).decode());
    // pdf-lib's own decimals for 1e-7 (0.0000000999…): what matters is that no exponent reaches the reader.
    expect(ops).toMatch(/\b0\.000000\d+ 100\.25 m/);
    expect(ops).toContain('300 2500000000000000000000 l');
    expect(ops).not.toMatch(/\de[-+]?\d/);
  });

  it('still refuses a drawing option of the wrong type with pdf-lib’s own message, and takes one left out', async () => {
    const { doc, fonts } = await createPdf(loadFontBytes(findResourcesDir()), meta);
    const page = doc.addPage([612, 792]);
    // pdf-lib's message as it is (it prints 'undefined' as `n`).
    expect(() => page.drawText('x', { size: '10' as unknown as number, font: fonts.regular })).toThrow(
      new TypeError('`options.size` must be of type `number` or `n`, but was actually of type `string`'),
    );
    expect(() => page.drawText('x', { font: fonts.bold, size: 10, color: undefined })).not.toThrow();
  });
});
