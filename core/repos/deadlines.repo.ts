/** The packages ClaimDesk made for jobs still held (not cancelled), with their order's customer: claims under management. */
import { sql } from 'kysely';
import type { Db } from '../db/schema';

export interface ManagedPackageRow {
  job_id: number;
  order_type: 'claim_purchase' | 'claim_order';
  order_id: number;
  order_number: string;
  workflow_state: string;
  manifest_json: string;
  /** null when the order has left the cache (the job outlives it). */
  company_name: string | null;
  customer_email: string | null;
  /** The county recording / BLM filing staff entered for it (county_recordings, blm_filings). */
  county_recorded: number;
  blm_filed: number;
}

export async function listManagedPackageRows(db: Db): Promise<ManagedPackageRow[]> {
  return db
    .selectFrom('packages as p')
    .innerJoin('jobs as j', 'j.id', 'p.job_id')
    .leftJoin('orders as o', (join) => join.onRef('o.order_type', '=', 'j.order_type').onRef('o.id', '=', 'j.order_id'))
    .select(['j.id as job_id', 'j.order_type', 'j.order_id', 'j.workflow_state', 'j.order_number', 'p.manifest_json', 'o.company_name', 'o.customer_email'])
    .select(sql<number>`EXISTS (SELECT 1 FROM county_recordings r WHERE r.job_id = j.id)`.as('county_recorded'))
    .select(sql<number>`EXISTS (SELECT 1 FROM blm_filings f WHERE f.job_id = j.id)`.as('blm_filed'))
    .where('j.workflow_state', '!=', 'cancelled')
    .orderBy('j.id')
    .execute();
}
