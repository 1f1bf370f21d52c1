/**
 * One package generation as a self-contained task: a PackageSource in, files and manifest out. Runs inside a
 * worker thread (package.worker.ts) in the app, and directly in tests and benchmarks, with the same code.
 */
import { feeScheduleFor } from '../../shared/documents/fees/fee-schedule';
import { buildPackageModel, type PackageSource } from '../../shared/documents/package-model';
import type { DocumentKind } from '../../shared/documents/package-files';
import { DOCUMENT_RENDERERS } from './document-renderers';
import { loadFontBytes } from './fonts';
import { generatePackage, type GeneratedPackage } from './generate-package';

export interface PackageTask {
  source: PackageSource;
  /** ISO date printed on the documents. */
  preparedOn: string;
  /** ISO timestamp written to the manifest. */
  generatedAt: string;
  generator: { name: string; version: string };
  resourcesDir: string;
}

export async function runPackageTask(
  task: PackageTask,
  onProgress?: (done: number, total: number, kind: DocumentKind) => void,
): Promise<GeneratedPackage> {
  const model = buildPackageModel(task.source, { preparedOn: task.preparedOn, generator: task.generator });
  // The schedule in force when the claim is located; unknown date → the one in force when the package is made.
  const feeSchedule = feeScheduleFor(model.dateOfLocation ?? task.preparedOn);
  const context = { fonts: loadFontBytes(task.resourcesDir), feeSchedule };
  return generatePackage(model, context, DOCUMENT_RENDERERS, { generatedAt: task.generatedAt, onProgress });
}
