/**
 * Migration 0013 (desk assignment): the outbox table is rebuilt so its kind CHECK admits 'assignment', with foreign
 * keys off for the migration; every entry and its documents survive with their indexes, the new columns (the
 * order's holder, the job's confirmed claim) start empty, and the CHECK still refuses an unknown kind.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/open-database';
import { loadMigrations } from '../../core/db/migrations-source';
import { useTempCacheFile } from '../helpers/temp-cache-file';

describe('migration 0013: desk assignment', () => {
  const cache = useTempCacheFile();

  it('keeps the outbox and its documents, admits assignment entries only, and adds empty assignment columns', async () => {
    const before = await openDatabase({ file: cache().file, migrations: loadMigrations().slice(0, 12) });
    const raw = before.sqlite;
    raw.prepare(
      `INSERT INTO orders (order_type, id, order_number, status, created_at, customer_email, company_name, project_id, project_name,
        claim_count, polygon_count, claimant_info_json, claim_package_id, staking_service, expedited_delivery, problems_json,
        warnings_json, problem_count, warning_count, search_text, payload_hash, first_seen_at, updated_at, gone_at)
       VALUES ('claim_order', 1, 'CO-1', 'paid', '2026-11-02T15:00:00Z', '', '', 1, '', 2, 2, NULL, NULL, 0, 0, '[]', '[]', 0, 0, '', 'h', 't', 't', NULL)`,
    ).run();
    const job = Number(
      raw
        .prepare(
          `INSERT INTO jobs (order_type, order_id, step, epsg, crs_json, order_context_json, layout_json, monument_settings_json,
            location_json, claimant_json, capacity_override_json, documents_json, created_at, updated_at, workflow_state, order_number)
           VALUES ('claim_order', 1, 'upload', 26911, '{}', '{}', '{"claims":[]}', '{}', '{}', '{}', NULL, '{}', 't', 't', 'uploading', 'CO-1')`,
        )
        .run().lastInsertRowid,
    );
    raw.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at, server_url, queued_by) VALUES ('u1', 1, ?, 'upload', '{}', 'queued', 't', 't', 'http://s', 'demo-staff')`).run(job);
    raw.prepare(`INSERT INTO outbox_documents (outbox_id, file_name, kind, media_type, bytes, sha256) VALUES ('u1', 'a.pdf', 'location-notices', 'application/pdf', 3, 'x')`).run();
    expect(() => raw.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at) VALUES ('a0', 2, ?, 'assignment', '{}', 'queued', 't', 't')`).run(job)).toThrow(/CHECK constraint/);
    const rowsBefore = raw.prepare('SELECT * FROM outbox').all();
    const indexesBefore = raw.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name").all();
    await before.close();

    const after = await openDatabase({ file: cache().file, migrations: loadMigrations().slice(0, 13) });
    const db = after.sqlite;
    try {
      expect(db.prepare('SELECT * FROM outbox').all().map((row) => ({ ...(row as object) }))).toEqual(rowsBefore.map((row) => ({ ...(row as object) })));
      expect(db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name").all()).toEqual(indexesBefore);
      expect(db.prepare('SELECT count(*) AS n FROM outbox_documents').get()).toEqual({ n: 1 });
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at) VALUES ('a1', 2, ?, 'assignment', '{}', 'queued', 't', 't')`).run(job);
      expect(() => db.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at) VALUES ('x1', 3, ?, 'crew', '{}', 'queued', 't', 't')`).run(job)).toThrow(/CHECK constraint/);
      expect(db.prepare('SELECT assigned_to_json, assignment_expired_json FROM orders').get()).toEqual({ assigned_to_json: null, assignment_expired_json: null });
      expect(db.prepare('SELECT claimed_at, claimed_by FROM jobs').get()).toEqual({ claimed_at: null, claimed_by: null });
      // References are enforced again after the migration.
      expect(() => db.prepare(`INSERT INTO outbox_documents (outbox_id, file_name, kind, media_type, bytes, sha256) VALUES ('nope', 'b.pdf', 'x', 'y', 1, 'z')`).run()).toThrow(/FOREIGN KEY/);
    } finally {
      await after.close();
    }
  });
});
