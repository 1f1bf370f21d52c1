/** Remembered answers of requests sent with an Idempotency-Key, per user (kept without expiry in the reference server). */
import type { Kysely, Selectable } from 'kysely';
import type { IdempotencyKeysTable, ServerDatabase } from './db.types';

export type IdempotencyRow = Selectable<IdempotencyKeysTable>;

export async function findIdempotencyKey(db: Kysely<ServerDatabase>, userId: number, key: string): Promise<IdempotencyRow | undefined> {
  return db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
}

export async function storeIdempotencyKey(db: Kysely<ServerDatabase>, row: IdempotencyRow): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute();
}
