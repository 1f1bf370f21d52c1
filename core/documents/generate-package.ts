/**
 * Renders every document of a package from one PackageModel and writes the manifest. A renderer that throws
 * costs only its own file (reported as a problem in the manifest); the rest of the package is still made.
 */
import { createHash } from 'node:crypto';
import { errorMessage } from '../../shared/errors';
import {
  DOCUMENT_FILES,
  MANIFEST_VERSION,
  type DocumentKind,
  type ManifestFile,
  type PackageManifest,
  type PackageProblem,
} from '../../shared/documents/package-files';
import { buildOrderSnapshot } from '../../shared/documents/order-snapshot';
import type { PackageModel } from '../../shared/documents/package-model.types';
import type { DocumentRenderer, RenderContext } from './document.types';

export interface GeneratedFile {
  name: string;
  kind: DocumentKind;
  mediaType: string;
  bytes: Uint8Array;
  pages: number | null;
}

export interface GeneratedPackage {
  files: GeneratedFile[];
  manifest: PackageManifest;
}

/** A document kind, its renderer, and (optionally) whether the document belongs in this package at all. */
export type RendererList = readonly (readonly [DocumentKind, DocumentRenderer, ((model: PackageModel) => boolean)?])[];

export interface GenerateOptions {
  generatedAt: string;
  onProgress?: (done: number, total: number, kind: DocumentKind) => void;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function generatePackage(
  model: PackageModel,
  context: RenderContext,
  renderers: RendererList,
  options: GenerateOptions,
): Promise<GeneratedPackage> {
  const files: GeneratedFile[] = [];
  const problems: PackageProblem[] = [];
  let done = 0;
  const wanted = renderers.filter(([, , applies]) => applies?.(model) ?? true);
  for (const [kind, render] of wanted) {
    try {
      const result = await render(model, context);
      const spec = DOCUMENT_FILES[kind];
      files.push({ name: spec.fileName, kind, mediaType: spec.mediaType, bytes: result.document.bytes, pages: result.document.pages });
      problems.push(...result.problems);
    } catch (error) {
      problems.push({ document: kind, claim: null, message: `The ${DOCUMENT_FILES[kind].title.toLowerCase()} could not be made: ${errorMessage(error)}` });
    }
    done += 1;
    options.onProgress?.(done, wanted.length, kind);
  }
  const manifestFiles: ManifestFile[] = files.map((file) => ({
    name: file.name,
    kind: file.kind,
    mediaType: file.mediaType,
    bytes: file.bytes.byteLength,
    sha256: sha256Hex(file.bytes),
    pages: file.pages,
  }));
  const manifest: PackageManifest = {
    manifestVersion: MANIFEST_VERSION,
    generator: model.generator,
    preparedOn: model.preparedOn,
    generatedAt: options.generatedAt,
    source: model.source,
    order: {
      orderType: model.order.orderType,
      orderId: model.order.orderId,
      orderNumber: model.order.orderNumber,
      projectName: model.order.projectName,
      companyName: model.order.companyName,
      claimsPurchased: model.order.claimsPurchased,
    },
    state: model.stateCode,
    county: model.county,
    epsg: model.epsg,
    dateOfLocation: model.dateOfLocation,
    landStatus: model.landStatus,
    dateOfDiscovery: model.dateOfDiscovery,
    claimant: model.claimant.name,
    claims: model.claims.map((claim) => ({ name: claim.name, kind: claim.kind, areaAcres: Math.round(claim.areaAcres * 1000) / 1000 })),
    feeSchedule: context.feeSchedule ? { version: context.feeSchedule.version, effectiveFrom: context.feeSchedule.effectiveFrom } : null,
    files: manifestFiles,
    problems,
    // The order's price and the BLM fees as they stood now, from the same schedule the fees sheet used.
    ...orderSnapshotPart(model, context, options.generatedAt),
  };
  return { files, manifest };
}

/** The snapshot only for a package made for an order with a fee schedule: a layout file has no order. */
function orderSnapshotPart(model: PackageModel, context: RenderContext, generatedAt: string): Pick<PackageManifest, 'orderSnapshot'> {
  const snapshot = buildOrderSnapshot(model, context.feeSchedule, generatedAt);
  return snapshot ? { orderSnapshot: snapshot } : {};
}

export function manifestBytes(manifest: PackageManifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
}
