-- 0005: conflicts between local work and the server. When an order is cancelled or completed on the server while
-- its job was worked offline, the job is flagged (derived at read time from the order cache and the outbox) until
-- a person decides. "Keep locally" records here the server status they saw, so the flag stays down until the
-- server's status changes again. Local work and documents are never removed by a conflict.
ALTER TABLE jobs ADD COLUMN conflict_ack TEXT;
