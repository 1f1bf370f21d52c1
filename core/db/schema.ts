/** Kysely table types for the migrated schema (migrations/). Keep in step with the SQL: a test compares them. */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { WorkflowState } from '../../shared/workflow/workflow.types';

export interface OrdersTable {
  order_type: 'claim_purchase' | 'claim_order';
  id: number;
  order_number: string;
  status: string;
  created_at: string;
  customer_email: string;
  company_name: string;
  project_id: number | null;
  project_name: string;
  claim_count: number;
  polygon_count: number;
  claimant_info_json: string | null;
  claim_package_id: number | null;
  staking_service: number;
  expedited_delivery: number;
  problems_json: string;
  warnings_json: string;
  problem_count: number;
  warning_count: number;
  search_text: string;
  payload_hash: string;
  /** 0006: the server's payment_status when sent; the derived payment state; order date + service level. */
  payment_status: string | null;
  payment_state: 'paid' | 'awaiting_payment' | 'refunded' | 'not_applicable' | 'unknown';
  target_date: string | null;
  /** 0013: the server's assigned_to and assignment_expired as read (shared/assignment/read-assignment.ts), JSON. */
  assigned_to_json: string | null;
  assignment_expired_json: string | null;
  first_seen_at: string;
  updated_at: string;
  gone_at: string | null;
}

export interface OrderPayloadsTable {
  order_type: 'claim_purchase' | 'claim_order';
  id: number;
  raw_json: string;
  claims_json: string;
}

export interface KeyValueTable {
  key: string;
  value: string;
}

