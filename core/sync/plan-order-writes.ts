/**
 * Turns the pending-orders entries into the writes for the cache. Every entry is checked on its own, inside its
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
import type { NewOrders, SyncReport } from '../../shared/domain/sync.types';
import type { OrderWrite } from '../repos/orders.mapper';
import type { StoredOrderState } from '../repos/orders.repo';
import { syncStopped } from './fetch-pending-orders';
import { storedEntry, type StoredEntry } from './stored-entry';
import { parseJsonUninterned } from './parse-json-uninterned';
import type { RawEntry } from '../api/pending-orders-splitter';
import { ORDER_LIMITS } from '../../shared/domain/order-limits';
import { createTurn } from '../platform/event-loop';

export interface OrderWritePlan {
  writes: OrderWrite[];
  goneKeys: OrderKey[];
  counts: Pick<SyncReport, 'received' | 'added' | 'updated' | 'unchanged' | 'gone' | 'returned' | 'duplicates' | 'skipped'>;
}

/** How many new orders a sync names (the workflow's "new orders" notice shows these and counts the rest). */
export const NAMED_NEW_ORDERS = 5;

/** What a planned list comes to once every entry was seen (the writes themselves went out one by one). */
export interface PlanTotals {
  goneKeys: OrderKey[];
  counts: OrderWritePlan['counts'];
  /** For the workflow's "new orders" notice. */
  added: NewOrders;
}

/**
 * Entries deeper than this are stored field by field (stored-entry.ts) rather than as sent: an order nests about
 * nine levels (its claims' GeoJSON rings), and a value much deeper cannot be serialised again or checked safely.
 */
const MAX_DEPTH_AS_SENT = 64;

/**
 * Plans one list entry by entry, in the server's order (oldest first), keeping only what the whole list needs:
 * the identities seen (one number each), the counts and the first few new orders. Each entry's write is answered
 * at once, for the caller to stage, so nothing grows with the size of the orders themselves.
 */
export class OrderPlanner {
  private readonly seen = new IdentitySet();
  private index = 0;
  private byHash: Map<string, string> | null = null;
  private readonly added: NewOrders = { count: 0, first: [] };
  readonly counts: OrderWritePlan['counts'] = { received: 0, added: 0, updated: 0, unchanged: 0, gone: 0, returned: 0, duplicates: 0, skipped: [] };

  constructor(private readonly stored: Map<string, StoredOrderState>) {}

