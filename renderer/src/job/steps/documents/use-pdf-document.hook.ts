/**
 * A pdf.js document for a previewed file, opened once per file and kept with it (preview-cache.ts closes it when
 * the file is dropped): reopening the step shows the document without parsing it again.
 */
import { useEffect, useState } from 'react';
import { openEntryPdf, type PdfState, type PreviewEntry } from './preview-cache';

export function usePdfDocument(entry: PreviewEntry, bytes: Uint8Array): PdfState {
  const [state, setState] = useState<{ entry: PreviewEntry; value: PdfState }>({ entry, value: entry.pdf });

  useEffect(() => {
    if (entry.pdf.status === 'ready') return;
    let live = true;
    void openEntryPdf(entry, bytes).then((value) => {
      if (live) setState({ entry, value });
    });
    return () => {
      live = false;
    };
  }, [entry, bytes]);

  return entry.pdf.status === 'ready' || state.entry !== entry ? entry.pdf : state.value;
}
