-- 0003: staking packages. Each job gets a documents column (PLSS description and tie for the notices) and at
-- most one current package: the folder under the data directory that holds its files and manifest.json.
-- Regenerating replaces the folder atomically (written aside, then swapped) and then this row, so the row
-- never points at half a package. The outbox references packages by id.

ALTER TABLE jobs ADD COLUMN documents_json TEXT NOT NULL
  DEFAULT '{"plss":{"meridian":"","township":"","range":"","sections":"","aliquot":""},"tie":null}';

CREATE TABLE packages (
  id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL UNIQUE REFERENCES jobs (id),
  -- Relative to the data directory, e.g. packages/claim_purchase-42 CP-2026-0042.
  folder TEXT NOT NULL,
  manifest_json TEXT NOT NULL,
  -- How many times the package was (re)generated: shown to staff, and lets the outbox tell versions apart.
  generation INTEGER NOT NULL CHECK (generation >= 1),
  generated_at TEXT NOT NULL
);
