/**
 * Migration 0012: the jobs table is rebuilt so its workflow_state CHECK admits 'recorded' and 'filed', with foreign
 * keys off for the migration and checked before it commits (https://www.sqlite.org/lang_altertable.html section 7).
 * Every row of the job and its children survives, references still hold and are enforced afterwards; a cache whose
 * references were already broken is refused and left exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/open-database';
import { loadMigrations } from '../../core/db/migrations-source';
import { withWorkflowStates } from '../../core/db/data-migrations';
import { migrate } from '../../core/db/migrate';
import { useTempCacheFile } from '../helpers/temp-cache-file';

type Raw = Awaited<ReturnType<typeof openDatabase>>['sqlite'];

function seedJob(db: Raw, id: number): number {
  db.prepare(
    `INSERT INTO orders (order_type, id, order_number, status, created_at, customer_email, company_name, project_id, project_name,
      claim_count, polygon_count, claimant_info_json, claim_package_id, staking_service, expedited_delivery, problems_json,
      warnings_json, problem_count, warning_count, search_text, payload_hash, first_seen_at, updated_at, gone_at)
     VALUES ('claim_order', ?, ?, 'completed', '2026-11-02T15:00:00Z', '', '', 1, '', 2, 2, NULL, 41, 1, 0, '[]', '[]', 0, 0, '', 'h', 't', 't', NULL)`,
  ).run(id, `CO-${id}`);
  const job = Number(
    db
      .prepare(
        `INSERT INTO jobs (order_type, order_id, step, epsg, crs_json, order_context_json, layout_json, monument_settings_json,
          location_json, claimant_json, capacity_override_json, documents_json, created_at, updated_at, workflow_state, order_number)
         VALUES ('claim_order', ?, 'upload', 26911, '{}', '{}', '{"claims":[]}', '{}', '{}', '{}', NULL, '{}', 't', 't', 'delivered', ?)`,
      )
      .run(id, `CO-${id}`).lastInsertRowid,
  );
  db.prepare(`INSERT INTO packages (job_id, folder, manifest_json, generation, generated_at) VALUES (?, 'packages/x', '{}', 1, 't')`).run(job);
  db.prepare(`INSERT INTO job_transitions (job_id, from_state, to_state, event, actor_username, actor_role, at) VALUES (?, 'uploading', 'delivered', 'UPLOAD_DELIVERED', 'claimdesk', 'system', 't')`).run(job);
  const outboxId = `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`;
  db.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at, done_at) VALUES (?, ?, ?, 'upload', '{}', 'done', 't', 't', 't')`).run(outboxId, id, job);
  db.prepare(`INSERT INTO deliveries (outbox_id, job_id, order_type, order_id, claim_package_id, delivered_at) VALUES (?, ?, 'claim_order', ?, 41, 't')`).run(outboxId, job, id);
  db.prepare(`INSERT INTO delivered_claims (outbox_id, job_id, claim_name) VALUES (?, ?, 'C 1')`).run(outboxId, job);
  // ON DELETE CASCADE: with foreign keys on, dropping the old jobs table would take these rows with it.
  db.prepare(`INSERT INTO field_work (job_id, file_name, points_json, imported_at) VALUES (?, 'staked.gpx', '[]', 't')`).run(job);
  return job;
}

const CHILDREN = ['packages', 'job_transitions', 'outbox', 'deliveries', 'delivered_claims', 'field_work'] as const;
const counts = (db: Raw) => Object.fromEntries(['jobs', ...CHILDREN].map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));

describe('migration 0012: jobs rebuilt for the recorded and filed states', () => {
  const cache = useTempCacheFile();

  it('keeps every job and child row, the indexes and the references, and admits the new states only', async () => {
    const all = loadMigrations();
    const before = await openDatabase({ file: cache().file, migrations: all.slice(0, 11) });
    const jobs = [seedJob(before.sqlite, 1), seedJob(before.sqlite, 2)];
    const rowsBefore = before.sqlite.prepare('SELECT * FROM jobs ORDER BY id').all();
    const countsBefore = counts(before.sqlite);
    const indexesBefore = before.sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'jobs' ORDER BY name").all();
    expect(() => before.sqlite.prepare("UPDATE jobs SET workflow_state = 'recorded' WHERE id = ?").run(jobs[0])).toThrow(/CHECK constraint/);
    await before.close();

    // As 0012 left it: later migrations add columns of their own.
    const after = await openDatabase({ file: cache().file, migrations: all.slice(0, 12) });
    const db = after.sqlite;
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.prepare('SELECT * FROM jobs ORDER BY id').all()).toEqual(rowsBefore);
    expect(counts(db)).toEqual(countsBefore);
    expect(db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'jobs' ORDER BY name").all()).toEqual(indexesBefore);
    expect(db.prepare('SELECT name FROM sqlite_schema WHERE name LIKE ?').all('%rebuild%')).toEqual([]);
    // Foreign keys are on again and every reference still resolves to the rebuilt table.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare('DELETE FROM jobs WHERE id = ?').run(jobs[0])).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO packages (job_id, folder, manifest_json, generation, generated_at) VALUES (999, 'x', '{}', 1, 't')`).run()).toThrow(/FOREIGN KEY/);
    // The new states, and nothing else.
    db.prepare("UPDATE jobs SET workflow_state = 'recorded' WHERE id = ?").run(jobs[0]);
    db.prepare("UPDATE jobs SET workflow_state = 'filed' WHERE id = ?").run(jobs[1]);
    expect(() => db.prepare("UPDATE jobs SET workflow_state = 'archived' WHERE id = ?").run(jobs[0])).toThrow(/CHECK constraint/);
    // The uniqueness of one job per order is the table's own again.
    expect(() =>
      db
        .prepare(
          `INSERT INTO jobs (order_type, order_id, step, epsg, crs_json, order_context_json, layout_json, monument_settings_json, location_json, claimant_json, created_at, updated_at)
           VALUES ('claim_order', 1, 'import', 26911, '{}', '{}', '{}', '{}', '{}', '{}', 't', 't')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    await after.close();
  });

  it('opens a cache whose references were already broken, keeping them as they were', async () => {
    const all = loadMigrations();
    const before = await openDatabase({ file: cache().file, migrations: all.slice(0, 11) });
    seedJob(before.sqlite, 1);
    before.sqlite.pragma('foreign_keys = OFF');
    before.sqlite.prepare(`INSERT INTO job_transitions (job_id, from_state, to_state, event, actor_username, actor_role, at) VALUES (77, NULL, 'pulled', 'MIGRATED', 'x', 'system', 't')`).run();
    await before.close();

    const after = await openDatabase({ file: cache().file });
    expect(after.sqlite.pragma('user_version', { simple: true })).toBe(all.length);
    expect(after.sqlite.pragma('foreign_key_check')).toEqual([{ table: 'job_transitions', rowid: expect.any(Number), parent: 'jobs', fkid: 0 }]);
    await after.close();
  });

  it('refuses a migration run with foreign keys off that breaks a reference, and leaves the cache as it was', async () => {
    const all = loadMigrations();
    const opened = await openDatabase({ file: cache().file, migrations: all.slice(0, 11) });
    seedJob(opened.sqlite, 1);
    // A migration that would orphan the job: with foreign keys off nothing stops the delete but the check.
    const orphaning = [...all.slice(0, 11), { version: 12, name: 'orphaning', sql: "DELETE FROM orders WHERE order_type = 'claim_order'" }];
    const run = migrate(opened.sqlite, orphaning, { file: cache().file, backup: async () => null, now: () => new Date(), dataSteps: {}, foreignKeysOff: new Set([12]) });
    await expect(run).rejects.toThrow(/rolled back: 1 row\(s\) would break a foreign key \(first: jobs row 1 → orders\)/);
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(11);
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 1 });
    await opened.close();
  });

  it('finds exactly one workflow_state CHECK to widen, or refuses', () => {
    expect(withWorkflowStates("CREATE TABLE jobs (a, workflow_state TEXT CHECK (workflow_state IN ('a', 'b')))", ['a', 'b', 'c'])).toBe(
      "CREATE TABLE jobs (a, workflow_state TEXT CHECK (workflow_state IN ('a', 'b', 'c')))",
    );
    expect(() => withWorkflowStates('CREATE TABLE jobs (a)', ['a'])).toThrow(/found 0/);
  });
});
