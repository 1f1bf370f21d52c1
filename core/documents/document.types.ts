/**
 * The contract between the package generator and each document renderer. A renderer turns the PackageModel into
 * one file; a claim it cannot draw is reported as a problem and left out, never allowed to abort the package
 * ("one bad claim never aborts a package").
 */
import type { PackageModel } from '../../shared/documents/package-model.types';
import type { DocumentKind, PackageProblem } from '../../shared/documents/package-files';
import type { FeeSchedule } from '../../shared/documents/fees/fee-schedule';
import type { FontBytes } from './pdf/pdf-kit';
import type { TileArchive } from '../basemap/tile-archive';

export interface RenderedDocument {
  kind: DocumentKind;
  bytes: Uint8Array;
  /** PDFs only. */
  pages: number | null;
}

export interface RenderContext {
  fonts: FontBytes;
  /** The BLM schedule in effect on the date of location (or the preparation date); null when none on file covers it. */
  feeSchedule: FeeSchedule | null;
  /** The offline basemap, opened for printing under the maps named (settings); omitted or null: none. */
  basemap?: { archive: TileArchive; print: 'field-map' | 'both' } | null;
  /** Longest GPX / KML waypoint name (settings); omitted: the default for older Garmin units. */
  waypointNameMax?: number;
}

export interface RenderResult {
  document: RenderedDocument;
  problems: PackageProblem[];
}

export type DocumentRenderer = (model: PackageModel, context: RenderContext) => Promise<RenderResult>;
