-- 0009: deliveries as rows, and the facts the workflow's queries filter on as columns.
--
-- A delivery is recorded when the server confirms an upload, in the transaction that marks its outbox entry done;
-- claims delivered are counted from delivered_claims rather than read out of the entries' JSON. Uploads the
-- server already confirmed are recorded here from their outbox rows, linked to the package their job was last
-- linked to (every upload of an order goes to the order's one package; answers came in several shapes).
CREATE TABLE deliveries (
  outbox_id TEXT PRIMARY KEY REFERENCES outbox (id),
  job_id INTEGER NOT NULL REFERENCES jobs (id),
  order_type TEXT NOT NULL,
  order_id INTEGER NOT NULL,
  -- The server's ClaimPackage the documents were linked to (null: the answer did not say).
  claim_package_id INTEGER,
  delivered_at TEXT NOT NULL
);
CREATE INDEX deliveries_by_job ON deliveries (job_id);
CREATE INDEX deliveries_by_at ON deliveries (delivered_at);

-- One row per claim a delivery carried, by name (the server links LandHoldings by name).
CREATE TABLE delivered_claims (
  outbox_id TEXT NOT NULL REFERENCES deliveries (outbox_id),
  job_id INTEGER NOT NULL REFERENCES jobs (id),
  claim_name TEXT NOT NULL,
  PRIMARY KEY (outbox_id, claim_name)
);
CREATE INDEX delivered_claims_by_job ON delivered_claims (job_id, claim_name);

INSERT INTO deliveries (outbox_id, job_id, order_type, order_id, claim_package_id, delivered_at)
  SELECT x.id, x.job_id, j.order_type, j.order_id, j.claim_package_id, coalesce(x.done_at, x.updated_at)
    FROM outbox x JOIN jobs j ON j.id = x.job_id
   WHERE x.kind = 'upload' AND x.state = 'done';

INSERT OR IGNORE INTO delivered_claims (outbox_id, job_id, claim_name)
  SELECT x.id, x.job_id, json_extract(c.value, '$.name')
    FROM outbox x, json_each(x.payload_json, '$.claims') c
   WHERE x.kind = 'upload' AND x.state = 'done' AND json_extract(c.value, '$.name') IS NOT NULL;

-- Facts of a job that lists, counts and filters read, written with the JSON they come from (the order snapshot is
-- fixed when the job is made; the layout and claimant change with every save).
ALTER TABLE jobs ADD COLUMN order_number TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN claims_purchased INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN claims_laid_out INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN claimant_named INTEGER NOT NULL DEFAULT 0 CHECK (claimant_named IN (0, 1));
UPDATE jobs SET
  order_number = coalesce(json_extract(order_context_json, '$.orderNumber'), ''),
  claims_purchased = coalesce(json_extract(order_context_json, '$.claimsPurchased'), 0),
  claims_laid_out = coalesce(json_array_length(layout_json, '$.claims'), 0),
  claimant_named = trim(coalesce(json_extract(claimant_json, '$.claimantName'), '')) <> '';
CREATE INDEX jobs_by_order_number ON jobs (order_number);
