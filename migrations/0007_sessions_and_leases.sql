-- 0007: one cache, one server, one sender.
--
-- The cache belongs to one server: its address moves from the last sign-in's account (which any process's
-- sign-in overwrote) to a key of its own, changed only while the cache holds no work.
INSERT INTO settings (key, value)
  SELECT 'cache.server_url', value FROM settings WHERE key = 'account.server_url'
  ON CONFLICT (key) DO NOTHING;
DELETE FROM settings WHERE key = 'account.server_url';

-- Every entry is sent only under the server and account it was queued under (the claimant's personal data goes
-- where its author meant it to go, with the author's rights). Entries queued before this version belong to the
-- cache's server and to the account last signed in on it (an override event names its own actor).
ALTER TABLE outbox ADD COLUMN server_url TEXT;
ALTER TABLE outbox ADD COLUMN queued_by TEXT;
UPDATE outbox SET
  server_url = (SELECT value FROM settings WHERE key = 'cache.server_url'),
  queued_by = coalesce(
    CASE WHEN kind = 'event' AND json_valid(payload_json) THEN json_extract(payload_json, '$.actor') END,
    (SELECT value FROM settings WHERE key = 'account.username')
  );

-- The lease of a 'sending' entry: which process sends it (host, pid, a per-run nonce) and until when that claim
-- holds without a heartbeat. Start-up recovery takes over only expired leases or leases of dead processes, so two
-- processes on one cache never send the same entry at the same time.
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE outbox ADD COLUMN lease_expires_at TEXT;
