/**
 * The field crews' migration (CREWS_MIGRATION): the crew cache's tables, and the outbox rebuilt from its stored
 * definition so kind admits 'crew' and job_id may be null (a crew decision belongs to no job). Every outbox row, its
 * document snapshots and deliveries survive; a kind another migration added before it is kept.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/open-database';
import { loadMigrations } from '../../core/db/migrations-source';
import { CREWS_MIGRATION, withOutboxKindAndOptionalJob } from '../../core/db/data-migrations';
import { useTempCacheFile } from '../helpers/temp-cache-file';

describe('migration: field crews', () => {
  const cache = useTempCacheFile();

  it('keeps every outbox row and reference, admits crew entries without a job, and still refuses unknown kinds', async () => {
    const all = loadMigrations();
    const before = await openDatabase({ file: cache().file, migrations: all.slice(0, CREWS_MIGRATION - 1) });
    const db0 = before.sqlite;
    db0.prepare(`INSERT INTO orders (order_type, id, order_number, status, created_at, customer_email, company_name, project_id, project_name,
      claim_count, polygon_count, claimant_info_json, claim_package_id, staking_service, expedited_delivery, problems_json,
      warnings_json, problem_count, warning_count, search_text, payload_hash, first_seen_at, updated_at, gone_at)
     VALUES ('claim_purchase', 1, 'CPO-1', 'processing', 't', '', '', 1, '', 2, 2, NULL, NULL, 1, 0, '[]', '[]', 0, 0, '', 'h', 't', 't', NULL)`).run();
    const job = Number(
      db0
        .prepare(
          `INSERT INTO jobs (order_type, order_id, step, epsg, crs_json, order_context_json, layout_json, monument_settings_json,
            location_json, claimant_json, created_at, updated_at) VALUES ('claim_purchase', 1, 'upload', 26911, '{}', '{}', '{"claims":[]}', '{}', '{}', '{}', 't', 't')`,
        )
        .run().lastInsertRowid,
    );
    const id = '00000000-0000-4000-8000-000000000001';
    db0.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at, done_at, server_url, queued_by) VALUES (?, 1, ?, 'upload', '{}', 'done', 't', 't', 't', 'http://s', 'pat')`).run(id, job);
    db0.prepare(`INSERT INTO outbox_documents (outbox_id, file_name, kind, media_type, bytes, sha256) VALUES (?, 'a.pdf', 'x', 'application/pdf', 1, 'h')`).run(id);
    db0.prepare(`INSERT INTO deliveries (outbox_id, job_id, order_type, order_id, claim_package_id, delivered_at) VALUES (?, ?, 'claim_purchase', 1, 41, 't')`).run(id, job);
    expect(() => db0.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at) VALUES ('c', 2, NULL, 'crew', '{}', 'queued', 't', 't')`).run()).toThrow(/NOT NULL|CHECK/);
    const rowsBefore = db0.prepare('SELECT * FROM outbox').all();
    const indexesBefore = db0.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name").all();
    await before.close();

    const after = await openDatabase({ file: cache().file, migrations: all.slice(0, CREWS_MIGRATION) });
    const db = after.sqlite;
    expect(db.prepare('SELECT * FROM outbox').all()).toEqual(rowsBefore);
    expect(db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name").all()).toEqual(indexesBefore);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare('DELETE FROM outbox WHERE id = ?').run(id)).toThrow(/FOREIGN KEY/);
    db.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at) VALUES ('c', 2, NULL, 'crew', '{}', 'queued', 't', 't')`).run();
    expect(() => db.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at) VALUES ('d', 3, NULL, 'fax', '{}', 'queued', 't', 't')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at) VALUES ('e', 4, 999, 'status', '{}', 'queued', 't', 't')`).run()).toThrow(/FOREIGN KEY/);
    db.prepare(`INSERT INTO crew_board_orders (order_type, order_id, order_number, state, county, in_coverage, assigned_crew) VALUES ('claim_purchase', 1, 'CPO-1', 'NV', 'Esmeralda', 1, NULL)`).run();
    await after.close();
  });

  it('adds crew to whatever kinds the outbox admits, once, and makes job_id nullable', () => {
    const revised = withOutboxKindAndOptionalJob("CREATE TABLE outbox (id TEXT, job_id INTEGER NOT NULL REFERENCES jobs (id), kind TEXT NOT NULL CHECK (kind IN ('upload', 'status', 'event', 'assignment')))", 'crew');
    expect(revised).toBe("CREATE TABLE outbox (id TEXT, job_id INTEGER REFERENCES jobs (id), kind TEXT NOT NULL CHECK (kind IN ('upload', 'status', 'event', 'assignment', 'crew')))");
    expect(withOutboxKindAndOptionalJob(revised, 'crew')).toBe(revised);
    expect(() => withOutboxKindAndOptionalJob('CREATE TABLE outbox (id TEXT)', 'crew')).toThrow(/found 0/);
  });
});
