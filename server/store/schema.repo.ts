/** Schema of the reference server's SQLite file, created on every start (idempotent). */
import type BetterSqlite3 from 'better-sqlite3';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  is_staff INTEGER NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  digest TEXT PRIMARY KEY,
  token_key TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
  row_id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_type TEXT,
  order_id INTEGER,
  status TEXT,
  created_at TEXT NOT NULL,
  package_status TEXT,
  doc TEXT NOT NULL
);
-- NULL keys (raw test orders without a usable type/id) are exempt, so broken rows can coexist.
CREATE UNIQUE INDEX IF NOT EXISTS orders_type_id ON orders(order_type, order_id);
CREATE INDEX IF NOT EXISTS orders_fifo ON orders(created_at, order_type, order_id);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

export function applyPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
}

export function createSchema(sqlite: BetterSqlite3.Database): void {
  sqlite.exec(SCHEMA_SQL);
}

/** Drops every row (used by `reset`); the schema stays. */
export function wipeAll(sqlite: BetterSqlite3.Database): void {
  sqlite.exec('DELETE FROM tokens; DELETE FROM users; DELETE FROM orders; DELETE FROM meta;');
}
