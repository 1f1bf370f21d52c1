/**
 * The synced orders: their facts (orders), their payloads as received (order_payloads) and the possible duplicate
 * purchases found among them.
 * Kysely row types: keep them in step with migrations/ (test/integration/migrations.test.ts compares the columns).
 */

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
