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
-- AUTOINCREMENT: a deleted package's id is never handed out again (a client may still hold it).
CREATE TABLE IF NOT EXISTS claim_packages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  package_number TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  source TEXT NOT NULL,
  project_id INTEGER,
  order_type TEXT,
  order_id INTEGER,
  created_by INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- One package per order: this index is what makes "reuse the order's package" safe under concurrency.
CREATE UNIQUE INDEX IF NOT EXISTS claim_packages_order ON claim_packages(order_type, order_id);
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  package_id INTEGER NOT NULL REFERENCES claim_packages(id) ON DELETE CASCADE,
  order_type TEXT,
  order_id INTEGER,
  filename TEXT NOT NULL,
  document_type TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL,
  version INTEGER NOT NULL,
  uploaded_by INTEGER,
  uploaded_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS documents_content ON documents(package_id, filename, sha256);
CREATE UNIQUE INDEX IF NOT EXISTS documents_version ON documents(package_id, filename, version);
CREATE INDEX IF NOT EXISTS documents_order ON documents(order_type, order_id);
CREATE TABLE IF NOT EXISTS land_holdings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  geometry TEXT NOT NULL,
  acreage REAL NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (project_id, name)
);
CREATE TABLE IF NOT EXISTS package_land_holdings (
  package_id INTEGER NOT NULL REFERENCES claim_packages(id) ON DELETE CASCADE,
  land_holding_id INTEGER NOT NULL REFERENCES land_holdings(id) ON DELETE CASCADE,
  PRIMARY KEY (package_id, land_holding_id)
);
-- A key is the client's, so it is scoped by the user who sent it: another account reusing the same value (by
-- accident, or to read someone else's stored answer) neither gets that answer nor is refused as a reuse.
CREATE TABLE IF NOT EXISTS idempotency_keys (
  user_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE TABLE IF NOT EXISTS order_status_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_type TEXT NOT NULL,
  order_id INTEGER NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  reason TEXT,
  source TEXT NOT NULL,
  changed_by INTEGER,
  changed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS order_status_changes_order ON order_status_changes(order_type, order_id);
-- Workflow overrides ClaimDesk reports. An audit record only: it never changes the order itself.
CREATE TABLE IF NOT EXISTS order_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_type TEXT NOT NULL,
  order_id INTEGER NOT NULL,
  event TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  overridden TEXT NOT NULL,
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  client_ref TEXT,
  details TEXT,
  recorded_by INTEGER,
  recorded_by_username TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS order_events_order ON order_events(order_type, order_id, id);
-- Desk assignment: one claim per order. A claim the server ended for inactivity stays (ended_at, end_reason) so the
-- list can say whose claim expired until someone claims the order again; a released one is deleted.
CREATE TABLE IF NOT EXISTS order_assignments (
  order_type TEXT NOT NULL,
  order_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  username TEXT NOT NULL,
  name TEXT NOT NULL,
  since TEXT NOT NULL,
  active_at TEXT NOT NULL,
  taken_over_from TEXT,
  reason TEXT,
  ended_at TEXT,
  end_reason TEXT,
  PRIMARY KEY (order_type, order_id)
);
CREATE INDEX IF NOT EXISTS order_assignments_open ON order_assignments(ended_at, active_at);
-- Field crews (../fulfilment/crews.service.ts): where each crew member works ('' county: the whole state) and
-- their interests in staking-service orders. One active interest per crew member and order, one assigned per order.
CREATE TABLE IF NOT EXISTS crew_coverage (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  county TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (user_id, state, county)
);
CREATE TABLE IF NOT EXISTS crew_interests (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_type TEXT NOT NULL,
  order_id INTEGER NOT NULL,
  crew_user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('active', 'withdrawn', 'assigned', 'rejected', 'expired')),
  proposed_cost_cents INTEGER NOT NULL CHECK (proposed_cost_cents >= 0),
  earliest_date TEXT NOT NULL,
  note TEXT NOT NULL,
  reason TEXT,
  decided_by INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS crew_interests_active ON crew_interests(order_type, order_id, crew_user_id) WHERE status = 'active';
CREATE UNIQUE INDEX IF NOT EXISTS crew_interests_assigned ON crew_interests(order_type, order_id) WHERE status = 'assigned';
CREATE INDEX IF NOT EXISTS crew_interests_expiry ON crew_interests(status, expires_at);
`;

/** Order-scoped fulfilment data, children first (foreign keys are on). */
export const FULFILMENT_TABLES = [
  'package_land_holdings',
  'documents',
  'claim_packages',
  'land_holdings',
  'order_status_changes',
  'order_events',
  'order_assignments',
  'crew_interests',
  'idempotency_keys',
] as const;

export function applyPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
}

export function createSchema(sqlite: BetterSqlite3.Database): void {
  scopeIdempotencyKeysByUser(sqlite);
  sqlite.exec(SCHEMA_SQL);
  addFilingDetails(sqlite);
}

/** A server file from before filing events: their details column added (null for the overrides already kept). */
function addFilingDetails(sqlite: BetterSqlite3.Database): void {
  const columns = sqlite.prepare('PRAGMA table_info(order_events)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'details')) sqlite.exec('ALTER TABLE order_events ADD COLUMN details TEXT');
}

/** A server file from before keys were scoped by user (key alone was the primary key): rebuilt, rows kept. */
function scopeIdempotencyKeysByUser(sqlite: BetterSqlite3.Database): void {
  const columns = sqlite.prepare('PRAGMA table_info(idempotency_keys)').all() as { name: string; pk: number }[];
  if (columns.length === 0 || columns.some((c) => c.name === 'user_id' && c.pk > 0)) return;
  sqlite.transaction(() => {
    sqlite.exec('ALTER TABLE idempotency_keys RENAME TO idempotency_keys_unscoped');
    sqlite.exec(SCHEMA_SQL);
    sqlite.exec(`INSERT INTO idempotency_keys (user_id, key, fingerprint, method, path, status_code, response, created_at)
      SELECT coalesce(user_id, 0), key, fingerprint, method, path, status_code, response, created_at FROM idempotency_keys_unscoped`);
    sqlite.exec('DROP TABLE idempotency_keys_unscoped');
  })();
}

/** Drops every row (used by `reset`); the schema stays. */
export function wipeAll(sqlite: BetterSqlite3.Database): void {
  const fulfilment = FULFILMENT_TABLES.map((t) => `DELETE FROM ${t};`).join(' ');
  sqlite.exec(`${fulfilment} DELETE FROM tokens; DELETE FROM crew_coverage; DELETE FROM users; DELETE FROM orders; DELETE FROM meta;`);
}
