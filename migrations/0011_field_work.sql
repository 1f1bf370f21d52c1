-- 0011: field work. The points a crew brought back for a job (the last file imported) and, once accepted, what
-- the acceptance changed: the as-staked layout itself is the job's layout from then on, and the amendment (the
-- claims whose recorded description changed, the original date of location and delivery) goes into the
-- regenerated package. One row per job; importing again replaces the points.
CREATE TABLE field_work (
  job_id INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  points_json TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  accepted_at TEXT,
  accepted_json TEXT
);
