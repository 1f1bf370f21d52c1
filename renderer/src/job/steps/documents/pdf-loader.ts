/**
 * pdf.js, set up once and loaded only when a PDF is first previewed (it is a large library; the rest of the app
 * never needs it). One worker is shared by every preview instead of one per document.
 *
 * isEvalSupported: false keeps pdf.js from compiling font programs with `new Function`, which the app's CSP
 * (script-src 'self', no 'unsafe-eval') would refuse; the worker comes from our own origin ('self').
 */
import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

let worker: PDFWorker | null = null;

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  worker ??= new PDFWorker();
  return getDocument({ data: bytes, worker, isEvalSupported: false, enableXfa: false }).promise;
}

export type { PDFDocumentProxy };
