/**
 * The queue's search box as SQL over the `orders` row in scope. Every word must occur in the order's search text
 * (order number, customer, company, project; lower-cased), as a substring, case-insensitively.
 *
 * Words of three characters or more are looked up in the trigram index (orders_search, migration 0010), which gives
 * exactly the rows LIKE '%word%' would, without reading every order. Shorter words cannot be split into trigrams and
 * are tested with LIKE on the rows the other words left. One choice is made here, from the index itself, because
 * SQLite cannot make it for a virtual table: when the words match a large part of the cache (a shared prefix such as
 * "cpo"), reading the orders in queue order and testing each is cheaper than thousands of key lookups, so LIKE
 * is used for every word.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/schema';

/** Index lookups win while the hits are at most this share of the cache (measured at 10,000 orders). */
const INDEX_SHARE = 0.2;
const TRIGRAM = 3;

export interface SearchPlan {
  /** The predicates, all of which must hold. */
  where: RawBuilder<boolean>[];
  /** Whether the trigram index drives the search (for tests and the benchmark's caption). */
  indexed: boolean;
}

export function searchTerms(search: string | undefined): string[] {
  return (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

function likeTerm(term: string): RawBuilder<boolean> {
  // Escape LIKE wildcards so a search for "100%" or "a_b" means those characters.
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`orders.search_text LIKE ${pattern} ESCAPE '\\'`;
}

/** An FTS5 query: each word a quoted string (quotes doubled), all required. */
function matchExpression(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' ');
}

/** The orders whose search text contains every word, by key: the inverse of the rowid migration 0010 assigns. */
function indexedMatch(expression: string): RawBuilder<boolean> {
  return sql<boolean>`(orders.order_type, orders.id) IN (SELECT CASE orders_search.rowid & 1 WHEN 1 THEN 'claim_order' ELSE 'claim_purchase' END,
    orders_search.rowid >> 1 FROM orders_search WHERE orders_search MATCH ${expression})`;
}

export async function planSearch(db: Db, search: string | undefined, cachedOrders: number): Promise<SearchPlan> {
  const terms = searchTerms(search);
  const long = terms.filter((term) => [...term].length >= TRIGRAM);
  if (long.length > 0) {
    const expression = matchExpression(long);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM orders_search WHERE orders_search MATCH ${expression}`.execute(db);
    if (Number(rows[0]?.n ?? 0) <= cachedOrders * INDEX_SHARE) {
      return { where: [indexedMatch(expression), ...terms.filter((term) => !long.includes(term)).map(likeTerm)], indexed: true };
    }
  }
  return { where: terms.map(likeTerm), indexed: false };
}
