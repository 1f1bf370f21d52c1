-- 0002: fulfilment jobs. Local work, kept apart from the server-owned order cache: a sync never touches this
-- table. One job per order (UNIQUE order_type, order_id); pulling the order again resumes it. The parent order
-- is never deleted (0001 marks it gone instead), so the foreign key always holds and a job outlives its order
-- leaving the queue. Every wizard step's state is a JSON column validated by the zod schemas in
-- shared/jobs/job.types.ts on the way in and out, so the app can close at any point and resume exactly.

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  order_type TEXT NOT NULL CHECK (order_type IN ('claim_purchase', 'claim_order')),
  order_id INTEGER NOT NULL,
  step TEXT NOT NULL,
  -- The job's projected CRS (NAD83 / UTM, EPSG:269zz); every layout coordinate is in it.
  epsg INTEGER NOT NULL CHECK (epsg BETWEEN 26901 AND 26923),
  crs_json TEXT NOT NULL,
  -- JobOrderContext: the order as it was when pulled, so the job works offline and after the order is gone.
  order_context_json TEXT NOT NULL,
  layout_json TEXT NOT NULL,
  monument_settings_json TEXT NOT NULL,
  location_json TEXT NOT NULL,
  claimant_json TEXT NOT NULL,
  capacity_override_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (order_type, order_id),
  FOREIGN KEY (order_type, order_id) REFERENCES orders (order_type, id)
);

-- The jobs list shows the most recently touched job first.
CREATE INDEX jobs_updated_at ON jobs (updated_at DESC, id DESC);
