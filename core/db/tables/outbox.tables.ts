/**
 * What must still reach the server (outbox, with its documents) and the uploads the server confirmed.
 * Kysely row types: keep them in step with migrations/ (test/integration/migrations.test.ts compares the columns).
 */
import type { Generated } from 'kysely';

/** 0004: what must still reach the server; the id is the Idempotency-Key. */
export interface OutboxTable {
  id: string;
  seq: number;
  /** 0014: null for a crew decision, which belongs to no job of this desk. */
  job_id: number | null;
  kind: 'upload' | 'status' | 'event' | 'assignment' | 'crew';
  payload_json: string;
  state: 'queued' | 'sending' | 'retry' | 'paused' | 'needs_review' | 'failed' | 'done' | 'discarded';
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_error: string | null;
  response_json: string | null;
  created_at: string;
  updated_at: string;
  done_at: string | null;
  /** 0007: the server and account it was queued under; it is sent under those only. */
  server_url: string | null;
  queued_by: string | null;
  /** 0007: the process sending it ('sending' only) and until when its claim holds without a heartbeat. */
  lease_owner: string | null;
  lease_expires_at: string | null;
}

export interface OutboxDocumentsTable {
  outbox_id: string;
  file_name: string;
  kind: string;
  media_type: string;
  bytes: number;
  sha256: string;
  server_document_id: number | null;
}

/** 0009: an upload the server confirmed. */
export interface DeliveriesTable {
  outbox_id: string;
  job_id: number;
  order_type: 'claim_purchase' | 'claim_order';
  order_id: number;
  claim_package_id: number | null;
  delivered_at: string;
}

/** 0009: the claims a delivery carried, by name. */
export interface DeliveredClaimsTable {
  outbox_id: string;
  job_id: number;
  claim_name: string;
}
