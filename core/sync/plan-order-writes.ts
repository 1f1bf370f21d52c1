/**
 * Turns one pending-orders payload into the writes for the cache. Every entry is checked on its own, inside its
 * own guard: a broken order is stored with its problems, an entry without identity is skipped with a reason,
 * duplicates are stored once, and an order whose payload did not change is not rewritten. Whatever one entry
 * does (nesting deep enough to overflow the stack, megabytes of text, hundreds of thousands of vertices) costs
 * that entry a problem, never the sync: its serialising, hashing and normalising are bounded (stored-entry.ts,
 * shared/domain/order-limits.ts) and anything that still throws is caught for that entry alone.
 */
import { createHash } from 'node:crypto';
import { drawnLimitIssues } from '../../shared/claims/drawn-limits';
import { readOrderAssignment } from '../../shared/assignment/read-assignment';
import { normalizePendingOrder, unreadableOrder } from '../../shared/domain/normalize-order';
import { orderKeyString, type OrderIssue, type OrderKey } from '../../shared/domain/order.types';
import type { NormalizedOrder } from '../../shared/domain/normalized-order.types';
import type { SyncReport } from '../../shared/domain/sync.types';
import type { OrderWrite } from '../repos/orders.mapper';
import type { StoredOrderState } from '../repos/orders.repo';
import { syncStopped } from './fetch-pending-orders';
import { storedEntry } from './stored-entry';
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
  signal?: AbortSignal,
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

  function addWrite(write: Omit<OrderWrite, 'lastKnownPayment'>): void {
    const normalizedKey = orderKeyString(write.order);
    if (seen.has(normalizedKey)) {
      counts.duplicates += 1;
      return;
    }
    seen.add(normalizedKey);
    const before = stored.get(normalizedKey);
    if (!before) counts.added += 1;
    else if (before.gone) counts.returned += 1;
    else counts.updated += 1;
    writes.push({ ...write, lastKnownPayment: before?.paymentState ?? null });
  }

  // Validating thousands of orders takes seconds: the event loop gets a turn every few milliseconds so progress
  // reaches the UI and IPC stays live, even while one pathological order uses its geometry budget.
  const turn = createTurn();
  for (let index = 0; index < entries.length; index += 1) {
    if (index % SLICE === 0 && index > 0) onProgress(index, entries.length);
    await turn();
    if (signal?.aborted) throw syncStopped();
    const entry = entries[index];
    const key = identityOf(entry);
    if (key && seen.has(key)) {
      counts.duplicates += 1; // the first occurrence wins; the server's list is oldest first
      continue;
    }
    try {
      const planned = planEntry(entry, index, key, stored);
      if (planned === 'unchanged') {
        seen.add(key as string);
        counts.unchanged += 1;
        continue;
      }
      if ('skip' in planned) {
        counts.skipped.push({ index, reason: planned.skip });
        continue;
      }
      addWrite(planned);
    } catch (error) {
      // Nothing above should throw; if an entry still manages to, it alone pays: kept under its identity with
      // the reason, or skipped with it when it has none.
      const why = error instanceof Error ? error.message : String(error);
      if (!key) {
        counts.skipped.push({ index, reason: `Order at index ${index} cannot be stored: reading it failed (${why})` });
        continue;
      }
      const [orderType, id] = key.split(':') as [OrderKey['orderType'], string];
      const order = unreadableOrder(orderType, Number(id), why);
      const json = JSON.stringify({ order_type: orderType, id: Number(id), claimdesk_note: `entry left out: ${why}` });
      addWrite({ order, rawJson: json, payloadHash: hashOf(json), paymentStatus: null, assignment: { holder: null, expired: null } });
    }
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

/**
 * Part of every payload hash: raised when what the sync derives from an order changes (the drawn claims' legal
 * limits joined its issues), so the first sync after an upgrade stores every order again rather than keeping
 * issues the cache computed under the old rules until the server happens to change the order.
 */
const DERIVED_VERSION = 'derived-2';

function hashOf(json: string): string {
  return createHash('sha1').update(DERIVED_VERSION).update(json).digest('base64');
}

/** One entry: unchanged since the last sync, skipped (no identity), or the write for it. */
function planEntry(
  entry: unknown,
  index: number,
  key: string | null,
  stored: Map<string, StoredOrderState>,
): 'unchanged' | { skip: string } | Omit<OrderWrite, 'lastKnownPayment'> {
  const copy = storedEntry(entry);
  const payloadHash = hashOf(copy.json);
  const previous = key ? stored.get(key) : undefined;
  if (key && previous && previous.hash === payloadHash && !previous.gone) return 'unchanged';
  const result = normalizePendingOrder(entry, index);
  if (!result.ok) return { skip: result.reason };
  const normalized = copy.problems.length > 0 ? { ...result.order, problems: [...copy.problems, ...result.order.problems] } : result.order;
  const order = { ...normalized, warnings: [...normalized.warnings, ...limitsAsDrawn(normalized.claims)] };
  return { order, rawJson: copy.json, payloadHash, paymentStatus: paymentStatusOf(entry), assignment: readOrderAssignment(entry) };
}

/** A cheap identity read before validation, for the unchanged check; the normalizer has the final word. */
function identityOf(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { order_type: type, id } = entry as { order_type?: unknown; id?: unknown };
  if ((type === 'claim_purchase' || type === 'claim_order') && typeof id === 'number' && Number.isInteger(id) && id > 0) {
    return orderKeyString({ orderType: type, id });
  }
  return null;
}

/** The server's own payment field, when it sends one as text; anything else is left to the order status. */
function paymentStatusOf(entry: unknown): string | null {
  const value = (entry as { payment_status?: unknown }).payment_status;
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 64) : null;
}

/** The drawn claims' legal limits; a check that fails on strange geometry costs the order this class only, never its listing. */
function limitsAsDrawn(claims: NormalizedOrder['claims']): OrderIssue[] {
  try {
    return drawnLimitIssues(claims);
  } catch {
    return [];
  }
}
