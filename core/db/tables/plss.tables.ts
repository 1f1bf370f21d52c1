/**
 * The imported PLSS: its layers, their polygons and the R-tree over them.
 * Kysely row types: keep them in step with migrations/ (test/integration/migrations.test.ts compares the columns).
 */
import type { Generated } from 'kysely';

/** 0008: an imported CadNSDI layer of one state (staging while an import writes it, then ready). */
export interface PlssLayersTable {
  id: Generated<number>;
  state: string;
  layer: 'township' | 'section' | 'second';
  status: 'staging' | 'ready';
  source: string;
  data_date: string | null;
  imported_at: string;
  feature_count: Generated<number>;
}

/** 0008: one PLSS polygon; geom is packed lon/lat (core/plss/geometry-blob.ts). */
export interface PlssPartsTable {
  id: number;
  layer_id: number;
  kind: 'township' | 'section' | 'aliquot' | 'lot' | 'other';
  meridian_code: string;
  meridian_text: string | null;
  plss_id: string;
  township: string;
  range: string;
  section: number | null;
  label: string | null;
  geom: Uint8Array;
}

/** 0008: the R-tree over plss_parts (same id). */
export interface PlssRtreeTable {
  id: number;
  min_lon: number;
  max_lon: number;
  min_lat: number;
  max_lat: number;
}
