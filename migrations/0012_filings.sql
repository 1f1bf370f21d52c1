-- 0012: what happened after delivery, for the orders whose claims staff record and file for the customer: the
-- county recording (or, in Alaska, the recording district's) and the BLM filing with a serial number per claim.
--
-- jobs.workflow_state gains 'recorded' and 'filed'. Its CHECK constraint cannot be altered in place, so the data
-- step of this migration (core/db/data-migrations.ts, right after this file, same transaction) rebuilds the jobs
-- table as https://www.sqlite.org/lang_altertable.html section 7 describes, with foreign keys off for the
-- migration (core/db/migrate.ts) and PRAGMA foreign_key_check before it commits.

-- One per job; entering it again is a correction and replaces it. Either an instrument number or a book and page.
CREATE TABLE county_recordings (
  job_id INTEGER PRIMARY KEY REFERENCES jobs (id),
  recorded_on TEXT NOT NULL,
  office TEXT NOT NULL,
  instrument_number TEXT,
  book TEXT,
  page TEXT,
  fee_paid_cents INTEGER NOT NULL CHECK (fee_paid_cents >= 0),
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  CHECK (instrument_number IS NOT NULL OR (book IS NOT NULL AND page IS NOT NULL))
);

CREATE TABLE blm_filings (
  job_id INTEGER PRIMARY KEY REFERENCES jobs (id),
  filed_on TEXT NOT NULL,
  fees_paid_cents INTEGER NOT NULL CHECK (fees_paid_cents >= 0),
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL
);

-- MLRS gives every claim its own serial number (43 CFR 3833.11): the key, as compared (upper case, no spaces or
-- dashes), is unique across every job, and each claim of a filing has one.
CREATE TABLE blm_serials (
  serial_key TEXT PRIMARY KEY,
  serial TEXT NOT NULL,
  job_id INTEGER NOT NULL REFERENCES blm_filings (job_id),
  claim_name TEXT NOT NULL,
  UNIQUE (job_id, claim_name)
);
