/**
 * Benchmark data: N listed orders of M valid lode claims each, alternating claim_purchase / claim_order,
 * scattered over central Nevada with a deterministic generator so every run stores the same data.
 */
import type { PendingOrder } from '../../shared/api/geodb.schemas';
import type { ReferenceStore } from '../store/reference-store';
import { buildLodeGrid } from './claim-grid';
import { orderNumber } from './demo.seed';

export interface BenchSeedOptions {
  orders: number;
  claimsPerOrder: number;
}

/** rows × cols = claims with the block as square as possible (8 → 2 × 4). */
function blockShape(claims: number): { rows: number; cols: number } {
  let rows = 1;
  for (let r = 1; r * r <= claims; r++) if (claims % r === 0) rows = r;
  return { rows, cols: claims / rows };
}

function* lcg(seed: number): Generator<number, never> {
  let state = seed >>> 0;
  for (;;) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    yield state / 0x100000000;
  }
}

const AZIMUTHS = [0, 15, 90, 330] as const;
const START_MS = Date.UTC(2026, 9, 1, 14, 0, 0); // 2026-10-01
const SPAN_MS = Date.UTC(2026, 10, 21, 23, 0, 0) - START_MS;

export function* generateBenchOrders(options: BenchSeedOptions): Generator<PendingOrder> {
  const { orders, claimsPerOrder } = options;
  if (!Number.isInteger(orders) || orders < 0 || !Number.isInteger(claimsPerOrder) || claimsPerOrder < 1) {
    throw new RangeError(`bench seed needs orders ≥ 0 and claimsPerOrder ≥ 1 (got ${orders} × ${claimsPerOrder})`);
  }
  const random = lcg(20261122);
  const next = (): number => random.next().value;
  const { rows, cols } = blockShape(claimsPerOrder);
  for (let k = 0; k < orders; k++) {
    const isPurchase = k % 2 === 0;
    const orderType = isPurchase ? 'claim_purchase' : 'claim_order';
    const id = Math.floor(k / 2) + 1;
    const createdAt = new Date(START_MS + Math.floor((SPAN_MS * k) / Math.max(1, orders))).toISOString().replace('.000Z', 'Z');
    const prefix = `B${k + 1}`;
    const features = buildLodeGrid({
      // Zone 11 only (-117.9…-114.1), so every block is laid out in its own zone.
      lon: -117.9 + next() * 3.8,
      lat: 38.0 + next() * 3.0,
      rows,
      cols,
      azimuthDeg: AZIMUTHS[k % AZIMUTHS.length] ?? 0,
      prefix,
    });
    yield {
      id,
      order_type: orderType,
      order_number: orderNumber(orderType, id, createdAt),
      status: isPurchase ? 'processing' : 'paid',
      created_at: createdAt,
      customer_email: `buyer${k + 1}@bench.example`,
      company_name: `Bench Mining Co. ${(k % 97) + 1}`,
      project_id: 10_000 + k,
      project_name: `Bench Project ${k + 1}`,
      claim_count: features.length,
      claim_polygons: { type: 'FeatureCollection', features },
      claimant_info: isPurchase
        ? null
        : { claimant_name: `Bench Claimant ${k + 1}`, address_1: '1 Main St', address_2: null, address_3: 'Elko, NV 89801', district: 'Bench District', monument_type: '4" x 4" wooden post' },
      claim_package_id: null,
      staking_service: isPurchase && k % 5 === 0,
      expedited_delivery: isPurchase && k % 7 === 0,
    };
  }
}

export function seedBench(store: ReferenceStore, options: BenchSeedOptions): Promise<number> {
  return store.bulkInsertOrders(generateBenchOrders(options));
}
