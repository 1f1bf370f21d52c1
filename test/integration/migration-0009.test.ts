/**
 * Migration 0009: uploads the server had already confirmed become deliveries with the claims they carried (so the
 * counts read the same before and after), and every job gets the columns lists and filters read.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/open-database';
import { loadMigrations } from '../../core/db/migrations-source';
import { countClaimsDeliveredSince, getWorkflowFacts } from '../../core/repos/workflow.repo';
import { useTempCacheFile } from '../helpers/temp-cache-file';

type Raw = Awaited<ReturnType<typeof openDatabase>>['sqlite'];

function insertOrderAndJob(db: Raw, id: number, context: object, layoutClaims: number, claimantName: string): number {
  db.prepare(
    `INSERT INTO orders (order_type, id, order_number, status, created_at, customer_email, company_name, project_id, project_name,
      claim_count, polygon_count, claimant_info_json, claim_package_id, staking_service, expedited_delivery, problems_json,
      warnings_json, problem_count, warning_count, search_text, payload_hash, first_seen_at, updated_at, gone_at)
     VALUES ('claim_order', ?, ?, 'paid', '2026-11-02T15:00:00Z', '', '', 1, '', 3, 3, NULL, NULL, 0, 0, '[]', '[]', 0, 0, '', 'h', 't', 't', NULL)`,
  ).run(id, `CO-${id}`);
  const layout = { claims: Array.from({ length: layoutClaims }, (_, i) => ({ id: `c${i}`, name: `C ${i + 1}` })), grid: null };
  const result = db
    .prepare(
      `INSERT INTO jobs (order_type, order_id, step, epsg, crs_json, order_context_json, layout_json, monument_settings_json,
        location_json, claimant_json, capacity_override_json, documents_json, created_at, updated_at)
       VALUES ('claim_order', ?, 'upload', 26911, '{}', ?, ?, '{}', '{}', ?, NULL, '{}', 't', 't')`,
    )
    .run(id, JSON.stringify(context), JSON.stringify(layout), JSON.stringify({ claimantName }));
  return Number(result.lastInsertRowid);
}

let seq = 0;
function insertUpload(db: Raw, jobId: number, state: string, claims: string[], doneAt: string | null, packageId: number | null): string {
  seq += 1;
  const id = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  const payload = { orderType: 'claim_order', orderId: 1, orderNumber: 'CO-1', projectId: 1, packageGeneration: 1, claims: claims.map((name) => ({ name, geometry: {}, acreage: 20 })) };
  db.prepare(
    `INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, response_json, created_at, updated_at, done_at)
     VALUES (?, ?, ?, 'upload', ?, ?, ?, 't', 't', ?)`,
  ).run(id, seq, jobId, JSON.stringify(payload), state, packageId === null ? null : JSON.stringify({ package: { id: packageId } }), doneAt);
  return id;
}

describe('migration 0009: deliveries and job columns', () => {
  const cache = useTempCacheFile();

  it('records each confirmed upload as a delivery with its claims, and fills the job columns from their JSON', async () => {
    const all = loadMigrations();
    const before = await openDatabase({ file: cache().file, migrations: all.slice(0, 8) });
    const db = before.sqlite;
    const job = insertOrderAndJob(db, 1, { orderNumber: 'CO-1', claimsPurchased: 3 }, 3, 'Lynn Mining');
    // The package the server linked the order's uploads to, as the runner stored it on the job.
    db.prepare('UPDATE jobs SET claim_package_id = 41 WHERE id = ?').run(job);
    const bare = insertOrderAndJob(db, 2, {}, 0, '  ');
    const first = insertUpload(db, job, 'done', ['C 1', 'C 2'], '2026-11-20T10:00:00.000Z', 41);
    // Sent again after a regeneration: the same claims and one more, counted once each for the job.
    const again = insertUpload(db, job, 'done', ['C 1', 'C 2', 'C 3'], '2026-11-23T10:00:00.000Z', null);
    insertUpload(db, job, 'failed', ['C 3'], null, null);
    await before.close();

    const after = await openDatabase({ file: cache().file });
    const rows = after.sqlite.prepare('SELECT outbox_id, job_id, order_type, order_id, claim_package_id, delivered_at FROM deliveries ORDER BY delivered_at').all();
    expect(rows).toEqual([
      { outbox_id: first, job_id: job, order_type: 'claim_order', order_id: 1, claim_package_id: 41, delivered_at: '2026-11-20T10:00:00.000Z' },
      { outbox_id: again, job_id: job, order_type: 'claim_order', order_id: 1, claim_package_id: 41, delivered_at: '2026-11-23T10:00:00.000Z' },
    ]);
    expect(after.sqlite.prepare('SELECT count(*) AS n FROM delivered_claims').get()).toEqual({ n: 5 });
    expect((await getWorkflowFacts(after.db, job))?.claims_delivered).toBe(3);
    expect(await countClaimsDeliveredSince(after.db, '2026-11-23T00:00:00.000Z')).toBe(3);

    const columns = after.sqlite.prepare('SELECT id, order_number, claims_purchased, claims_laid_out, claimant_named FROM jobs ORDER BY id').all();
    expect(columns).toEqual([
      { id: job, order_number: 'CO-1', claims_purchased: 3, claims_laid_out: 3, claimant_named: 1 },
      { id: bare, order_number: '', claims_purchased: 0, claims_laid_out: 0, claimant_named: 0 },
    ]);
    await after.close();
  });
});
