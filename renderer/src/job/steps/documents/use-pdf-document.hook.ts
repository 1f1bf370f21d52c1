/** A pdf.js document for the given bytes, destroyed when the bytes change or the preview goes away. */
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../../../shared/errors';
import type { PDFDocumentProxy } from './pdf-loader';

export type PdfState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; pdf: PDFDocumentProxy };

export function usePdfDocument(bytes: Uint8Array): PdfState {
  const [state, setState] = useState<{ bytes: Uint8Array; value: PdfState }>({ bytes, value: { status: 'loading' } });

  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    // pdf.js transfers the buffer it is given to its worker; hand it a copy so the caller's bytes stay usable.
    const copy = bytes.slice();
    void import('./pdf-loader')
      .then(({ openPdf }) => openPdf(copy))
      .then(
        (pdf) => {
          opened = pdf;
          if (live) setState({ bytes, value: { status: 'ready', pdf } });
          else void pdf.destroy();
        },
        (error: unknown) => {
          if (live) setState({ bytes, value: { status: 'error', message: errorMessage(error) } });
        },
      );
    return () => {
      live = false;
      if (opened) void opened.destroy();
    };
  }, [bytes]);

  return state.bytes === bytes ? state.value : { status: 'loading' };
}
