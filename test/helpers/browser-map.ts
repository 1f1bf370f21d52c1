/**
 * Test oracles for the map-driven fulfilment tests, computed from the reference server's own documents (never from
 * the app): an order's polygons, their centroids and axes in a local east/north metre frame, and a lon/lat →
 * screen-pixel transform fitted to where the map drew the claim labels.
 *
 * The local frame is an equirectangular projection around the order: over a few kilometres its error is far below
 * the tens of feet of slack the tests leave, and it shares no code with the app's UTM/ground maths.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ReferenceServer } from '../../server';

export type LonLat = [number, number];
export type OrderPolygon = { name: string; ring: LonLat[] };

export const FOOT_M = 0.3048;
const M_PER_DEG_LAT = 111_132.954;
const M_PER_DEG_LON_EQ = 111_319.49;

/** The raw pending-order document the server lists for `orderNumber`. */
export async function orderDoc(server: ReferenceServer, orderNumber: string): Promise<Record<string, unknown>> {
  const docs = (await server.store.pendingOrderDocs()).map((doc) => JSON.parse(doc) as Record<string, unknown>);
  const found = docs.find((doc) => doc['order_number'] === orderNumber);
  if (!found) throw new Error(`The server lists no order ${orderNumber}`);
  return found;
}

const isPosition = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number';

/** Outer rings (closing point dropped) of a Polygon or MultiPolygon geometry. */
function outerRings(geometry: unknown): LonLat[][] {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  const open = (ring: unknown): LonLat[] => {
    const points = (ring as unknown[]).filter(isPosition).map((p) => [p[0]!, p[1]!] as LonLat);
    const [first, last] = [points[0], points[points.length - 1]];
    if (first && last && points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
    return points;
  };
  if (g?.type === 'Polygon') return [open((g.coordinates as unknown[])[0])];
  if (g?.type === 'MultiPolygon') return (g.coordinates as unknown[][]).map((polygon) => open(polygon[0]));
  return [];
}

/**
 * The order's claim polygons by name, from `claim_polygons` as the server ships it (a FeatureCollection, a list of
 * Features, a single Feature, or a bare geometry; every demo shape of a clean order is one of these).
 */
export function orderPolygons(doc: Record<string, unknown>): OrderPolygon[] {
  const raw = doc['claim_polygons'] as { type?: string; features?: unknown[] } | unknown[] | null;
  const features: unknown[] = Array.isArray(raw) ? raw : raw?.type === 'FeatureCollection' ? (raw.features ?? []) : raw ? [raw] : [];
  const out: OrderPolygon[] = [];
  for (const item of features) {
    const f = item as { type?: string; geometry?: unknown; properties?: Record<string, unknown> | null };
    const geometry = f.type === 'Feature' ? f.geometry : f;
    const props = f.properties ?? {};
    const name = String(props['name'] ?? props['claim_name'] ?? '');
    for (const ring of outerRings(geometry)) out.push({ name, ring });
  }
  return out;
}

/** Vertex average of the polygons' corners, lon/lat. */
export function centroidLonLat(rings: LonLat[][]): LonLat {
  const points = rings.flat();
  return [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];
}

/** A local east/north metre frame around `origin`. */
export function localFrame(origin: LonLat) {
  const mPerDegLon = M_PER_DEG_LON_EQ * Math.cos((origin[1] * Math.PI) / 180);
  return {
    toEN: (p: LonLat): [number, number] => [(p[0] - origin[0]) * mPerDegLon, (p[1] - origin[1]) * M_PER_DEG_LAT],
    toLonLat: ([e, n]: [number, number]): LonLat => [origin[0] + e / mPerDegLon, origin[1] + n / M_PER_DEG_LAT],
  };
}

/**
 * A rectangle's axes in the local frame: `long` and `cross` unit vectors (east, north) and the long axis as an
 * azimuth in degrees clockwise from north, in [0, 180).
 */
export function rectangleAxes(ring: LonLat[], frame: ReturnType<typeof localFrame>) {
  const pts = ring.map(frame.toEN);
  const side = (i: number) => {
    const a = pts[i]!;
    const b = pts[(i + 1) % pts.length]!;
    return [b[0] - a[0], b[1] - a[1]] as [number, number];
  };
  const [s0, s1] = [side(0), side(1)];
  const [longSide, crossSide] = Math.hypot(...s0) >= Math.hypot(...s1) ? [s0, s1] : [s1, s0];
  const unit = (v: [number, number]): [number, number] => [v[0] / Math.hypot(...v), v[1] / Math.hypot(...v)];
  const azimuth = (((Math.atan2(longSide[0], longSide[1]) * 180) / Math.PI) % 180 + 180) % 180;
  return { long: unit(longSide), cross: unit(crossSide), azimuthDeg: azimuth, lengthM: Math.hypot(...longSide), widthM: Math.hypot(...crossSide) };
}

export type ScreenTransform = (en: [number, number]) => { x: number; y: number };

/**
 * Least-squares affine map from local metres to page pixels, fitted to ≥ 3 (metres, pixel) pairs. Web Mercator over
 * a few kilometres is affine to well under a pixel.
 */
export function fitScreenTransform(pairs: { en: [number, number]; px: { x: number; y: number } }[]): ScreenTransform {
  if (pairs.length < 3) throw new Error(`Need at least 3 reference points to place clicks on the map, got ${pairs.length}`);
  // Normal equations for [a b c] in px = a*e + b*n + c, once for x and once for y.
  const solve = (target: (p: (typeof pairs)[number]) => number): [number, number, number] => {
    const m = [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ];
    const v = [0, 0, 0];
    for (const p of pairs) {
      const row = [p.en[0], p.en[1], 1];
      for (let i = 0; i < 3; i += 1) {
        for (let j = 0; j < 3; j += 1) m[i]![j]! += row[i]! * row[j]!;
        v[i]! += row[i]! * target(p);
      }
    }
    const det = (a: number[][]) =>
      a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) -
      a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) +
      a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!);
    const d = det(m);
    if (Math.abs(d) < 1e-9) throw new Error('Reference points for the map transform are collinear');
    const column = (k: number) => det(m.map((row, i) => row.map((value, j) => (j === k ? v[i]! : value))));
    return [column(0) / d, column(1) / d, column(2) / d];
  };
  const [ax, bx, cx] = solve((p) => p.px.x);
  const [ay, by, cy] = solve((p) => p.px.y);
  return ([e, n]) => ({ x: ax * e + bx * n + cx, y: ay * e + by * n + cy });
}

