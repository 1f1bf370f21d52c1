/** Crew coverage and crew interests in the reference server's file (schema.repo.ts). */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CrewInterestsTable, ServerDatabase } from './db.types';

export type CrewInterestRow = Selectable<CrewInterestsTable> & { username: string; first_name: string; last_name: string; decided_by_username: string | null };

export async function coverageOf(db: Kysely<ServerDatabase>, userId: number): Promise<{ state: string; county: string }[]> {
  return db.selectFrom('crew_coverage').select(['state', 'county']).where('user_id', '=', userId).orderBy('state').orderBy('county').execute();
}

export async function replaceCoverage(db: Kysely<ServerDatabase>, userId: number, areas: readonly { state: string; county: string }[]): Promise<void> {
  await db.deleteFrom('crew_coverage').where('user_id', '=', userId).execute();
  if (areas.length > 0) await db.insertInto('crew_coverage').values(areas.map((a) => ({ user_id: userId, ...a }))).onConflict((oc) => oc.doNothing()).execute();
}

function interestQuery(db: Kysely<ServerDatabase>) {
  return db
    .selectFrom('crew_interests as i')
    .innerJoin('users as u', 'u.id', 'i.crew_user_id')
    .leftJoin('users as d', 'd.id', 'i.decided_by')
    .selectAll('i')
    .select(['u.username', 'u.first_name', 'u.last_name', 'd.username as decided_by_username']);
}

export async function interestsOfOrder(db: Kysely<ServerDatabase>, orderType: string, orderId: number): Promise<CrewInterestRow[]> {
  return interestQuery(db).where('i.order_type', '=', orderType).where('i.order_id', '=', orderId).orderBy('i.id').execute();
}

/** Every interest, or one crew member's: the board's list, oldest first. */
export async function listInterests(db: Kysely<ServerDatabase>, crewUserId: number | null): Promise<CrewInterestRow[]> {
  let query = interestQuery(db);
  if (crewUserId !== null) query = query.where('i.crew_user_id', '=', crewUserId);
  return query.orderBy('i.id').execute();
}

export async function findInterest(db: Kysely<ServerDatabase>, id: number): Promise<CrewInterestRow | undefined> {
  return interestQuery(db).where('i.id', '=', id).executeTakeFirst();
}

export async function insertInterest(db: Kysely<ServerDatabase>, row: Insertable<CrewInterestsTable>): Promise<number> {
  const inserted = await db.insertInto('crew_interests').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateInterest(
  db: Kysely<ServerDatabase>,
  id: number,
  change: Partial<Pick<CrewInterestsTable, 'status' | 'reason' | 'decided_by' | 'updated_at' | 'proposed_cost_cents' | 'earliest_date' | 'note' | 'expires_at'>>,
): Promise<void> {
  await db.updateTable('crew_interests').set(change).where('id', '=', id).execute();
}

/** Active interests whose time is up (at or before `nowIso`). */
export async function overdueInterestIds(db: Kysely<ServerDatabase>, nowIso: string): Promise<number[]> {
  const rows = await db.selectFrom('crew_interests').select('id').where('status', '=', 'active').where('expires_at', '<=', nowIso).execute();
  return rows.map((r) => r.id);
}
