/** Possible duplicate purchases: replaced as a whole after a sync, read per order for its flags. */
import type { OrderKey } from '../../shared/domain/order.types';
import type { DuplicateFlag } from '../../shared/domain/order.types';
import type { Db } from '../db/schema';

export interface DuplicateRowInput {
  a: OrderKey;
  b: OrderKey;
  share: number;
  overlapAcres: number;
  claims: { a: string; b: string }[];
}

/** The claims of every listed order, for the duplicate check (one row per order; claims_json as cached). */
export async function listClaimsOfListedOrders(db: Db): Promise<{ order_type: OrderKey['orderType']; id: number; order_number: string; claims_json: string }[]> {
  return db
    .selectFrom('orders as o')
    .innerJoin('order_payloads as p', (join) => join.onRef('p.order_type', '=', 'o.order_type').onRef('p.id', '=', 'o.id'))
    .select(['o.order_type', 'o.id', 'o.order_number', 'p.claims_json'])
    .where('o.gone_at', 'is', null)
    .where('o.status', 'not in', ['cancelled', 'rejected'])
    .orderBy('o.created_at')
    .orderBy('o.order_type')
    .orderBy('o.id')
    .execute();
}

/** Where a page of listedClaimsPage ended: the last row's place in the list's order. */
export interface ListedClaimsCursor {
  createdAt: string;
  orderType: OrderKey['orderType'];
  id: number;
}

export interface ListedClaimsRow {
  order_type: OrderKey['orderType'];
  id: number;
  created_at: string;
  claims_json: string;
}

/**
 * The claims of the listed orders a page at a time, in the same order as listClaimsOfListedOrders (after `after`):
 * the duplicate check reads each page and lets it go, rather than holding every order's claims at once.
 */
export async function listedClaimsPage(db: Db, after: ListedClaimsCursor | null, limit: number): Promise<ListedClaimsRow[]> {
  let query = db
    .selectFrom('orders as o')
    .innerJoin('order_payloads as p', (join) => join.onRef('p.order_type', '=', 'o.order_type').onRef('p.id', '=', 'o.id'))
    .select(['o.order_type', 'o.id', 'o.created_at', 'p.claims_json'])
    .where('o.gone_at', 'is', null)
    .where('o.status', 'not in', ['cancelled', 'rejected']);
  if (after) {
    query = query.where((eb) => eb(eb.refTuple('o.created_at', 'o.order_type', 'o.id'), '>', eb.tuple(after.createdAt, after.orderType, after.id)));
  }
  return query.orderBy('o.created_at').orderBy('o.order_type').orderBy('o.id').limit(limit).execute();
}

/** The claims and numbers of the given orders (the few whose claims' boxes met another order's). */
export async function getClaimsOfOrders(db: Db, keys: readonly OrderKey[]): Promise<{ order_type: OrderKey['orderType']; id: number; order_number: string; claims_json: string }[]> {
  const rows: { order_type: OrderKey['orderType']; id: number; order_number: string; claims_json: string }[] = [];
  for (let start = 0; start < keys.length; start += 400) {
    const chunk = keys.slice(start, start + 400);
    rows.push(
      ...(await db
        .selectFrom('orders as o')
        .innerJoin('order_payloads as p', (join) => join.onRef('p.order_type', '=', 'o.order_type').onRef('p.id', '=', 'o.id'))
        .select(['o.order_type', 'o.id', 'o.order_number', 'p.claims_json'])
        .where((eb) => eb.or(chunk.map((key) => eb.and([eb('o.order_type', '=', key.orderType), eb('o.id', '=', key.id)]))))
        .execute()),
    );
  }
  return rows;
}

/** Pairs already flagged, as "type:id|type:id" keys, so only new ones are announced. */
export async function listDuplicatePairKeys(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('order_duplicates').select(['a_type', 'a_id', 'b_type', 'b_id']).execute();
  return new Set(rows.map((r) => `${r.a_type}:${r.a_id}|${r.b_type}:${r.b_id}`));
}

export async function replaceDuplicates(trx: Db, pairs: readonly DuplicateRowInput[], at: string): Promise<void> {
  await trx.deleteFrom('order_duplicates').execute();
  for (let start = 0; start < pairs.length; start += 400) {
    await trx
      .insertInto('order_duplicates')
      .values(
        pairs.slice(start, start + 400).map((pair) => ({
          a_type: pair.a.orderType,
          a_id: pair.a.id,
          b_type: pair.b.orderType,
          b_id: pair.b.id,
          share: pair.share,
          overlap_acres: pair.overlapAcres,
          claims_json: JSON.stringify(pair.claims),
          found_at: at,
        })),
      )
      .execute();
  }
}

/** The flags on one order, from whichever side of each pair it is on (its own claims named first). */
export async function listDuplicatesOf(db: Db, key: OrderKey): Promise<DuplicateFlag[]> {
  const rows = await db
    .selectFrom('order_duplicates as d')
    .leftJoin('orders as oa', (join) => join.onRef('oa.order_type', '=', 'd.a_type').onRef('oa.id', '=', 'd.a_id'))
    .leftJoin('orders as ob', (join) => join.onRef('ob.order_type', '=', 'd.b_type').onRef('ob.id', '=', 'd.b_id'))
    .select(['d.a_type', 'd.a_id', 'd.b_type', 'd.b_id', 'd.share', 'd.overlap_acres', 'd.claims_json', 'oa.order_number as a_number', 'ob.order_number as b_number'])
    .where((eb) =>
      eb.or([
        eb.and([eb('d.a_type', '=', key.orderType), eb('d.a_id', '=', key.id)]),
        eb.and([eb('d.b_type', '=', key.orderType), eb('d.b_id', '=', key.id)]),
      ]),
    )
    .orderBy('d.share', 'desc')
    .execute();
  return rows.map((row) => {
    const mineIsA = row.a_type === key.orderType && row.a_id === key.id;
    const claims = JSON.parse(row.claims_json) as { a: string; b: string }[];
    return {
      other: mineIsA ? { orderType: row.b_type, id: row.b_id } : { orderType: row.a_type, id: row.a_id },
      otherOrderNumber: (mineIsA ? row.b_number : row.a_number) ?? '(not cached)',
      share: row.share,
      overlapAcres: row.overlap_acres,
      claims: claims.map((c) => (mineIsA ? { mine: c.a, theirs: c.b } : { mine: c.b, theirs: c.a })),
    };
  });
}
