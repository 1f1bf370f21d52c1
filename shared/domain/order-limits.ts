/**
 * How much of one pending order ClaimDesk takes in. Every order is checked on its own, and these caps keep one
 * hostile or broken entry from costing the sync (or the window) more than a moment: beyond a cap the order is
 * still kept, with a problem that names the cap, and every other order syncs as usual. The caps are stated in
 * the messages so staff know what to ask the server's owners to fix.
 *
 * Why these numbers:
 *   vertices per ring    10,000  a lode claim has 4 corners, a placer outline digitised along a creek a few hundred;
 *                                10,000 is far beyond any claim and still checked in milliseconds
 *   vertices per order   50,000  a large order (40 claims) of detailed placer outlines stays well under it
 *   geometry time        1 s     the whole order's geometry check (rings, self-intersection, area); normal orders
 *                                take well under a millisecond, so only a pathological one ever meets it
 *   text per field       1,000   characters: order numbers, names, e-mails and addresses are far shorter
 *   stored entry         4 MB    the order as received, kept for support and its price: 50,000 vertices fit
 */
export const ORDER_LIMITS = {
  maxVerticesPerRing: 10_000,
  maxVerticesPerOrder: 50_000,
  geometryBudgetMs: 1_000,
  maxTextChars: 1_000,
  maxStoredEntryChars: 4_000_000,
} as const;

/** Codes of the problems the caps raise (the cache, the UI and tests key on codes). */
export const ORDER_LIMIT_CODES = {
  tooManyVerticesInRing: 'claim_too_many_vertices',
  tooManyVerticesInOrder: 'order_too_many_vertices',
  geometryTimedOut: 'order_geometry_timed_out',
  textTooLong: 'order_field_too_long',
  entryTooDeep: 'order_entry_too_deep',
  entryTooLarge: 'order_entry_too_large',
  entryUnreadable: 'order_entry_unreadable',
} as const;

const grouped = (n: number): string => n.toLocaleString('en-US');

/** "at most 10,000 vertices per ring and 50,000 per order": the caps as every vertex message states them. */
export function vertexCapsText(): string {
  return `at most ${grouped(ORDER_LIMITS.maxVerticesPerRing)} vertices per ring and ${grouped(ORDER_LIMITS.maxVerticesPerOrder)} per order`;
}

export function formatCount(n: number): string {
  return grouped(n);
}
