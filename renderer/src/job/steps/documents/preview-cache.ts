/**
 * The Documents step's preview, kept while the step is closed: a staff member who goes to the Claimant step and
 * back finds the file they were reading, on the page they left, drawn at once, instead of waiting again for the
 * file to be read from main, decoded, opened by pdf.js and its page drawn.
 *
 * An entry is keyed by what the file is: the job, the package's generation and when main made it (a regenerated
 * package, after the claimant or the layout changed, is a new generation with new bytes under the same names),
 * and the file's name. The package itself is read from main each time the step opens (a cheap row), so a package
 * made since is always seen and never answered from here. Only a few files are kept, and a job's older generations
 * are dropped as soon as a newer one is asked for; a dropped PDF is closed (pdf.js holds it in its worker).
 */
import { errorMessage, type ErrorInfo } from '../../../../../shared/errors';
import { api } from '../../../api/client';
import { base64ToBytes } from '../../../lib/file-bytes';
import type { PDFDocumentProxy } from './pdf-loader';

export type PdfFit = 'width' | 'page';

export type PreviewSource = { jobId: number; generation: number; generatedAt: string; name: string };

export type PackageFileState =
  | { status: 'loading' }
  | { status: 'error'; error: ErrorInfo }
  | { status: 'ready'; name: string; mediaType: string; bytes: Uint8Array };

export type PdfState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; pdf: PDFDocumentProxy };

export interface PreviewEntry {
  readonly key: string;
  readonly jobId: number;
  readonly generationKey: string;
  file: PackageFileState;
  reading: Promise<PackageFileState> | null;
  pdf: PdfState;
  opening: Promise<PdfState> | null;
  /** Where the reader was: the page and the zoom. */
  view: { page: number; fit: PdfFit };
  /** The last page drawn, as pixels, with what it was drawn for (page, zoom, size, pixel density). */
  drawn: { spec: string; canvas: HTMLCanvasElement } | null;
}

/** Files kept: a package's notices, maps and cards read in turn stay drawn, without holding every PDF open. */
const KEEP = 3;
/** In use order, the most recent last. */
const entries = new Map<string, PreviewEntry>();

function drop(entry: PreviewEntry): void {
  entries.delete(entry.key);
  // One still opening is closed when it opens (openEntryPdf).
  if (entry.pdf.status === 'ready') void entry.pdf.pdf.destroy();
  entry.drawn = null;
}

/** The entry for this file (made when first asked for), now the most recently used. */
export function previewEntry(source: PreviewSource): PreviewEntry {
  const generationKey = `${source.generation}/${source.generatedAt}`;
  const key = `${source.jobId}/${generationKey}/${source.name}`;
  let entry = entries.get(key);
  if (entry) entries.delete(key);
  else {
    // Another generation of this job's package is never shown again.
    for (const other of [...entries.values()]) if (other.jobId === source.jobId && other.generationKey !== generationKey) drop(other);
    entry = { key, jobId: source.jobId, generationKey, file: { status: 'loading' }, reading: null, pdf: { status: 'loading' }, opening: null, view: { page: 1, fit: 'width' }, drawn: null };
  }
  entries.set(key, entry);
  for (const old of entries.values()) {
    if (entries.size <= KEEP) break;
    if (old !== entry) drop(old);
  }
  return entry;
}

/** The file's bytes, read from main once per entry; a failure is not kept (the next visit reads again). */
export function readEntryFile(entry: PreviewEntry, source: PreviewSource): Promise<PackageFileState> {
  if (entry.file.status === 'ready') return Promise.resolve(entry.file);
  entry.reading ??= api.readPackageFile({ jobId: source.jobId, name: source.name }).then((result): PackageFileState => {
    entry.reading = null;
    if (!result.ok) return { status: 'error', error: result.error };
    entry.file = { status: 'ready', name: result.value.name, mediaType: result.value.mediaType, bytes: base64ToBytes(result.value.base64) };
    return entry.file;
  });
  return entry.reading;
}

/** The file opened by pdf.js, once per entry (closed when the entry is dropped); a failure is not kept. */
export function openEntryPdf(entry: PreviewEntry, bytes: Uint8Array): Promise<PdfState> {
  if (entry.pdf.status === 'ready') return Promise.resolve(entry.pdf);
  entry.opening ??= import('./pdf-loader')
    // pdf.js transfers the buffer it is given to its worker; hand it a copy so the entry's bytes stay usable.
    .then(({ openPdf }) => openPdf(bytes.slice()))
    .then(
      (pdf): PdfState => {
        entry.opening = null;
        if (!entries.has(entry.key)) {
          void pdf.destroy();
          return { status: 'error', message: 'The preview was closed.' };
        }
        entry.pdf = { status: 'ready', pdf };
        return entry.pdf;
      },
      (error: unknown): PdfState => {
        entry.opening = null;
        return { status: 'error', message: errorMessage(error) };
      },
    );
  return entry.opening;
}

/** Where the reader is in this file, for the next visit. */
export function keepView(entry: PreviewEntry, view: Partial<PreviewEntry['view']>): void {
  entry.view = { ...entry.view, ...view };
}
