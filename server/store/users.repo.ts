/** Users and Knox-style tokens (only a digest of each token is stored). */
import type { Kysely, Selectable } from 'kysely';
import type { ServerDatabase, UsersTable } from './db.types';

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Omit<UserRow, 'id'>;

export async function findUserByUsername(db: Kysely<ServerDatabase>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function upsertUser(db: Kysely<ServerDatabase>, user: NewUserRow): Promise<UserRow> {
  const { username: _username, ...rest } = user;
  return db
    .insertInto('users')
    .values(user)
    .onConflict((oc) => oc.column('username').doUpdateSet(rest))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function countUsers(db: Kysely<ServerDatabase>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertToken(
  db: Kysely<ServerDatabase>,
  token: { digest: string; token_key: string; user_id: number; created_at: string },
): Promise<void> {
  await db.insertInto('tokens').values(token).execute();
}

export async function findUserByTokenDigest(db: Kysely<ServerDatabase>, digest: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('tokens')
    .innerJoin('users', 'users.id', 'tokens.user_id')
    .selectAll('users')
    .where('tokens.digest', '=', digest)
    .executeTakeFirst();
}

export async function deleteTokensOfUser(db: Kysely<ServerDatabase>, userId: number): Promise<number> {
  const result = await db.deleteFrom('tokens').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