/** 0002: one fulfilment job per order; the *_json columns hold the zod-validated shapes of shared/jobs. */
export interface JobsTable {
  /** INTEGER PRIMARY KEY: assigned by SQLite on insert. */
  id: Generated<number>;
  order_type: 'claim_purchase' | 'claim_order';
  order_id: number;
  step: string;
  epsg: number;
  crs_json: string;
  order_context_json: string;
  layout_json: string;
  monument_settings_json: string;
  location_json: string;
  claimant_json: string;
  capacity_override_json: string | null;
  /** 0003: JobDocuments (PLSS description, tie). */
  documents_json: string;
  /** 0004: the server's ClaimPackage for this order, once an upload has been answered. */
  claim_package_id: number | null;
  claim_package_number: string | null;
  /** 0005: the server status a person chose to keep working past ("keep locally"). */
  conflict_ack: string | null;
  /** 0006: the fulfilment workflow (shared/workflow). */
  workflow_state: WorkflowState;
  resume_to: WorkflowState | null;
  workflow_changed_at: string | null;
  /** 0009: facts queries filter and count on, written with the JSON they come from (jobs.mapper.ts). */
  order_number: string;
  claims_purchased: number;
  claims_laid_out: number;
  claimant_named: number;
  /** 0013: when the server confirmed this desk's claim on the order (desk assignment); NULL: none now. */
  claimed_at: string | null;
  claimed_by: string | null;
  created_at: string;
  updated_at: string;
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

/** 0006: the append-only transition log. */
export interface JobTransitionsTable {
  id: Generated<number>;
  job_id: number;
  from_state: WorkflowState | null;
  to_state: WorkflowState;
  event: string;
  actor_username: string;
  actor_role: string;
  at: string;
  reason: string | null;
  override: Generated<number>;
  overridden_json: Generated<string>;
}

/** 0006: possible duplicate purchases, one row per pair (a before b). */
export interface OrderDuplicatesTable {
  a_type: 'claim_purchase' | 'claim_order';
  a_id: number;
  b_type: 'claim_purchase' | 'claim_order';
  b_id: number;
  share: number;
  overlap_acres: number;
  claims_json: string;
  found_at: string;
}

/** 0006: the in-app notification list. */
export interface NotificationsTable {
  id: Generated<number>;
  kind: string;
  title: string;
  body: string;
  order_type: 'claim_purchase' | 'claim_order' | null;
  order_id: number | null;
  job_id: number | null;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
}

/** 0003: the current staking package of a job (one per job; regenerating replaces it). */
export interface PackagesTable {
  id: Generated<number>;
  job_id: number;
  folder: string;
  manifest_json: string;
  generation: number;
  generated_at: string;
}

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

/** 0008: an imported CadNSDI layer of one state (staging while an import writes it, then ready). */
export interface PlssLayersTable {
  id: Generated<number>;
  state: string;
  layer: 'township' | 'section' | 'second';
  status: 'staging' | 'ready';
  source: string;
  data_date: string | null;
  imported_at: string;
  feature_count: Generated<number>;
}

/** 0008: one PLSS polygon; geom is packed lon/lat (core/plss/geometry-blob.ts). */
export interface PlssPartsTable {
  id: number;
  layer_id: number;
  kind: 'township' | 'section' | 'aliquot' | 'lot' | 'other';
  meridian_code: string;
  meridian_text: string | null;
  plss_id: string;
  township: string;
  range: string;
  section: number | null;
  label: string | null;
  geom: Uint8Array;
}

/** 0008: the R-tree over plss_parts (same id). */
export interface PlssRtreeTable {
  id: number;
  min_lon: number;
  max_lon: number;
  min_lat: number;
  max_lat: number;
}

/** 0011: a job's staked points from the field and, once accepted, the as-staked record (shared/field). */
export interface FieldWorkTable {
  job_id: number;
  file_name: string;
  points_json: string;
  imported_at: string;
  accepted_at: string | null;
  accepted_json: string | null;
}

/** 0012: the county recording of a delivered package, as the recorder answered it (one per job; a correction replaces it). */
export interface CountyRecordingsTable {
  job_id: number;
  recorded_on: string;
  /** The county recorder, or in Alaska the recording district. */
  office: string;
  instrument_number: string | null;
  book: string | null;
  page: string | null;
  fee_paid_cents: number;
  entered_by: string;
  entered_at: string;
}

/** 0012: the BLM filing of a delivered package (one per job); its serial numbers are in blm_serials. */
export interface BlmFilingsTable {
  job_id: number;
  filed_on: string;
  fees_paid_cents: number;
  entered_by: string;
  entered_at: string;
}

/** 0012: one MLRS serial number per claim; serial_key (normalised) is unique across every job. */
export interface BlmSerialsTable {
  serial_key: string;
  serial: string;
  job_id: number;
  claim_name: string;
}

export interface Database {
  orders: OrdersTable;
  order_payloads: OrderPayloadsTable;
  sync_state: KeyValueTable;
  settings: KeyValueTable;
  jobs: JobsTable;
  packages: PackagesTable;
  outbox: OutboxTable;
  outbox_documents: OutboxDocumentsTable;
  job_transitions: JobTransitionsTable;
  order_duplicates: OrderDuplicatesTable;
  notifications: NotificationsTable;
  plss_layers: PlssLayersTable;
  plss_parts: PlssPartsTable;
  plss_rtree: PlssRtreeTable;
  deliveries: DeliveriesTable;
  delivered_claims: DeliveredClaimsTable;
  field_work: FieldWorkTable;
  county_recordings: CountyRecordingsTable;
  blm_filings: BlmFilingsTable;
  blm_serials: BlmSerialsTable;
  crew_board_orders: CrewBoardOrdersTable;
  crew_interests: CrewInterestsTable;
}

/** 0014: the last crew board the server answered (core/crews). */
export interface CrewBoardOrdersTable {
  order_type: 'claim_purchase' | 'claim_order';
  order_id: number;
  order_number: string;
  state: string | null;
  county: string | null;
  in_coverage: number;
  assigned_crew: string | null;
}

export interface CrewInterestsTable {
  server_id: number;
  order_type: 'claim_purchase' | 'claim_order';
  order_id: number;
  order_number: string;
  crew: string;
  crew_name: string;
  status: string;
  proposed_cost_cents: number;
  earliest_date: string;
  note: string;
  reason: string | null;
  decided_by: string | null;
  created_at: string;
  updated_at: string;
  expires_at: string;
}

/** Repository functions accept either the database or a transaction handle, so callers choose the unit of work. */
export type Db = Kysely<Database> | Transaction<Database>;
