-- 0004: the outbox. Everything ClaimDesk must deliver to the server (a staking package upload, an order status
-- change) is written here first, in the same transaction as the local change it belongs to, and sent later by the
-- outbox runner outside any transaction. The entry id is the Idempotency-Key of every attempt, so a retry after
-- a lost answer can never create a second package on the server. Entries are never deleted automatically:
-- delivered ones stay as history, failed ones wait for a person (retry or discard).

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  -- Creation order; one job's entries are sent strictly in this order.
  seq INTEGER NOT NULL UNIQUE,
  job_id INTEGER NOT NULL REFERENCES jobs (id),
  kind TEXT NOT NULL CHECK (kind IN ('upload', 'status')),
  payload_json TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'retry', 'paused', 'needs_review', 'failed', 'done', 'discarded')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- ISO time; NULL = as soon as possible.
  next_attempt_at TEXT,
  last_error TEXT,
  -- The server's answer once delivered (package id and number, document ids).
  response_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  done_at TEXT
);

CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at);
CREATE INDEX outbox_by_job ON outbox (job_id, seq);

-- The documents of an upload entry: a snapshot copied aside when the entry was queued (outbox/<entry id>/), so
-- regenerating the package later cannot change what this entry sends.
CREATE TABLE outbox_documents (
  outbox_id TEXT NOT NULL REFERENCES outbox (id),
  file_name TEXT NOT NULL,
  kind TEXT NOT NULL,
  media_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  -- Filled in from the server's answer.
  server_document_id INTEGER,
  PRIMARY KEY (outbox_id, file_name)
);

-- The server's ClaimPackage for the job's order once known: sent with every later upload.
ALTER TABLE jobs ADD COLUMN claim_package_id INTEGER;
ALTER TABLE jobs ADD COLUMN claim_package_number TEXT;
