import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../../../shared/errors';
import type { PDFDocumentProxy } from './pdf-loader';

export type PdfFit = 'width' | 'page';

/** The size the page may take: the pane's inner box, followed as the window is resized. */
function useBoxSize(ref: React.RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      // Whole pixels only: sub-pixel jitter would re-render the page for nothing.
      setSize((old) => (Math.floor(width) === old.width && Math.floor(height) === old.height ? old : { width: Math.floor(width), height: Math.floor(height) }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/**
 * One page drawn to a canvas at the screen's pixel density, fitted to the pane's width (or to the whole page).
 * A newer page or size cancels the render still running, so paging quickly never draws a stale page last.
 */
export function PdfCanvas({ pdf, pageNumber, fit, label }: { pdf: PDFDocumentProxy; pageNumber: number; fit: PdfFit; label: string }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { width, height } = useBoxSize(boxRef);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    let cancelled = false;
    let task: ReturnType<Awaited<ReturnType<PDFDocumentProxy['getPage']>>['render']> | null = null;
    canvas.removeAttribute('data-rendered-page');
    void pdf.getPage(pageNumber).then(async (page) => {
      if (cancelled) return;
      const natural = page.getViewport({ scale: 1 });
      const byWidth = width / natural.width;
      const scale = fit === 'page' && height > 0 ? Math.min(byWidth, height / natural.height) : byWidth;
      const dpr = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * dpr });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / dpr)}px`;
      canvas.style.height = `${Math.floor(viewport.height / dpr)}px`;
      task = page.render({ canvas, viewport });
      try {
        await task.promise;
        if (!cancelled) {
          canvas.setAttribute('data-rendered-page', String(pageNumber));
          setFailure(null);
        }
      } catch (error) {
        // A cancelled render is the normal end of a superseded one, not a failure to show.
        if (!cancelled && !(error instanceof Error && error.name === 'RenderingCancelledException')) {
          setFailure(errorMessage(error));
        }
      }
    }, (error: unknown) => {
      // The document is destroyed when its bytes change or the preview closes, which rejects a pending getPage
      // ("Transport destroyed"): expected then, and a real failure to show otherwise.
      if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, pageNumber, fit, width, height]);

  return (
    <div ref={boxRef} className={fit === 'page' ? 'pdf-canvas pdf-canvas--page' : 'pdf-canvas'}>
      {failure ? (
        <p className="pdf-canvas__error" role="alert">
          This page could not be drawn: {failure}
        </p>
      ) : (
        <canvas ref={canvasRef} className="pdf-canvas__page" role="img" aria-label={label} data-testid="pdf-canvas" />
      )}
    </div>
  );
}
