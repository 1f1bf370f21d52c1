/** The two small key/value tables: sync bookkeeping and settings. */
import type { Db } from '../db/schema';

type KeyValueTableName = 'sync_state' | 'settings';

export async function getValues(db: Db, table: KeyValueTableName): Promise<Map<string, string>> {
  const rows = await db.selectFrom(table).select(['key', 'value']).execute();
  return new Map(rows.map((row) => [row.key, row.value]));
}

export async function setValues(db: Db, table: KeyValueTableName, values: Record<string, string | null>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    if (value === null) {
      await db.deleteFrom(table).where('key', '=', key).execute();
    } else {
      await db
        .insertInto(table)
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    }
  }
}
