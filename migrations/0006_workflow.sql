-- 0006: the fulfilment workflow.
--
-- jobs.workflow_state is the job's place in the workflow (shared/workflow/workflow.table.ts); resume_to is where
-- RESUME returns from a pause state; workflow_changed_at is the last transition. Jobs made before this migration
-- get the state their data implies: the step written here is a placeholder that the data step of this migration
-- (electron/services/db/data-migrations.ts, run in the same transaction right after this file) replaces with
-- initialStateForExistingJob(), logging one MIGRATED entry per job.
ALTER TABLE jobs ADD COLUMN workflow_state TEXT NOT NULL DEFAULT 'pulled'
  CHECK (workflow_state IN ('queued', 'pulled', 'laying_out', 'validated', 'documents_ready', 'uploading', 'delivered', 'on_hold', 'cancelled', 'needs_review'));
ALTER TABLE jobs ADD COLUMN resume_to TEXT;
ALTER TABLE jobs ADD COLUMN workflow_changed_at TEXT;

-- The transition log: every change of a job's workflow state, who made it, why, and any override. Append-only.
CREATE TABLE job_transitions (
  id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL REFERENCES jobs (id),
  -- NULL only for the MIGRATED entry (the job had no workflow state before).
  from_state TEXT,
  to_state TEXT NOT NULL,
  event TEXT NOT NULL,
  actor_username TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT,
  override INTEGER NOT NULL DEFAULT 0 CHECK (override IN (0, 1)),
  overridden_json TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX job_transitions_by_job ON job_transitions (job_id, id);
CREATE INDEX job_transitions_by_at ON job_transitions (at);

-- Payment kept apart from fulfilment: the server's own payment_status when it sends one, and the state
-- derived at sync (shared/workflow/payment-state.ts). target_date is the order date plus the service level
-- (settings), recomputed when the settings change. The data step fills both for the cached orders.
ALTER TABLE orders ADD COLUMN payment_status TEXT;
ALTER TABLE orders ADD COLUMN payment_state TEXT NOT NULL DEFAULT 'unknown'
  CHECK (payment_state IN ('paid', 'awaiting_payment', 'refunded', 'not_applicable', 'unknown'));
ALTER TABLE orders ADD COLUMN target_date TEXT;
CREATE INDEX orders_by_target_date ON orders (target_date);
CREATE INDEX orders_by_payment_state ON orders (payment_state);

-- Possible duplicate purchases, recomputed after each sync that changes orders. One row per pair,
-- a before b in (order_type, id) order; shown on both orders.
CREATE TABLE order_duplicates (
  a_type TEXT NOT NULL,
  a_id INTEGER NOT NULL,
  b_type TEXT NOT NULL,
  b_id INTEGER NOT NULL,
  share REAL NOT NULL,
  overlap_acres REAL NOT NULL,
  claims_json TEXT NOT NULL,
  found_at TEXT NOT NULL,
  PRIMARY KEY (a_type, a_id, b_type, b_id)
);
CREATE INDEX order_duplicates_by_b ON order_duplicates (b_type, b_id);

-- The in-app notification list. dedupe_key stops the same fact being announced twice (a job
-- that stays stale, an order that stays cancelled).
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  order_type TEXT,
  order_id INTEGER,
  job_id INTEGER,
  dedupe_key TEXT UNIQUE,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_unread ON notifications (read_at, id);

-- Workflow overrides travel to the server as domain events through the outbox (kind 'event'). SQLite cannot
-- change a CHECK constraint, so the table is rebuilt. Foreign keys are deferred for this transaction: dropping the
-- old table orphans outbox_documents' rows for a moment, and re-inserting the same ids into the new table under
-- the same name resolves them before commit. (Copying into a new table and renaming it would not: a rename does
-- not clear the deferred violations the drop counted.)
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE outbox_copy AS SELECT * FROM outbox;
DROP TABLE outbox;
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  job_id INTEGER NOT NULL REFERENCES jobs (id),
  kind TEXT NOT NULL CHECK (kind IN ('upload', 'status', 'event')),
  payload_json TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'retry', 'paused', 'needs_review', 'failed', 'done', 'discarded')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT,
  last_error TEXT,
  response_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  done_at TEXT
);
INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, attempts, next_attempt_at, last_error, response_json, created_at, updated_at, done_at)
  SELECT id, seq, job_id, kind, payload_json, state, attempts, next_attempt_at, last_error, response_json, created_at, updated_at, done_at FROM outbox_copy;
DROP TABLE outbox_copy;
CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at);
CREATE INDEX outbox_by_job ON outbox (job_id, seq);
