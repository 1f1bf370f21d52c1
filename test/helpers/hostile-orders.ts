/**
 * Pending-orders entries a hostile or broken GeoDB server could send, as JSON TEXT: some of them (50,000 levels of
 * nesting) cannot even be produced by JSON.stringify, which is the point. Used by the hostile-server tests and the
 * sync benchmark.
 */
import { buildLodeGrid } from '../../server';

export function goodOrder(id: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    order_type: 'claim_order',
    order_number: `CO-${id}`,
    status: 'paid',
    created_at: '2026-11-01T10:00:00Z',
    customer_email: 'c@example.com',
    company_name: 'Co',
    project_id: 1,
    project_name: 'P',
    claim_count: 2,
    claim_polygons: { type: 'FeatureCollection', features: buildLodeGrid({ lon: -116 + (id % 100) * 0.01, lat: 40, rows: 1, cols: 2, azimuthDeg: 0, prefix: 'A' }) },
    claimant_info: { claimant_name: 'Ann' },
    claim_package_id: null,
    staking_service: false,
    expedited_delivery: false,
    ...extra,
  };
}

/** An order's JSON text with `field` replaced by raw JSON text (which may be anything). */
export function orderWithRawField(id: number, field: string, rawJson: string, extra: Record<string, unknown> = {}): string {
  const text = JSON.stringify(goodOrder(id, { ...extra, [field]: '__RAW__' }));
  return text.replace('"__RAW__"', () => rawJson);
}

/** `depth` nested lists: `[[[…]]]`. */
export function nestedJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/**
 * claim_polygons holding one claim whose ring zig-zags `vertices` times across a 0.01° wide band: every segment
 * spans the same longitudes, the shape that makes a filter on x-ranges compare every pair.
 */
export function zigzagPolygonsJson(vertices: number): string {
  const ring: string[] = [];
  for (let i = 0; i < vertices; i++) ring.push(`[${-116 + (i % 2) * 0.01},${40 + i * 1e-7}]`);
  const top = 40 + vertices * 1e-7;
  ring.push(`[-116.01,${top}]`, '[-116.01,40]', '[-116,40]');
  return `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"ZIG 1"},"geometry":{"type":"Polygon","coordinates":[[${ring.join(',')}]]}}]}`;
}
