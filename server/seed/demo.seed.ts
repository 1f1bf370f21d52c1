/** Builds the demo orders from their specs and stores them (idempotent: existing orders are replaced). */
import type { PendingOrder } from '../../shared/api/geodb.schemas';
import type { ReferenceStore } from '../store/reference-store';
import { buildLodeGrid } from './claim-grid';
import { applyFlaw, shapeClaimPolygons } from './claim-polygon-shapes';
import type { DemoOrderSpec } from './demo-order.types';
import { DEMO_ORDER_SPECS } from './demo-orders.data';

export function orderNumber(orderType: PendingOrder['order_type'], id: number, createdAt: string): string {
  return orderType === 'claim_purchase' ? `CPO-${createdAt.slice(0, 4)}-${String(id).padStart(4, '0')}` : `CO-${id}`;
}

export function buildDemoOrder(spec: DemoOrderSpec): PendingOrder {
  const claims = buildLodeGrid(spec.site);
  const { features, claimCount } = applyFlaw(claims, spec.flaw);
  const isPurchase = spec.type === 'claim_purchase';
  return {
    id: spec.id,
    order_type: spec.type,
    order_number: orderNumber(spec.type, spec.id, spec.createdAt),
    status: spec.status,
    created_at: spec.createdAt,
    customer_email: spec.customerEmail,
    company_name: spec.companyName,
    project_id: spec.projectId,
    project_name: spec.projectName,
    claim_count: claimCount,
    claim_polygons: shapeClaimPolygons(features, spec.shape, {
      nameKey: spec.nameKey,
      blockName: `${spec.site.prefix} 1-${claims.length}`,
    }),
    // As the real server: claim_purchase orders never carry claimant info; claim_order never has a package.
    claimant_info: isPurchase ? null : (spec.claimantInfo ?? null),
    claim_package_id: isPurchase ? (spec.claimPackageId ?? null) : null,
    staking_service: isPurchase ? (spec.stakingService ?? false) : false,
    expedited_delivery: isPurchase ? (spec.expeditedDelivery ?? false) : false,
  };
}

export function buildDemoOrders(): { order: PendingOrder; packageStatus: string | null }[] {
  return DEMO_ORDER_SPECS.map((spec) => ({ order: buildDemoOrder(spec), packageStatus: spec.packageStatus ?? null }));
}

export async function seedDemo(store: ReferenceStore): Promise<number> {
  const all = buildDemoOrders();
  for (const { order, packageStatus } of all) await store.insertOrder(order, { packageStatus });
  return all.length;
}
