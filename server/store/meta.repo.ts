/**
 * The data-version counter behind the pending-orders ETag, plus a random epoch that changes on every
 * reset so a client's old ETag can never match a rebuilt database that happens to reach the same version.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from './db.types';

const VERSION_KEY = 'data_version';
const EPOCH_KEY = 'epoch';
const SEED_KEY = 'seed';

export interface DataVersion {
  epoch: string;
  version: number;
}

async function readValue(db: Kysely<ServerDatabase>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

async function writeValue(db: Kysely<ServerDatabase>, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function ensureMeta(db: Kysely<ServerDatabase>): Promise<void> {
  if ((await readValue(db, EPOCH_KEY)) === undefined) await writeValue(db, EPOCH_KEY, randomBytes(6).toString('hex'));
  if ((await readValue(db, VERSION_KEY)) === undefined) await writeValue(db, VERSION_KEY, '1');
}

export async function readDataVersion(db: Kysely<ServerDatabase>): Promise<DataVersion> {
  const rows = await db.selectFrom('meta').select(['key', 'value']).where('key', 'in', [VERSION_KEY, EPOCH_KEY]).execute();
  const epoch = rows.find((r) => r.key === EPOCH_KEY)?.value ?? 'none';
  const version = Number(rows.find((r) => r.key === VERSION_KEY)?.value ?? '0');
  return { epoch, version };
}

/** Call inside the same transaction as the mutation so a reader never sees new data under an old version. */
export async function bumpDataVersion(db: Kysely<ServerDatabase>): Promise<number> {
  const current = Number((await readValue(db, VERSION_KEY)) ?? '0');
  const next = current + 1;
  await writeValue(db, VERSION_KEY, String(next));
  return next;
}

export async function readSeedMarker(db: Kysely<ServerDatabase>): Promise<string | undefined> {
  return readValue(db, SEED_KEY);
}

export async function writeSeedMarker(db: Kysely<ServerDatabase>, seed: string): Promise<void> {
  await writeValue(db, SEED_KEY, seed);
}
