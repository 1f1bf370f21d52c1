/**
 * One package file's bytes for the preview, read through readPackageFile. Keyed by the package generation too:
 * after a regenerate the same name holds new bytes. An answer for a file no longer selected is dropped.
 */
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import type { ErrorInfo } from '../../../../../shared/errors';
import { base64ToBytes } from '../../../lib/file-bytes';

export type PackageFileState =
  | { status: 'loading' }
  | { status: 'error'; error: ErrorInfo }
  | { status: 'ready'; name: string; mediaType: string; bytes: Uint8Array };

export function usePackageFile(jobId: number, name: string, generation: number): PackageFileState {
  const key = `${jobId}/${generation}/${name}`;
  const [state, setState] = useState<{ key: string; value: PackageFileState }>({ key, value: { status: 'loading' } });

  useEffect(() => {
    let live = true;
    void api.readPackageFile({ jobId, name }).then((result) => {
      if (!live) return;
      const value: PackageFileState = result.ok
        ? { status: 'ready', name: result.value.name, mediaType: result.value.mediaType, bytes: base64ToBytes(result.value.base64) }
        : { status: 'error', error: result.error };
      setState({ key, value });
    });
    return () => {
      live = false;
    };
  }, [jobId, name, key]);

  // A new key shows "loading" at once rather than the previous file's bytes under the new name.
  return state.key === key ? state.value : { status: 'loading' };
}
