/**
 * The in-app notification list.
 * Kysely row types: keep them in step with migrations/ (test/integration/migrations.test.ts compares the columns).
 */
import type { Generated } from 'kysely';

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
