import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../../../shared/errors';
import type { PDFDocumentProxy } from './pdf-loader';
import type { PdfFit, PreviewEntry } from './preview-cache';

/** The element's content box (inside its padding and scroll bar) in whole pixels. */
function contentBox(element: HTMLElement): { width: number; height: number } {
  const style = getComputedStyle(element);
  const px = (value: string) => Number.parseFloat(value) || 0;
  return {
    width: Math.max(0, Math.floor(element.clientWidth - px(style.paddingLeft) - px(style.paddingRight))),
    height: Math.max(0, Math.floor(element.clientHeight - px(style.paddingTop) - px(style.paddingBottom))),
  };
}

/**
 * The size the page may take: the pane's inner box, measured before the first paint (so a page kept from the last
 * visit is drawn in the step's first frame) and followed as the window is resized.
 */
function useBoxSize(ref: React.RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (element) setSize(contentBox(element));
  }, [ref]);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // Measured as on mount (whole pixels, so sub-pixel jitter does not re-render the page): a kept page is drawn for
    // the size measured then, and must be found again at the same size.
    const observer = new ResizeObserver(() => {
      const { width, height } = contentBox(element);
      setSize((old) => (width === old.width && height === old.height ? old : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** A copy of a drawn page's pixels, at its size on screen. */
function copyOf(canvas: HTMLCanvasElement): HTMLCanvasElement {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  copy.style.width = canvas.style.width;
  copy.style.height = canvas.style.height;
  copy.getContext('2d')?.drawImage(canvas, 0, 0);
  return copy;
}

/** Draws a kept page into the canvas; false when there is none for what is asked (another page, zoom or size). */
function drawKept(canvas: HTMLCanvasElement, entry: PreviewEntry | undefined, spec: string): boolean {
  const kept = entry?.drawn;
  if (!kept || kept.spec !== spec) return false;
  const context = canvas.getContext('2d');
  if (!context) return false;
  canvas.width = kept.canvas.width;
  canvas.height = kept.canvas.height;
  canvas.style.width = kept.canvas.style.width;
  canvas.style.height = kept.canvas.style.height;
  context.drawImage(kept.canvas, 0, 0);
  return true;
}

/**
 * One page drawn to a canvas at the screen's pixel density, fitted to the pane's width (or to the whole page).
 * A newer page or size cancels the render still running, so paging quickly never draws a stale page last. The
 * last page drawn is kept with the file (`entry`): the step opened again shows it at once rather than drawing it
 * again with pdf.js.
 */
export function PdfCanvas({ pdf, pageNumber, fit, label, entry }: { pdf: PDFDocumentProxy; pageNumber: number; fit: PdfFit; label: string; entry?: PreviewEntry }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { width, height } = useBoxSize(boxRef);
  const [failure, setFailure] = useState<string | null>(null);

  // Before paint: a kept page is in the first frame.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    // The pane's height matters only when the whole page is fitted into it.
    const spec = `${pageNumber}/${fit}/${width}${fit === 'page' ? `x${height}` : ''}@${dpr}`;
    if (drawKept(canvas, entry, spec)) {
      canvas.setAttribute('data-rendered-page', String(pageNumber));
      return;
    }
    let cancelled = false;
    let task: ReturnType<Awaited<ReturnType<PDFDocumentProxy['getPage']>>['render']> | null = null;
    canvas.removeAttribute('data-rendered-page');
    void pdf.getPage(pageNumber).then(async (page) => {
      if (cancelled) return;
      const natural = page.getViewport({ scale: 1 });
      const byWidth = width / natural.width;
      const scale = fit === 'page' && height > 0 ? Math.min(byWidth, height / natural.height) : byWidth;
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
          if (entry) entry.drawn = { spec, canvas: copyOf(canvas) };
          setFailure(null);
        }
      } catch (error) {
        // A cancelled render is the normal end of a superseded one, not a failure to show.
        if (!cancelled && !(error instanceof Error && error.name === 'RenderingCancelledException')) {
          setFailure(errorMessage(error));
        }
      }
    }, (error: unknown) => {
      // The document is closed when its file leaves the preview's cache (a newer package), which rejects a pending getPage
      // ("Transport destroyed"): expected then, and a real failure to show otherwise.
      if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, pageNumber, fit, width, height, entry]);

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
