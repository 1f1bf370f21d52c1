/** The Documents step and batch export over IPC: package generation, file preview, folders, exports. */
import type { IpcEventPayload, IpcHandlers } from '../../shared/ipc/contract';
import type { DocumentsService } from '../documents/documents.service';
import type { ExportRunner } from '../documents/export-runner';
import { AppError } from '../../shared/errors';

type DocumentsHandlerNames =
  | 'generatePackage'
  | 'getPackage'
  | 'readPackageFile'
  | 'openPackageFolder'
  | 'startExport'
  | 'cancelExport'
  | 'getExportStatus'
  | 'openExportFolder';

export interface DocumentsHandlerDeps {
  documents: DocumentsService;
  exports: ExportRunner;
  emit: (progress: IpcEventPayload<'documentsProgress'>) => void;
  /** The OS file manager (Electron shell.openPath); absent under the browser host and the CLI. */
  openPath?: (path: string) => Promise<void>;
}

export function createDocumentsHandlers(deps: DocumentsHandlerDeps): Pick<IpcHandlers, DocumentsHandlerNames> {
  return {
    generatePackage: ({ jobId }) => deps.documents.generateForJob(jobId, (progress) => deps.emit({ kind: 'package', ...progress })),
    getPackage: async ({ jobId }) => ({ package: await deps.documents.getPackage(jobId) }),
    readPackageFile: ({ jobId, name }) => deps.documents.readPackageFile(jobId, name),
    async openPackageFolder({ jobId }) {
      const info = await deps.documents.getPackage(jobId);
      if (!info) throw new AppError('not-found', 'This job has no package yet: generate it first.');
      if (!deps.openPath) return { opened: false, folder: info.folder };
      await deps.openPath(info.folder);
      return { opened: true, folder: info.folder };
    },
    startExport: async (request) => deps.exports.start(request),
    cancelExport: async () => ({ cancelled: deps.exports.cancel() }),
    getExportStatus: async () => deps.exports.status(),
    async openExportFolder({ outDir }) {
      // The renderer names the folder, so only folders this app's exports made are ever opened.
      if (!deps.exports.madeFolder(outDir)) throw new AppError('invalid-request', 'That is not a folder an export made.');
      if (!deps.openPath) return { opened: false, folder: outDir };
      await deps.openPath(outDir);
      return { opened: true, folder: outDir };
    },
  };
}
