/**
 * Every text run of a PDF with its font size, read with pdf.js (getTextContent): what a recorder's ten-point
 * rule is about. The size of a run is the height of its glyphs in page space, |(c, d)| of the run's transform, so
 * rotated text (northings beside the neatline) is measured too.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextRun {
  page: number;
  text: string;
  size: number;
}

export async function textRuns(bytes: Uint8Array): Promise<TextRun[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const runs: TextRun[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p += 1) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , c, d] = item.transform as number[];
        runs.push({ page: p, text: item.str, size: Math.hypot(c!, d!) });
      }
    }
  } finally {
    await doc.destroy();
  }
  return runs;
}

/** Runs smaller than `minPt` (0.01 pt allowance for rounding in the content stream). */
export async function runsBelow(bytes: Uint8Array, minPt: number): Promise<TextRun[]> {
  return (await textRuns(bytes)).filter((run) => run.size < minPt - 0.01);
}
