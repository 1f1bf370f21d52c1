/** Builds upload requests (multipart, as ClaimDesk will send them) and fresh orders to upload against. */
import { randomUUID } from 'node:crypto';
import { API_PATHS, type OrderType, type PendingOrder, type UploadClaim } from '../../shared/api/geodb.schemas';
import { buildDemoOrder } from '../../server/seed/demo.seed';
import { DEMO_ORDER_SPECS } from '../../server/seed/demo-orders.data';
import type { TestServer } from './server-fixture';

export interface UploadFile {
  field: string;
  filename: string;
  content: string | Uint8Array;
  type?: string;
}

export interface UploadParts {
  order_id?: number | string;
  order_type?: string;
  project_id?: number | string;
  save_to_project?: string;
  claim_package_id?: number | string;
  claims?: UploadClaim[] | string;
  files?: UploadFile[];
  /** Extra raw text parts. */
  extra?: Record<string, string>;
}

const square = (lon: number, lat: number): UploadClaim['geometry'] => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + 0.002, lat], [lon + 0.002, lat + 0.005], [lon, lat + 0.005], [lon, lat]]],
});

export function claimsNamed(...names: string[]): UploadClaim[] {
  return names.map((name, i) => ({ name, geometry: square(-117 + i * 0.002, 38), acreage: 20.66 }));
}

export const DEFAULT_FILES: UploadFile[] = [
  { field: 'location_notices', filename: 'location-notices.pdf', content: '%PDF-1.7 notices', type: 'application/pdf' },
  { field: 'claim_map', filename: 'claim-map.pdf', content: '%PDF-1.7 map', type: 'application/pdf' },
  { field: 'gpx', filename: 'waypoints.gpx', content: '<gpx/>', type: 'application/gpx+xml' },
];

export function uploadForm(parts: UploadParts): FormData {
  const form = new FormData();
  const text = (name: string, value: number | string | undefined): void => {
    if (value !== undefined) form.append(name, String(value));
  };
  text('order_id', parts.order_id);
  text('order_type', parts.order_type);
  text('project_id', parts.project_id);
  text('save_to_project', parts.save_to_project ?? 'true');
  text('claim_package_id', parts.claim_package_id);
  if (parts.claims !== undefined) form.append('claims', typeof parts.claims === 'string' ? parts.claims : JSON.stringify(parts.claims));
  for (const [name, value] of Object.entries(parts.extra ?? {})) form.append(name, value);
  for (const file of parts.files ?? DEFAULT_FILES) {
    form.append(file.field, new Blob([file.content], { type: file.type ?? 'application/octet-stream' }), file.filename);
  }
  return form;
}

export interface UploadOptions {
  token: string | undefined;
  key?: string | null;
  signal?: AbortSignal;
}

export function upload(url: string, body: FormData | string, options: UploadOptions): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers['authorization'] = `Token ${options.token}`;
  const key = options.key === undefined ? randomUUID() : options.key;
  if (key !== null) headers['idempotency-key'] = key;
  if (typeof body === 'string') headers['content-type'] = 'application/json';
  const init: RequestInit = { method: 'POST', headers, body };
  if (options.signal !== undefined) init.signal = options.signal;
  return fetch(`${url}${API_PATHS.claimDocuments}`, init);
}

let nextId = 700;

/** A new listed order (a copy of a demo order under a fresh id), so tests never share one. */
export async function freshOrder(server: TestServer, type: OrderType, changes: Partial<PendingOrder> = {}): Promise<PendingOrder> {
  const spec = DEMO_ORDER_SPECS.find((s) => s.type === type && s.flaw === undefined && s.claimPackageId === undefined);
  if (spec === undefined) throw new Error(`no demo spec for ${type}`);
  const id = nextId++;
  const base = buildDemoOrder(spec);
  const order: PendingOrder = {
    ...base,
    id,
    order_number: type === 'claim_purchase' ? `CPO-2026-${String(id).padStart(4, '0')}` : `CO-${id}`,
    ...changes,
  };
  await server.store.insertOrder(order, { packageStatus: changes.claim_package_id ? 'in_progress' : null });
  return order;
}

/** The upload fields of an order with the given claims. */
export function partsFor(order: PendingOrder, claims: UploadClaim[] = claimsNamed('A 1', 'A 2')): UploadParts {
  return { order_id: order.id, order_type: order.order_type, project_id: order.project_id ?? 1, claims };
}

export async function fulfilment(server: TestServer, type: string, id: number): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/__test__/orders/${type}/${id}/fulfilment`);
  return (await response.json()) as Record<string, unknown>;
}

export async function totals(server: TestServer): Promise<Record<string, number>> {
  return (await (await fetch(`${server.url}/__test__/fulfilment-totals`)).json()) as Record<string, number>;
}
