/**
 * pdf-lib-speedups.ts prints what each drawing call pushes onto a page's content stream at once, instead of keeping
 * pdf-lib's operator objects until the document is saved. The stream's bytes must be exactly those pdf-lib writes
 * from the objects: checked here against a content stream built from the same operators without push (pdf-lib
 * prints those itself at save), for text, numbers that print with an exponent, names that need escaping, literal
 * strings with non-ASCII characters, paths and every colour space; and through a saved, copied and reloaded page.
 */
import {
  PDFContentStream,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFString,
  cmyk,
  degrees,
  drawLinesOfText,
  drawRectangle,
  drawSvgPath,
  grayscale,
  rgb,
  type PDFPage,
} from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { findResourcesDir, loadFontBytes } from '../../core/documents/fonts';
// Applies the patches, as every PDF ClaimDesk makes does (pdf-kit.ts imports it).
import '../../core/documents/pdf/pdf-lib-speedups';
import { textRuns } from '../helpers/pdf-text-runs';

const fonts = loadFontBytes(findResourcesDir());

/** The bytes pdf-lib writes for these operators, printed at save time from the objects (no push involved). */
function printedAtSave(document: PDFDocument, operators: PDFOperator[][]): Uint8Array {
  const stream = PDFContentStream.of(document.context.obj({}), operators.flat(), false);
  return stream.getUnencodedContents();
}

function pushedNow(document: PDFDocument, operators: PDFOperator[][]): Uint8Array {
  const stream = PDFContentStream.of(document.context.obj({}), [], false);
  for (const call of operators) stream.push(...call);
  return stream.getUnencodedContents();
}

function contentsOf(page: PDFPage): string {
  const stream = (page as unknown as { getContentStream(): PDFContentStream }).getContentStream();
  return Buffer.from(stream.getUnencodedContents()).toString('latin1');
}

describe('drawing calls printed when pushed', () => {
  it('gives the bytes pdf-lib prints from the operator objects', async () => {
    const document = await PDFDocument.create();
    const font = PDFName.of('F1 with space#');
    const calls: PDFOperator[][] = [
      drawLinesOfText([PDFHexString.of('0041004200C3'), PDFHexString.of('')], {
        color: rgb(0.1, 0.25, 1 / 3),
        font,
        size: 10.5,
        lineHeight: 12,
        rotate: degrees(30),
        xSkew: degrees(0),
        ySkew: degrees(-7.25),
        x: 1e-7,
        y: 123456789.125,
      }),
      drawLinesOfText([PDFHexString.of('FFFF')], { color: cmyk(0, 0.5, 1, 0.2), font, size: 8, lineHeight: 9, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0), x: 0, y: -0.5 }),
      drawRectangle({ x: 10, y: 20, width: 30.333, height: 0.1, borderWidth: 0.75, color: grayscale(0.5), borderColor: rgb(1, 0, 0), rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) }),
      drawSvgPath('M 0 0 L 10.5 3.25 C 1 2 3 4 5 6 Z', { x: 5, y: 5, scale: 0.5, color: undefined, borderColor: rgb(0, 0, 0), borderWidth: 1 }),
      [PDFOperator.of('Tj' as never, [PDFString.of('Peña — ¼ (section) \\ end')]), PDFOperator.of('BMC' as never, [PDFName.of('Span'), PDFNumber.of(-0)])],
      [],
    ];
    const expected = printedAtSave(document, calls);
    const actual = pushedNow(document, calls);
    expect(Buffer.from(actual).toString('latin1')).toBe(Buffer.from(expected).toString('latin1'));
    expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
    // And what a push keeps is text, not pdf-lib's objects (that is what lets them die young).
    const stream = PDFContentStream.of(document.context.obj({}), [], false);
    stream.push(...calls[0]!);
    const kept = (stream as unknown as { operators: unknown[] }).operators;
    expect(kept).toHaveLength(1);
    expect(kept[0]).not.toBeInstanceOf(PDFOperator);
  });

  it('keeps a drawn page whole through save, copy and reload', async () => {
    const source = await PDFDocument.create();
    source.registerFontkit(fontkit);
    const regular = await source.embedFont(fonts.regular, { subset: true });
    const page = source.addPage([300, 200]);
    page.drawText('Claim 12, corner 3', { x: 20, y: 150, size: 12, font: regular, color: rgb(0, 0, 0) });
    page.drawLine({ start: { x: 20, y: 140 }, end: { x: 280, y: 140 }, thickness: 0.5 });
    const drawn = contentsOf(page);
    expect(drawn).toContain('Tj');
    expect(drawn).toContain('280 140 l');

    const target = await PDFDocument.create();
    target.registerFontkit(fontkit);
    const [copied] = await target.copyPages(source, [0]);
    target.addPage(copied);
    copied!.drawText('Peña copy', { x: 20, y: 20, size: 10, font: await target.embedFont(fonts.bold, { subset: true }) });
    // Drawing on the copy does not reach back into the page it was copied from.
    expect(contentsOf(page)).toBe(drawn);

    // pdf.js reads both texts back from the saved copy.
    const runs = await textRuns(await target.save({ useObjectStreams: false }));
    expect(runs.map((run) => run.text)).toEqual(['Claim 12, corner 3', 'Peña copy']);
  });
});
