/**
 * Turns one pending-orders payload into the writes for the cache. Every entry is checked on its own: a broken
 * order is stored with its problems, an entry without identity is skipped with a reason, duplicates are stored
 * once, and an order whose payload did not change is not rewritten.
 */
import { createHash } from 'node:crypto';
import { normalizePendingOrder } from '../../shared/domain/normalize-order';
import type { OrderKey } from '../../shared/domain/order.types';
import type { SyncReport } from '../../shared/domain/sync.types';
import type { OrderWrite } from '../repos/orders.mapper';
import type { StoredOrderState } from '../repos/orders.repo';
import { createTurn } from '../platform/event-loop';

export interface OrderWritePlan {
  writes: OrderWrite[];
  goneKeys: OrderKey[];
  counts: Pick<SyncReport, 'received' | 'added' | 'updated' | 'unchanged' | 'gone' | 'returned' | 'duplicates' | 'skipped'>;
}

/** Entries between two progress reports. */
const SLICE = 500;

export async function planOrderWrites(
  entries: unknown[],
  stored: Map<string, StoredOrderState>,
  onProgress: (done: number, total: number) => void,
): Promise<OrderWritePlan> {
  const writes: OrderWrite[] = [];
  const seen = new Set<string>();
  const counts: OrderWritePlan['counts'] = {
    received: entries.length,
    added: 0,
    updated: 0,
    unchanged: 0,
    gone: 0,
    returned: 0,
    duplicates: 0,
    skipped: [],
  };

  // Validating thousands of orders takes seconds: the event loop gets a turn every few milliseconds so IPC stays live.
  const turn = createTurn();
  for (let index = 0; index < entries.length; index += 1) {
    if (index % SLICE === 0 && index > 0) onProgress(index, entries.length);
    await turn();
    const entry = entries[index];
    const key = identityOf(entry);
    if (key && seen.has(key)) {
      counts.duplicates += 1; // the first occurrence wins; the server's list is oldest first
      continue;
    }
    const rawJson = JSON.stringify(entry) ?? 'null';
    const payloadHash = createHash('sha1').update(rawJson).digest('base64');
    const previous = key ? stored.get(key) : undefined;
    if (key && previous && previous.hash === payloadHash && !previous.gone) {
      seen.add(key);
      counts.unchanged += 1;
      continue;
    }
    const result = normalizePendingOrder(entry, index);
    if (!result.ok) {
      counts.skipped.push({ index, reason: result.reason });
      continue;
    }
    const normalizedKey = `${result.order.orderType}:${result.order.id}`;
    if (seen.has(normalizedKey)) {
      counts.duplicates += 1;
      continue;
    }
    seen.add(normalizedKey);
    const before = stored.get(normalizedKey);
    if (!before) counts.added += 1;
    else if (before.gone) counts.returned += 1;
    else counts.updated += 1;
    writes.push({ order: result.order, rawJson, payloadHash, paymentStatus: paymentStatusOf(entry), lastKnownPayment: before?.paymentState ?? null });
  }
  onProgress(entries.length, entries.length);

  const goneKeys: OrderKey[] = [];
  for (const [key, state] of stored) {
    if (state.gone || seen.has(key)) continue;
    const [orderType, id] = key.split(':');
    goneKeys.push({ orderType: orderType as OrderKey['orderType'], id: Number(id) });
  }
  counts.gone = goneKeys.length;
  return { writes, goneKeys, counts };
}

/** A cheap identity read before validation, for the unchanged check; the normalizer has the final word. */
function identityOf(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { order_type: type, id } = entry as { order_type?: unknown; id?: unknown };
  if ((type === 'claim_purchase' || type === 'claim_order') && typeof id === 'number' && Number.isInteger(id) && id > 0) {
    return `${type}:${id}`;
  }
  return null;
}

/** The server's own payment field (seed 002), when it sends one as text; anything else is left to the order status. */
function paymentStatusOf(entry: unknown): string | null {
  const value = (entry as { payment_status?: unknown }).payment_status;
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 64) : null;
}
