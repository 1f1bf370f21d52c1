/**
 * Changing a table's definition where ALTER TABLE cannot (a CHECK constraint), by the procedure of
 * https://www.sqlite.org/lang_altertable.html section 7: create the new table, copy the rows, drop the old one, rename
 * the new one into its place, and create its indexes and triggers again. Schema-migration code, like migrate.ts:
 * it issues SQL through better-sqlite3 directly.
 *
 * The caller runs it inside the migration's transaction with foreign keys OFF (migrate.ts turns them off for a
 * migration that asks, before the transaction, and runs PRAGMA foreign_key_check before the commit): with them on,
 * dropping a parent table would delete or orphan its children's references.
 *
 * The new definition is derived from the stored one (`revise` edits its CREATE TABLE text), so columns other
 * migrations added are kept as they are, in the same order, whatever ran before.
 */
import type BetterSqlite3 from 'better-sqlite3';

interface SchemaRow {
  type: string;
  name: string;
  sql: string | null;
}

export function rebuildTable(db: BetterSqlite3.Database, table: string, revise: (createSql: string) => string): void {
  if (Number(db.pragma('foreign_keys', { simple: true })) !== 0) {
    throw new Error(`Rebuilding ${table} needs foreign keys off for the migration (core/db/migrate.ts).`);
  }
  const rows = db.prepare('SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ?').all(table) as SchemaRow[];
  const create = rows.find((row) => row.type === 'table')?.sql;
  if (!create) throw new Error(`There is no table ${table} to rebuild.`);
  // Indexes SQLite makes for UNIQUE and PRIMARY KEY constraints have no SQL: the new CREATE TABLE makes them again.
  const dependents = rows.filter((row) => (row.type === 'index' || row.type === 'trigger') && row.sql !== null).map((row) => row.sql as string);
  const views = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'view' AND sql LIKE ?").all(`%${table}%`) as { name: string }[];
  if (views.length > 0) throw new Error(`Views read ${table} (${views.map((v) => v.name).join(', ')}): drop and recreate them around the rebuild.`);

  const temporary = `${table}__rebuild`;
  const revised = revise(create);
  const named = revised.replace(/^CREATE TABLE\s+("?)([A-Za-z_][A-Za-z0-9_]*)\1\s*\(/, (_match, _quote, name: string) => {
    if (name !== table) throw new Error(`The revised definition names ${name}, not ${table}.`);
    return `CREATE TABLE ${temporary} (`;
  });
  if (named === revised) throw new Error(`The revised definition of ${table} does not start with CREATE TABLE ${table} (.`);
  db.exec(named);
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
  db.exec(`INSERT INTO ${temporary} (${columns}) SELECT ${columns} FROM ${table}`);
  db.exec(`DROP TABLE ${table}`);
  db.exec(`ALTER TABLE ${temporary} RENAME TO ${table}`);
  for (const sql of dependents) db.exec(sql);
}
