-- 0013: desk assignment. Who works an order is the server's word when it knows it (our extension of the pending
-- list: assigned_to, assignment_expired), cached with the order; a server without it leaves both NULL.
ALTER TABLE orders ADD COLUMN assigned_to_json TEXT;
ALTER TABLE orders ADD COLUMN assignment_expired_json TEXT;

-- When the server confirmed this desk's claim on the job's order, and for which account (a desk may be used by
-- several people in turn: only the claimant is told they lost it). NULL: no confirmed claim, or it ended.
ALTER TABLE jobs ADD COLUMN claimed_at TEXT;
ALTER TABLE jobs ADD COLUMN claimed_by TEXT;

-- outbox.kind gains 'assignment' (a claim, release or take-over travels like a status change). Its CHECK cannot be
-- altered in place, so the data step of this migration (core/db/data-migrations.ts) rebuilds the outbox table as
-- https://www.sqlite.org/lang_altertable.html section 7 describes, with foreign keys off for the migration.
