/**
 * One package file's bytes for the preview, read through readPackageFile. Keyed by the package generation too:
 * after a regenerate the same name holds new bytes.
 */
import { useMemo } from 'react';
import type { ErrorInfo } from '../../../../../shared/errors';
import { useIpcQuery } from '../../../api/use-ipc-query.hook';
import { base64ToBytes } from '../../../lib/file-bytes';

export type PackageFileState =
  | { status: 'loading' }
  | { status: 'error'; error: ErrorInfo }
  | { status: 'ready'; name: string; mediaType: string; bytes: Uint8Array };

export function usePackageFile(jobId: number, name: string, generation: number): PackageFileState {
  const { data, error } = useIpcQuery('packageFile', { jobId, generation, name });
  // Decoded once per answer: the preview re-renders while a PDF page draws.
  return useMemo<PackageFileState>(() => {
    if (data) return { status: 'ready', name: data.name, mediaType: data.mediaType, bytes: base64ToBytes(data.base64) };
    return error ? { status: 'error', error } : { status: 'loading' };
  }, [data, error]);
}
