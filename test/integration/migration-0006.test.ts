/**
 * Migration 0006: jobs made before the workflow get the state their data implies, each with a MIGRATED
 * log entry; cached orders get their payment state and target date; the outbox is rebuilt to carry domain events
 * without losing an entry or a document row.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/open-database';
import { loadMigrations } from '../../core/db/migrations-source';
import { useTempCacheFile } from '../helpers/temp-cache-file';

type Raw = Awaited<ReturnType<typeof openDatabase>>['sqlite'];

function insertOrder(db: Raw, id: number, type: string, status: string, createdAt: string, expedited = 0, raw: object = {}): void {
  db.prepare(
    `INSERT INTO orders (order_type, id, order_number, status, created_at, customer_email, company_name, project_id, project_name,
      claim_count, polygon_count, claimant_info_json, claim_package_id, staking_service, expedited_delivery, problems_json,
      warnings_json, problem_count, warning_count, search_text, payload_hash, first_seen_at, updated_at, gone_at)
     VALUES (?, ?, ?, ?, ?, '', '', NULL, '', 2, 2, NULL, NULL, 0, ?, '[]', '[]', 0, 0, '', 'h', ?, ?, NULL)`,
  ).run(type, id, `N-${id}`, status, createdAt, expedited, createdAt, createdAt);
  db.prepare('INSERT INTO order_payloads (order_type, id, raw_json, claims_json) VALUES (?, ?, ?, ?)').run(type, id, JSON.stringify(raw), '[]');
}

function insertJob(db: Raw, orderId: number, step: string, type = 'claim_order', conflictAck: string | null = null): number {
  const result = db
    .prepare(
      `INSERT INTO jobs (order_type, order_id, step, epsg, crs_json, order_context_json, layout_json, monument_settings_json,
        location_json, claimant_json, capacity_override_json, documents_json, conflict_ack, created_at, updated_at)
       VALUES (?, ?, ?, 26911, '{}', '{}', '{}', '{}', '{}', '{}', NULL, '{}', ?, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
    )
    .run(type, orderId, step, conflictAck);
  return Number(result.lastInsertRowid);
}

let seq = 0;
function insertUpload(db: Raw, jobId: number, state: string): string {
  seq += 1;
  const id = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  db.prepare(
    `INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at) VALUES (?, ?, ?, 'upload', ?, ?, 't', 't')`,
  ).run(id, seq, jobId, JSON.stringify({ claims: [] }), state);
  db.prepare(`INSERT INTO outbox_documents (outbox_id, file_name, kind, media_type, bytes, sha256) VALUES (?, 'a.pdf', 'location_notice', 'application/pdf', 1, 'x')`).run(id);
  return id;
}

function insertPackage(db: Raw, jobId: number): void {
  db.prepare(`INSERT INTO packages (job_id, folder, manifest_json, generation, generated_at) VALUES (?, 'f', '{}', 1, 't')`).run(jobId);
}

describe('migration 0006: the workflow', () => {
  const cache = useTempCacheFile();

  it('gives every existing job the state its data implies, logs why, and fills payment state and target date', async () => {
    const all = loadMigrations();
    const before = await openDatabase({ file: cache().file, migrations: all.slice(0, 5) });
    const db = before.sqlite;
    insertOrder(db, 1, 'claim_order', 'paid', '2026-11-02T15:00:00Z'); // Monday
    insertOrder(db, 2, 'claim_order', 'approved', '2026-11-06T15:00:00Z', 1); // Friday, expedited
    insertOrder(db, 3, 'claim_order', 'cancelled', '2026-11-03T15:00:00Z');
    insertOrder(db, 4, 'claim_order', 'on_hold', '2026-11-03T15:00:00Z');
    insertOrder(db, 5, 'claim_order', 'paid', '2026-11-03T15:00:00Z');
    insertOrder(db, 6, 'claim_order', 'paid', '2026-11-03T15:00:00Z');
    insertOrder(db, 7, 'claim_order', 'completed', '2026-11-03T15:00:00Z');
    insertOrder(db, 1, 'claim_purchase', 'pending', '2026-11-03T15:00:00Z');
    insertOrder(db, 2, 'claim_purchase', 'in_progress', '2026-11-03T15:00:00Z', 0, { payment_status: 'succeeded' });
    insertOrder(db, 3, 'claim_purchase', 'bogus', 'not a date');

    const layingOut = insertJob(db, 1, 'layout');
    const ready = insertJob(db, 2, 'upload');
    insertPackage(db, ready);
    const cancelledKept = insertJob(db, 3, 'claimant', 'claim_order', 'cancelled');
    const cancelledConflict = insertJob(db, 7, 'documents');
    const onHold = insertJob(db, 4, 'import');
    const delivered = insertJob(db, 5, 'upload');
    insertPackage(db, delivered);
    const doneUpload = insertUpload(db, delivered, 'done');
    const uploading = insertJob(db, 6, 'upload');
    insertPackage(db, uploading);
    insertUpload(db, uploading, 'retry');
    insertUpload(db, uploading, 'discarded');
    await before.close();

    const after = await openDatabase({ file: cache().file, migrations: all });
    const sql = after.sqlite;
    const state = (id: number) =>
      sql.prepare('SELECT workflow_state AS state, resume_to AS resumeTo FROM jobs WHERE id = ?').get(id) as { state: string; resumeTo: string | null };
    expect(state(layingOut)).toEqual({ state: 'laying_out', resumeTo: null });
    expect(state(ready)).toEqual({ state: 'documents_ready', resumeTo: null });
    expect(state(cancelledKept)).toEqual({ state: 'cancelled', resumeTo: 'validated' });
    // Completed on the server with nothing delivered from here: a person must decide.
    expect(state(cancelledConflict)).toEqual({ state: 'needs_review', resumeTo: 'validated' });
    expect(state(onHold)).toEqual({ state: 'on_hold', resumeTo: 'pulled' });
    expect(state(delivered)).toEqual({ state: 'delivered', resumeTo: null });
    expect(state(uploading)).toEqual({ state: 'uploading', resumeTo: null });

    const log = sql.prepare('SELECT job_id, from_state, to_state, event, actor_role, reason FROM job_transitions ORDER BY job_id').all() as {
      job_id: number;
      from_state: string | null;
      to_state: string;
      event: string;
      actor_role: string;
      reason: string;
    }[];
    expect(log).toHaveLength(7);
    expect(log.every((entry) => entry.event === 'MIGRATED' && entry.from_state === null && entry.actor_role === 'system')).toBe(true);
    expect(log.find((entry) => entry.job_id === delivered)?.reason).toMatch(/upload was delivered/);

    const order = (type: string, id: number) =>
      sql.prepare('SELECT payment_state AS payment, target_date AS target FROM orders WHERE order_type = ? AND id = ?').get(type, id);
    expect(order('claim_order', 1)).toEqual({ payment: 'paid', target: '2026-11-16' }); // 10 business days after Monday 2 Nov
    expect(order('claim_order', 2)).toEqual({ payment: 'paid', target: '2026-11-11' }); // 3 business days after Friday 6 Nov
    expect(order('claim_order', 3)).toEqual({ payment: 'not_applicable', target: '2026-11-17' });
    expect(order('claim_purchase', 1)).toEqual({ payment: 'awaiting_payment', target: '2026-11-17' });
    expect(order('claim_purchase', 2)).toEqual({ payment: 'paid', target: '2026-11-17' }); // from payment_status
    expect(order('claim_purchase', 3)).toEqual({ payment: 'unknown', target: null });

    // The rebuilt outbox kept every entry and its documents, and takes domain events.
    expect(sql.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 3 });
    expect(sql.prepare('SELECT outbox_id FROM outbox_documents WHERE outbox_id = ?').get(doneUpload)).toEqual({ outbox_id: doneUpload });
    expect(sql.pragma('foreign_key_check')).toEqual([]);
    sql.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at) VALUES ('e', 99, ?, 'event', '{}', 'queued', 't', 't')`).run(ready);
    expect(() =>
      sql.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at) VALUES ('x', 100, ?, 'nonsense', '{}', 'queued', 't', 't')`).run(ready),
    ).toThrow(/CHECK/);
    await after.close();
  });
});