/** The map inside `scope` (a step's own map): the container MapLibre draws into. */
export function claimsMap(scope: Page | Locator): Locator {
  return scope.getByTestId('claims-map');
}

/** Waits until the map has gone idle after its latest data (and its HTML labels are placed). */
export async function waitForMapReady(map: Locator, timeoutMs = 30_000): Promise<void> {
  await expect.poll(() => map.getAttribute('data-map-ready'), { timeout: timeoutMs }).toBe('true');
}

/** Where the map's camera rests once it is ready (its data-view: zoom, centre lon/lat). */
export async function mapView(map: Locator): Promise<{ zoom: number; lon: number; lat: number }> {
  await waitForMapReady(map);
  const [zoom, lon, lat] = ((await map.getAttribute('data-view')) ?? '').split(' ').map(Number);
  return { zoom: zoom!, lon: lon!, lat: lat! };
}

/** Where the map drew each label of `kind` (page pixels, centre of the label), with its text. */
export async function mapLabels(map: Locator, kind: 'claim' | 'corner' | 'monument' | 'marker'): Promise<{ text: string; x: number; y: number }[]> {
  return map.locator(`.map-label--${kind}`).evaluateAll((elements) =>
    elements
      .filter((el) => !(el as unknown as { hidden: boolean }).hidden)
      .map((el) => {
        const box = el.getBoundingClientRect();
        return { text: el.textContent ?? '', x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }),
  );
}

/**
 * How much the map really drew: the share of sampled pixels of a screenshot of the map that differ from its most
 * common colour (the background). A map whose WebGL context failed stays one flat colour (plus the HTML labels).
 * The PNG is decoded by the page itself (no image library in the test's dependencies).
 */
interface BrowserGlobals {
  Image: new () => { src: string; naturalWidth: number; naturalHeight: number; decode(): Promise<void> };
  document: {
    createElement(tag: 'canvas'): {
      width: number;
      height: number;
      getContext(kind: '2d'): {
        drawImage(image: unknown, x: number, y: number): void;
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
      } | null;
    };
  };
}

export async function mapInkShare(page: Page, map: Locator): Promise<number> {
  // Only the WebGL canvas: the HTML labels and controls are hidden for the shot.
  const png = await map.screenshot({ style: '.map-labels, .maplibregl-control-container { visibility: hidden !important; }' });
  return page.evaluate(async (base64) => {
    // This runs in the page; the Node typecheck has no DOM lib, so the few browser globals are typed here.
    const { Image, document } = globalThis as unknown as BrowserGlobals;
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map<number, number>();
    let samples = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      samples += 1;
    }
    return samples === 0 ? 0 : 1 - Math.max(...counts.values()) / samples;
  }, png.toString('base64'));
}
