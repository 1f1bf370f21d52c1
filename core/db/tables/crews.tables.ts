/**
 * Field crews: the last crew board the server answered and the crews' interests.
 * Kysely row types: keep them in step with the SQL in migrations/.
 */

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
