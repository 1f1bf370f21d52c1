/**
 * One rectangle of a PDF page as a PNG, rendered by pdf.js (the renderer's own PDF engine) on a Skia canvas
 * (@napi-rs/canvas, the canvas pdf.js uses under Node). Used for the KMZ's ground overlays: the map frame of
 * each claim-map sheet exactly as printed, with the white paper made transparent so the globe shows through.
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PaperRect } from '../../shared/documents/map-frame';

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js is ESM-only and large: loaded on the first KMZ, never at start-up. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

export interface RasterPage {
  page: number;
  /** The rectangle on the page, PDF points from the bottom-left. */
  rect: PaperRect;
}

/** Each rectangle at `dpi`, as PNG bytes; paper becomes transparent and light grey fills translucent. */
export async function rasterizeRects(pdf: Uint8Array, rects: readonly RasterPage[], dpi: number): Promise<Uint8Array[]> {
  const [{ getDocument }, { createCanvas }] = await Promise.all([loadPdfJs(), import('@napi-rs/canvas')]);
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const scale = dpi / 72;
    const out: Uint8Array[] = [];
    for (const { page: number, rect } of rects) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      // pdf.js types its canvas as the DOM's; under Node it is handed the Skia canvas, which has the same API.
      type RenderParameters = Parameters<typeof page.render>[0];
      await page.render({ canvas: canvas as unknown as RenderParameters['canvas'], canvasContext: canvas.getContext('2d') as unknown as RenderParameters['canvasContext'], viewport }).promise;
      const [x, y] = [Math.round(rect.x * scale), Math.round(viewport.height - (rect.y + rect.h) * scale)];
      const [w, h] = [Math.round(rect.w * scale), Math.round(rect.h * scale)];
      const image = canvas.getContext('2d').getImageData(x, y, w, h);
      const px = image.data;
      for (let i = 0; i < px.length; i += 4) {
        const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
        const lightGrey = Math.max(r, g, b) - Math.min(r, g, b) < 8 && Math.min(r, g, b) > 200;
        // Paper: gone. Light grey fills (the claims' tint): see-through, so the imagery under a claim shows.
        if (lightGrey) px[i + 3] = Math.min(r, g, b) > 245 ? 0 : 96;
      }
      const crop = createCanvas(w, h);
      crop.getContext('2d').putImageData(image, 0, 0);
      out.push(new Uint8Array(crop.toBuffer('image/png')));
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
