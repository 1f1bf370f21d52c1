import { useState } from 'react';
import { Notice } from '../../../widgets/notice';
import { Spinner } from '../../../widgets/spinner';
import { isPdf, textHead } from '../../../lib/file-bytes';
import { PdfCanvas } from './pdf-canvas';
import { keepView, type PdfFit, type PreviewEntry } from './preview-cache';
import { usePackageFile } from './use-package-file.hook';
import { usePdfDocument } from './use-pdf-document.hook';

const TEXT_LINES = 200;

function PdfPreview({ entry, bytes, title }: { entry: PreviewEntry; bytes: Uint8Array; title: string }) {
  const state = usePdfDocument(entry, bytes);
  // Kept with the file: back on the step, the reader is where they left it.
  const [pageNumber, setPage] = useState(entry.view.page);
  const [fit, setFitState] = useState<PdfFit>(entry.view.fit);
  const setPageNumber = (page: number) => {
    keepView(entry, { page });
    setPage(page);
  };
  const setFit = (next: PdfFit) => {
    keepView(entry, { fit: next });
    setFitState(next);
  };
  if (state.status === 'loading') {
    return (
      <div className="preview__empty muted">
        <Spinner /> Opening {title}…
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <Notice tone="error" live="assertive" title={`${title} could not be opened for preview.`}>
        {state.message}
      </Notice>
    );
  }
  const pages = state.pdf.numPages;
  const page = Math.min(pageNumber, pages);
  return (
    <>
      <div className="preview__bar" role="toolbar" aria-label="Page navigation">
        <button type="button" className="button button--small" aria-label="Previous page" disabled={page <= 1} onClick={() => setPageNumber(page - 1)} data-testid="pdf-prev">
          ‹
        </button>
        <span className="preview__page" data-testid="pdf-page" aria-live="polite">
          Page {page} of {pages}
        </span>
        <button type="button" className="button button--small" aria-label="Next page" disabled={page >= pages} onClick={() => setPageNumber(page + 1)} data-testid="pdf-next">
          ›
        </button>
        <span className="preview__spacer" />
        <div className="segmented" role="group" aria-label="Zoom">
          <button type="button" className="segmented__button" aria-pressed={fit === 'width'} onClick={() => setFit('width')}>
            Fit width
          </button>
          <button type="button" className="segmented__button" aria-pressed={fit === 'page'} onClick={() => setFit('page')}>
            Whole page
          </button>
        </div>
      </div>
      <PdfCanvas pdf={state.pdf} pageNumber={page} fit={fit} label={`${title}, page ${page} of ${pages}`} entry={entry} />
    </>
  );
}

function TextPreview({ bytes }: { bytes: Uint8Array }) {
  const { text, lines, shown } = textHead(bytes, TEXT_LINES);
  return (
    <>
      <div className="preview__bar">
        <span className="muted">{shown < lines ? `The first ${shown} of ${lines} lines` : `${lines} lines`}</span>
      </div>
      <pre className="preview__text" data-testid="text-preview">
        {text}
      </pre>
    </>
  );
}

/**
 * The selected package file, read back from disk: PDFs drawn page by page, text files as text. `generation` and
 * `generatedAt` are main's for the package shown: a regenerated package is read and drawn anew.
 */
export function FilePreview({ jobId, generation, generatedAt, file }: { jobId: number; generation: number; generatedAt: string; file: { name: string; title: string } | null }) {
  if (!file) return <div className="preview__empty muted">Choose a file to preview it.</div>;
  return (
    <LoadedPreview key={`${generation}/${generatedAt}/${file.name}`} jobId={jobId} generation={generation} generatedAt={generatedAt} name={file.name} title={file.title} />
  );
}

function LoadedPreview({ jobId, generation, generatedAt, name, title }: { jobId: number; generation: number; generatedAt: string; name: string; title: string }) {
  const { entry, state } = usePackageFile({ jobId, generation, generatedAt, name });
  if (state.status === 'loading') {
    return (
      <div className="preview__empty muted">
        <Spinner /> Reading {name}…
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <Notice tone="error" live="assertive" title={`${name} could not be read.`}>
        {state.error.message}
      </Notice>
    );
  }
  return isPdf(state.mediaType) ? <PdfPreview entry={entry} bytes={state.bytes} title={title} /> : <TextPreview bytes={state.bytes} />;
}