  /**
   * An entry as the server sent it. Its hash is taken over those bytes: an entry stored unchanged is recognised
   * without being parsed at all; any other is parsed on its own, and one that is not valid JSON is skipped with
   * the reason.
   */
  addRaw(entry: RawEntry): OrderWrite | null {
    const index = this.next();
    const hash = hashOf(entry.bytes);
    const known = this.unchangedKey(hash);
    if (known !== null) return this.keepUnchanged(known);
    const text = entry.bytes.toString('utf8');
    let parsed: unknown;
    try {
      // Parsed without adding its short texts to V8's string table, which only a full collection empties
      // (parse-json-uninterned.ts).
      parsed = parseJsonUninterned(text);
    } catch (error) {
      this.counts.skipped.push({ index, reason: `Order at index ${index} cannot be read: it is not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      return null;
    }
    const asSent = entry.depth <= MAX_DEPTH_AS_SENT && text.length <= ORDER_LIMITS.maxStoredEntryChars;
    return this.plan(parsed, index, asSent ? { json: text, problems: [], hash } : null);
  }

  /** An entry already parsed (tests and tools that hold a list): stored and hashed in its serialised form. */
  add(entry: unknown): OrderWrite | null {
    return this.plan(entry, this.next(), null);
  }

  /** After the last entry: the orders no longer listed, and the totals. */
  finish(): PlanTotals {
    const goneKeys: OrderKey[] = [];
    for (const [key, state] of this.stored) {
      if (state.gone || this.seen.has(key)) continue;
      const [orderType, id] = key.split(':');
      goneKeys.push({ orderType: orderType as OrderKey['orderType'], id: Number(id) });
    }
    this.counts.gone = goneKeys.length;
    return { goneKeys, counts: this.counts, added: this.added };
  }

  private next(): number {
    this.counts.received += 1;
    return this.index++;
  }

  /** The order an unchanged entry belongs to: the same bytes (and rules version) as stored, so the same identity. */
  private unchangedKey(hash: string): string | null {
    if (this.byHash === null) {
      this.byHash = new Map();
      for (const [key, state] of this.stored) if (!state.gone) this.byHash.set(state.hash, key);
    }
    return this.byHash.get(hash) ?? null;
  }

  private keepUnchanged(key: string): null {
    if (this.seen.has(key)) this.counts.duplicates += 1;
    else {
      this.seen.add(key);
      this.counts.unchanged += 1;
    }
    return null;
  }

  private plan(entry: unknown, index: number, asSent: (StoredEntry & { hash: string }) | null): OrderWrite | null {
    const key = identityOf(entry);
    if (key && this.seen.has(key)) {
      this.counts.duplicates += 1; // the first occurrence wins; the server's list is oldest first
      return null;
    }
    try {
      const planned = planEntry(entry, index, key, this.stored, asSent);
      if (planned === 'unchanged') return this.keepUnchanged(key as string);
      if ('skip' in planned) {
        this.counts.skipped.push({ index, reason: planned.skip });
        return null;
      }
      return this.write(planned);
    } catch (error) {
      // Nothing above should throw; if an entry still manages to, it alone pays: kept under its identity with
      // the reason, or skipped with it when it has none.
      const why = error instanceof Error ? error.message : String(error);
      if (!key) {
        this.counts.skipped.push({ index, reason: `Order at index ${index} cannot be stored: reading it failed (${why})` });
        return null;
      }
      const [orderType, id] = key.split(':') as [OrderKey['orderType'], string];
      const order = unreadableOrder(orderType, Number(id), why);
      const json = JSON.stringify({ order_type: orderType, id: Number(id), claimdesk_note: `entry left out: ${why}` });
      return this.write({ order, rawJson: json, payloadHash: hashOf(json), paymentStatus: null, assignment: { holder: null, expired: null } });
    }
  }

  private write(write: Omit<OrderWrite, 'lastKnownPayment'>): OrderWrite | null {
    const normalizedKey = orderKeyString(write.order);
    if (this.seen.has(normalizedKey)) {
      this.counts.duplicates += 1;
      return null;
    }
    this.seen.add(normalizedKey);
    const before = this.stored.get(normalizedKey);
    if (!before) {
      this.counts.added += 1;
      this.added.count += 1;
      if (this.added.first.length < NAMED_NEW_ORDERS) this.added.first.push({ key: { orderType: write.order.orderType, id: write.order.id }, orderNumber: write.order.orderNumber });
    } else if (before.gone) this.counts.returned += 1;
    else this.counts.updated += 1;
    // Every field named rather than spread from `write`: the spread's copy of each order's write outlived V8's young
    // generation and was promoted, some 230 bytes an order (measured: 40,000 orders peaked 9 MB higher with it).
    const { order, rawJson, payloadHash, paymentStatus, assignment } = write;
    return { order, rawJson, payloadHash, paymentStatus, assignment, lastKnownPayment: before?.paymentState ?? null };
  }
}

/**
 * The identities a list has shown so far. Each is kept as one number (the id doubled, plus one for a claim order)
 * rather than its "type:id" text: at 40,000 orders the strings and their set took some 6 MB of heap that the
 * garbage collector then sized its heap by, and the sync's peak grew with the orders. An id too large for that
 * (beyond 2^52) is kept as text.
 */
class IdentitySet {
  private readonly keys = new Set<number | string>();

  has(key: string): boolean {
    return this.keys.has(compactIdentity(key));
  }

  add(key: string): void {
    this.keys.add(compactIdentity(key));
  }
}

function compactIdentity(key: string): number | string {
  const colon = key.indexOf(':');
  const type = key.slice(0, colon);
  const id = Number(key.slice(colon + 1));
  const bit = type === 'claim_order' ? 1 : type === 'claim_purchase' ? 0 : -1;
  return bit >= 0 && Number.isInteger(id) && id > 0 && Number.isSafeInteger(id * 2 + 1) ? id * 2 + bit : key;
}

/** Entries between two progress reports. */
const SLICE = 500;

/** A whole list already parsed, planned at once (the sync streams through OrderPlanner instead). */
export async function planOrderWrites(
  entries: unknown[],
  stored: Map<string, StoredOrderState>,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<OrderWritePlan> {
  const planner = new OrderPlanner(stored);
  const writes: OrderWrite[] = [];
  // Validating thousands of orders takes seconds: the event loop gets a turn every few milliseconds so progress
  // reaches the UI and IPC stays live, even while one pathological order uses its geometry budget.
  const turn = createTurn();
  for (let index = 0; index < entries.length; index += 1) {
    if (index % SLICE === 0 && index > 0) onProgress(index, entries.length);
    await turn();
    if (signal?.aborted) throw syncStopped();
    const write = planner.add(entries[index]);
    if (write) writes.push(write);
  }
  onProgress(entries.length, entries.length);
  const { goneKeys, counts } = planner.finish();
  return { writes, goneKeys, counts };
}

/**
 * Part of every payload hash: raised when what the sync derives from an order changes (the drawn claims' legal
 * limits joined its issues), so the first sync after an upgrade stores every order again rather than keeping
 * issues the cache computed under the old rules until the server happens to change the order.
 */
const DERIVED_VERSION = 'derived-2';

/** Over the stored text, or the bytes as sent (the same when the text is what was sent). */
function hashOf(stored: string | Buffer): string {
  return createHash('sha1').update(DERIVED_VERSION).update(stored).digest('base64');
}

/** One entry: unchanged since the last sync, skipped (no identity), or the write for it. */
function planEntry(
  entry: unknown,
  index: number,
  key: string | null,
  stored: Map<string, StoredOrderState>,
  asSent: (StoredEntry & { hash: string }) | null,
): 'unchanged' | { skip: string } | Omit<OrderWrite, 'lastKnownPayment'> {
  const copy = asSent ?? storedEntry(entry);
  const payloadHash = asSent?.hash ?? hashOf(copy.json);
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
