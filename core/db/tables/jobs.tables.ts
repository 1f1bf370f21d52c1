/**
 * The fulfilment jobs: the job, its workflow log, its staking package and its field work.
 * Kysely row types: keep them in step with migrations/ (test/integration/migrations.test.ts compares the columns of all
 * but field_work).
 */
import type { Generated } from 'kysely';
import type { WorkflowState } from '../../../shared/workflow/workflow.types';

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

/** 0003: the current staking package of a job (one per job; regenerating replaces it). */
export interface PackagesTable {
  id: Generated<number>;
  job_id: number;
  folder: string;
  manifest_json: string;
  generation: number;
  generated_at: string;
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
