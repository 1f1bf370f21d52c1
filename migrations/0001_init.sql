-- 0001: the server-owned order cache and the sync bookkeeping.
-- Server-owned tables (orders, order_payloads) are overwritten from the server on every sync; local work
-- (fulfilment jobs, documents, outbox) lives in separate tables added by later migrations, which reference
-- orders by (order_type, id). Orders are therefore never deleted: an order the server stops listing is
-- marked gone (gone_at), so local work keeps its parent.

CREATE TABLE orders (
  order_type TEXT NOT NULL CHECK (order_type IN ('claim_purchase', 'claim_order')),
  id INTEGER NOT NULL,
  order_number TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  customer_email TEXT NOT NULL,
  company_name TEXT NOT NULL,
  project_id INTEGER,
  project_name TEXT NOT NULL,
  claim_count INTEGER NOT NULL,
  polygon_count INTEGER NOT NULL,
  claimant_info_json TEXT,
  claim_package_id INTEGER,
  staking_service INTEGER NOT NULL CHECK (staking_service IN (0, 1)),
  expedited_delivery INTEGER NOT NULL CHECK (expedited_delivery IN (0, 1)),
  problems_json TEXT NOT NULL,
  warnings_json TEXT NOT NULL,
  problem_count INTEGER NOT NULL,
  warning_count INTEGER NOT NULL,
  -- Lower-cased order number, customer, company and project: the queue's search scans this one column.
  search_text TEXT NOT NULL,
  -- Hash of the order exactly as the server sent it: an unchanged order is not rewritten.
  payload_hash TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  gone_at TEXT,
  PRIMARY KEY (order_type, id)
);

CREATE INDEX orders_created_at ON orders (created_at, order_type, id);
CREATE INDEX orders_status ON orders (status);

-- The bulky parts live apart from `orders` so the queue query scans small rows.
CREATE TABLE order_payloads (
  order_type TEXT NOT NULL,
  id INTEGER NOT NULL,
  -- The order exactly as received, for audit and for re-validation by a newer ClaimDesk.
  raw_json TEXT NOT NULL,
  -- The claims that passed validation, as NormalizedClaim[].
  claims_json TEXT NOT NULL,
  PRIMARY KEY (order_type, id),
  FOREIGN KEY (order_type, id) REFERENCES orders (order_type, id) ON DELETE CASCADE
);

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
