/**
 * The crew cache (0014): the last crew board the server answered. Whether a crew is assigned to an order lives in
 * one place, crew_board_orders.assigned_crew: the workflow's guard, the queue's "Awaiting crew" filter, the crew
 * panel and `orders --json` all read it from here.
 */
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { OrderKey } from '../../shared/domain/order.types';
import type { CrewBoardOrdersTable, CrewInterestsTable, Db } from '../db/schema';

/** sync_state's note that this server answered 404 for crews (core/crews/crew-refresh.ts). */
export const CREWS_UNSUPPORTED_KEY = 'crews.unsupported';

export type CrewBoardRow = Selectable<CrewBoardOrdersTable>;
export type CrewInterestRow = Selectable<CrewInterestsTable>;

/** 1 when a crew is assigned to the order named by the two columns in scope. */
export function crewAssignedOf(orderType: RawBuilder<unknown>, orderId: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`EXISTS (SELECT 1 FROM crew_board_orders cb WHERE cb.order_type = ${orderType} AND cb.order_id = ${orderId} AND cb.assigned_crew IS NOT NULL)`;
}

/**
 * 1 for a staking-service order (the column in scope) unless this server answered that it has no crews: a GeoDB server
 * without our extension cannot assign one, and its staking orders must stay workable.
 */
export function crewRequiredOf(stakingService: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(coalesce(${stakingService}, 0) = 1 AND NOT EXISTS (SELECT 1 FROM sync_state s WHERE s.key = ${CREWS_UNSUPPORTED_KEY}))`;
}

/** The assigned crew of the `orders` row in scope, or NULL. */
export function assignedCrewOfOrder(): RawBuilder<string | null> {
  return sql<string | null>`(SELECT cb.assigned_crew FROM crew_board_orders cb WHERE cb.order_type = orders.order_type AND cb.order_id = orders.id)`;
}

/** The `orders` row in scope awaits a crew (on the board, inside the signed-in crew member's coverage, nobody assigned). */
export function awaitsCrew(): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM crew_board_orders cb WHERE cb.order_type = orders.order_type AND cb.order_id = orders.id AND cb.assigned_crew IS NULL AND cb.in_coverage = 1)`;
}

export async function listBoard(db: Db): Promise<CrewBoardRow[]> {
  return db.selectFrom('crew_board_orders').selectAll().orderBy('order_number').execute();
}

export async function listCrewInterests(db: Db, order?: OrderKey): Promise<CrewInterestRow[]> {
  let query = db.selectFrom('crew_interests').selectAll().orderBy('server_id');
  if (order) query = query.where('order_type', '=', order.orderType).where('order_id', '=', order.id);
  return query.execute();
}

export async function getBoardRow(db: Db, order: OrderKey): Promise<CrewBoardRow | undefined> {
  return db.selectFrom('crew_board_orders').selectAll().where('order_type', '=', order.orderType).where('order_id', '=', order.id).executeTakeFirst();
}

/**
 * Stores a new board in the caller's transaction. Interests are the server's list as answered. An order that left the
 * board keeps its row only when a crew was assigned to it: the order leaves the pending list once delivered, and the
 * posts its crew staked are still accepted after that.
 */
export async function replaceBoard(trx: Db, rows: readonly CrewBoardRow[], interests: readonly CrewInterestRow[]): Promise<void> {
  const listed = new Set(rows.map((row) => `${row.order_type}:${row.order_id}`));
  for (const old of await listBoard(trx)) {
    if (!listed.has(`${old.order_type}:${old.order_id}`) && old.assigned_crew === null) {
      await trx.deleteFrom('crew_board_orders').where('order_type', '=', old.order_type).where('order_id', '=', old.order_id).execute();
    }
  }
  for (const row of rows) {
    const { order_type: _t, order_id: _i, ...rest } = row;
    await trx.insertInto('crew_board_orders').values(row).onConflict((oc) => oc.columns(['order_type', 'order_id']).doUpdateSet(rest)).execute();
  }
  await trx.deleteFrom('crew_interests').execute();
  if (interests.length > 0) await trx.insertInto('crew_interests').values([...interests]).execute();
}
