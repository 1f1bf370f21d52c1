/**
 * One package file's bytes for the preview, read through readPackageFile once per file of a generation and kept
 * between visits to the step (preview-cache.ts): after a regenerate the same name holds new bytes, a new entry.
 */
import { useEffect, useMemo, useState } from 'react';
import { previewEntry, readEntryFile, type PackageFileState, type PreviewEntry, type PreviewSource } from './preview-cache';

export function usePackageFile(source: PreviewSource): { entry: PreviewEntry; state: PackageFileState } {
  const { jobId, generation, generatedAt, name } = source;
  const entry = useMemo(() => previewEntry({ jobId, generation, generatedAt, name }), [jobId, generation, generatedAt, name]);
  // A kept file is ready in the first render: nothing to wait for.
  const [state, setState] = useState<{ entry: PreviewEntry; value: PackageFileState }>({ entry, value: entry.file });
  useEffect(() => {
    if (entry.file.status === 'ready') return;
    let live = true;
    void readEntryFile(entry, { jobId, generation, generatedAt, name }).then((value) => {
      if (live) setState({ entry, value });
    });
    return () => {
      live = false;
    };
  }, [entry, jobId, generation, generatedAt, name]);
  return { entry, state: entry.file.status === 'ready' || state.entry !== entry ? entry.file : state.value };
}
