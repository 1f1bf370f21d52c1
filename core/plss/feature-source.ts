/**
 * What every PLSS file reader yields: layers of raw features, read one at a time so a state-sized file never sits
 * in memory, with the layer's coordinate system and, when the format says it up front, its feature count.
 */
import type { Reprojector } from './reproject';

export interface RawFeature {
  properties: Record<string, unknown> | null;
  /** GeoJSON-shaped geometry in the layer's own coordinate system. */
  geometry: unknown;
}

export interface FeatureLayer {
  /** "PLSSFirstDivision.shp in NV_PLSS.zip", for progress and messages. */
  name: string;
  total: number | null;
  crs: Reprojector;
  features(): AsyncIterable<RawFeature>;
}

export interface OpenedPlssFile {
  layers: FeatureLayer[];
  /** The file's own modification date (ISO day): the data date when the features carry none. */
  fileDate: string;
  close(): Promise<void>;
}
