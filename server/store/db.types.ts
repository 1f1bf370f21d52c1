/** Kysely table types for the reference server's own SQLite file (not the desktop cache). */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  email: string;
  first_name: string;
  last_name: string;
  is_staff: number;
  role: string;
  password_hash: string;
}

/** Knox keeps a short clear prefix for lookup-by-eye and a digest of the whole token; so do we. */
export interface TokensTable {
  digest: string;
  token_key: string;
  user_id: number;
  created_at: string;
}

/**
 * One stored order. `doc` is the order JSON exactly as the list endpoint will send it, so tests can store
 * anything a real server might hold; the other columns are copies used only to filter and sort.
 */
export interface OrdersTable {
  row_id: Generated<number>;
  order_type: string | null;
  order_id: number | null;
  status: string | null;
  created_at: string;
  package_status: string | null;
  doc: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** ClaimPackage; `order_type`/`order_id` is the one-to-one link to the order it fulfils (NULL for none). */
export interface ClaimPackagesTable {
  id: Generated<number>;
  package_number: string;
  name: string;
  status: string;
  source: string;
  project_id: number | null;
  order_type: string | null;
  order_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/**
 * A stored file (ClaimPackageDocument). `order_type`/`order_id` are set when the document is also linked to the
 * order directly, as claim_order documents are (ClaimOrderDocument on the real server).
 */
export interface DocumentsTable {
  id: Generated<number>;
  package_id: number;
  order_type: string | null;
  order_id: number | null;
  filename: string;
  document_type: string;
  content_type: string;
  size: number;
  sha256: string;
  bytes: Buffer;
  version: number;
  uploaded_by: number | null;
  uploaded_at: string;
}

/** A claim of a project, natural key (project_id, name) as GeoDB's LandHolding bulk upsert. */
export interface LandHoldingsTable {
  id: Generated<number>;
  project_id: number;
  name: string;
  geometry: string;
  acreage: number;
  updated_at: string;
}

export interface PackageLandHoldingsTable {
  package_id: number;
  land_holding_id: number;
}

/** A successful answer remembered under its key, with the fingerprint of the request that produced it. */
/** Scoped by user: (user_id, key) is the primary key. */
export interface IdempotencyKeysTable {
  user_id: number;
  key: string;
  fingerprint: string;
  method: string;
  path: string;
  status_code: number;
  response: string;
  created_at: string;
}

/** The audit trail of status changes (staff changes and completion by upload). */
export interface OrderStatusChangesTable {
  id: Generated<number>;
  order_type: string;
  order_id: number;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  source: string;
  changed_by: number | null;
  changed_at: string;
}

/**
 * A workflow override ClaimDesk reported. `overridden` is a JSON array of guard codes; the username
 * is copied so the record still reads right if the account is renamed or removed.
 */
export interface OrderEventsTable {
  id: Generated<number>;
  order_type: string;
  order_id: number;
  event: string;
  from_state: string | null;
  to_state: string;
  overridden: string;
  reason: string;
  actor: string;
  occurred_at: string;
  client_ref: string | null;
  /** JSON {county_recording} or {blm_filing} of a filing event; null for an override. */
  details: string | null;
  recorded_by: number | null;
  recorded_by_username: string;
  recorded_at: string;
}

export interface ServerDatabase {
  users: UsersTable;
  tokens: TokensTable;
  orders: OrdersTable;
  meta: MetaTable;
  claim_packages: ClaimPackagesTable;
  documents: DocumentsTable;
  land_holdings: LandHoldingsTable;
  package_land_holdings: PackageLandHoldingsTable;
  idempotency_keys: IdempotencyKeysTable;
  order_status_changes: OrderStatusChangesTable;
  order_events: OrderEventsTable;
  order_assignments: OrderAssignmentsTable;
  crew_coverage: CrewCoverageTable;
  crew_interests: CrewInterestsTable;
}

/** Who works an order (desk assignment); `name` is copied so the list reads right if the account is renamed. */
export interface OrderAssignmentsTable {
  order_type: string;
  order_id: number;
  user_id: number;
  username: string;
  name: string;
  since: string;
  active_at: string;
  taken_over_from: string | null;
  reason: string | null;
  ended_at: string | null;
  end_reason: string | null;
}

/** Where a crew member works; county '' is the whole state. */
export interface CrewCoverageTable {
  user_id: number;
  state: string;
  county: string;
}

export interface CrewInterestsTable {
  id: Generated<number>;
  order_type: string;
  order_id: number;
  crew_user_id: number;
  status: string;
  proposed_cost_cents: number;
  earliest_date: string;
  note: string;
  reason: string | null;
  decided_by: number | null;
  created_at: string;
  updated_at: string;
  expires_at: string;
}
