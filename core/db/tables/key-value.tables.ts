/**
 * The key/value tables: sync_state (what the last sync and crew refresh left behind) and settings.
 * Kysely row types: keep them in step with the SQL in migrations/.
 */

export interface KeyValueTable {
  key: string;
  value: string;
}
