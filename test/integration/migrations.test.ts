import { existsSync, readdirSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { openDatabase } from '../../core/db/open-database';
import { loadMigrations, type Migration } from '../../core/db/migrations-source';
import type {
  DeliveredClaimsTable,
  DeliveriesTable,
  JobsTable,
  JobTransitionsTable,
  NotificationsTable,
  OrderDuplicatesTable,
  OrderPayloadsTable,
  OrdersTable,
  OutboxDocumentsTable,
  OutboxTable,
  PackagesTable,
  PlssLayersTable,
  PlssPartsTable,
  PlssRtreeTable,
} from '../../core/db/schema';
import { EMPTY_JOB_DOCUMENTS, jobDocumentsSchema } from '../../shared/jobs/job.types';
import { useTempCacheFile } from '../helpers/temp-cache-file';

// Compile-time complete lists of the Kysely table types' columns: adding a column to a table type (core/db/tables)
// without the SQL (or the other way round) fails the comparison below.
const ORDERS_COLUMNS: Record<keyof OrdersTable, true> = {
  order_type: true, id: true, order_number: true, status: true, created_at: true, customer_email: true,
  company_name: true, project_id: true, project_name: true, claim_count: true, polygon_count: true,
  claimant_info_json: true, claim_package_id: true, staking_service: true, expedited_delivery: true,
  problems_json: true, warnings_json: true, problem_count: true, warning_count: true, search_text: true,
  payload_hash: true, first_seen_at: true, updated_at: true, gone_at: true, payment_status: true, payment_state: true,
  target_date: true, assigned_to_json: true, assignment_expired_json: true,
};
const PAYLOAD_COLUMNS: Record<keyof OrderPayloadsTable, true> = { order_type: true, id: true, raw_json: true, claims_json: true };
const JOBS_COLUMNS: Record<keyof JobsTable, true> = {
  id: true, order_type: true, order_id: true, step: true, epsg: true, crs_json: true, order_context_json: true,
  layout_json: true, monument_settings_json: true, location_json: true, claimant_json: true,
  capacity_override_json: true, documents_json: true, claim_package_id: true, claim_package_number: true, conflict_ack: true,
  workflow_state: true, resume_to: true, workflow_changed_at: true, created_at: true, updated_at: true,
  order_number: true, claims_purchased: true, claims_laid_out: true, claimant_named: true, claimed_at: true, claimed_by: true,
};
const DELIVERY_COLUMNS: Record<keyof DeliveriesTable, true> = {
  outbox_id: true, job_id: true, order_type: true, order_id: true, claim_package_id: true, delivered_at: true,
};
const DELIVERED_CLAIM_COLUMNS: Record<keyof DeliveredClaimsTable, true> = { outbox_id: true, job_id: true, claim_name: true };
const TRANSITION_COLUMNS: Record<keyof JobTransitionsTable, true> = {
  id: true, job_id: true, from_state: true, to_state: true, event: true, actor_username: true, actor_role: true, at: true,
  reason: true, override: true, overridden_json: true,
};
const DUPLICATE_COLUMNS: Record<keyof OrderDuplicatesTable, true> = {
  a_type: true, a_id: true, b_type: true, b_id: true, share: true, overlap_acres: true, claims_json: true, found_at: true,
};
const NOTIFICATION_COLUMNS: Record<keyof NotificationsTable, true> = {
  id: true, kind: true, title: true, body: true, order_type: true, order_id: true, job_id: true, dedupe_key: true,
  created_at: true, read_at: true,
};
const OUTBOX_COLUMNS: Record<keyof OutboxTable, true> = {
  id: true, seq: true, job_id: true, kind: true, payload_json: true, state: true, attempts: true, next_attempt_at: true,
  last_error: true, response_json: true, created_at: true, updated_at: true, done_at: true, server_url: true, queued_by: true,
  lease_owner: true, lease_expires_at: true,
};
const OUTBOX_DOCUMENT_COLUMNS: Record<keyof OutboxDocumentsTable, true> = {
  outbox_id: true, file_name: true, kind: true, media_type: true, bytes: true, sha256: true, server_document_id: true,
};
const PACKAGES_COLUMNS: Record<keyof PackagesTable, true> = {
  id: true, job_id: true, folder: true, manifest_json: true, generation: true, generated_at: true,
};
const PLSS_LAYER_COLUMNS: Record<keyof PlssLayersTable, true> = {
  id: true, state: true, layer: true, status: true, source: true, data_date: true, imported_at: true, feature_count: true,
};
const PLSS_PART_COLUMNS: Record<keyof PlssPartsTable, true> = {
  id: true, layer_id: true, kind: true, meridian_code: true, meridian_text: true, plss_id: true, township: true, range: true,
  section: true, label: true, geom: true,
};
const PLSS_RTREE_COLUMNS: Record<keyof PlssRtreeTable, true> = { id: true, min_lon: true, max_lon: true, min_lat: true, max_lat: true };

describe('local cache migrations', () => {
  const cache = useTempCacheFile();

  it('creates the schema on a new file with WAL, foreign keys and the version recorded', async () => {
    const opened = await openDatabase({ file: cache().file });
    const migrations = loadMigrations();
    expect(opened.schemaVersion).toBe(migrations.length);
    expect(opened.migration.backupFile).toBeNull();
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const recorded = opened.sqlite.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    const columns = (table: string) =>
      (opened.sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name).sort();
    expect(columns('orders')).toEqual(Object.keys(ORDERS_COLUMNS).sort());
    expect(columns('order_payloads')).toEqual(Object.keys(PAYLOAD_COLUMNS).sort());
    expect(columns('jobs')).toEqual(Object.keys(JOBS_COLUMNS).sort());
    expect(columns('packages')).toEqual(Object.keys(PACKAGES_COLUMNS).sort());
    expect(columns('outbox')).toEqual(Object.keys(OUTBOX_COLUMNS).sort());
    expect(columns('outbox_documents')).toEqual(Object.keys(OUTBOX_DOCUMENT_COLUMNS).sort());
    expect(columns('job_transitions')).toEqual(Object.keys(TRANSITION_COLUMNS).sort());
    expect(columns('order_duplicates')).toEqual(Object.keys(DUPLICATE_COLUMNS).sort());
    expect(columns('notifications')).toEqual(Object.keys(NOTIFICATION_COLUMNS).sort());
    expect(columns('plss_layers')).toEqual(Object.keys(PLSS_LAYER_COLUMNS).sort());
    expect(columns('plss_parts')).toEqual(Object.keys(PLSS_PART_COLUMNS).sort());
    expect(columns('plss_rtree')).toEqual(Object.keys(PLSS_RTREE_COLUMNS).sort());
    expect(columns('deliveries')).toEqual(Object.keys(DELIVERY_COLUMNS).sort());
    expect(columns('delivered_claims')).toEqual(Object.keys(DELIVERED_CLAIM_COLUMNS).sort());
    // A job belongs to a cached order: the foreign key must be declared (orders are never deleted, see 0001).
    const jobKeys = opened.sqlite.prepare(`SELECT "table", "from", "to" FROM pragma_foreign_key_list('jobs')`).all();
    expect(jobKeys).toEqual(
      expect.arrayContaining([
        { table: 'orders', from: 'order_type', to: 'order_type' },
        { table: 'orders', from: 'order_id', to: 'id' },
      ]),
    );
    await opened.close();
  });

  it('opens an up-to-date file again without migrating or backing up', async () => {
    await (await openDatabase({ file: cache().file })).close();
    const again = await openDatabase({ file: cache().file });
    expect(again.migration.applied).toEqual([]);
    await again.close();
    expect(readdirSync(cache().dir).filter((name) => name.endsWith('.backup'))).toEqual([]);
  });

  it('backs the cache up before applying a new migration', async () => {
    const base = loadMigrations();
    await (await openDatabase({ file: cache().file, migrations: base })).close();
    const next: Migration = { version: base.length + 1, name: 'add_notes', sql: 'CREATE TABLE order_notes (note TEXT NOT NULL);' };
    const opened = await openDatabase({ file: cache().file, migrations: [...base, next] });
    expect(opened.migration.applied).toEqual([`${next.version}_add_notes`]);
    expect(opened.migration.backupFile).not.toBeNull();
    expect(existsSync(opened.migration.backupFile!)).toBe(true);
    await opened.close();
    const backup = new BetterSqlite3(opened.migration.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(base.length);
    backup.close();
  });

  it('refuses a cache from a newer ClaimDesk with a clear message and leaves it untouched', async () => {
    await (await openDatabase({ file: cache().file })).close();
    const raw = new BetterSqlite3(cache().file);
    raw.pragma('user_version = 99');
    raw.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'keep me')").run();
    raw.close();

    const failure = await openDatabase({ file: cache().file }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('db-too-new');
    expect((failure as AppError).message).toMatch(/newer version of ClaimDesk.*Nothing has been changed or deleted/);

    const check = new BetterSqlite3(cache().file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(99);
    expect(check.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: 'keep me' });
    check.close();
  });

  it('rolls a failing migration back completely', async () => {
    const base = loadMigrations();
    await (await openDatabase({ file: cache().file, migrations: base })).close();
    const broken: Migration = { version: base.length + 1, name: 'broken', sql: 'CREATE TABLE half (a TEXT); SELECT * FROM no_such_table;' };
    const failure = await openDatabase({ file: cache().file, migrations: [...base, broken] }).catch((error: unknown) => error);
    expect((failure as AppError).code).toBe('db-failed');
    const check = new BetterSqlite3(cache().file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(base.length);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    check.close();
  });

  it('gives jobs made before 0003 an empty land description that the job schema accepts', async () => {
    const base = loadMigrations();
    const before = await openDatabase({ file: cache().file, migrations: base.slice(0, 2) });
    before.sqlite.exec(`INSERT INTO orders (order_type, id, order_number, status, created_at, customer_email, company_name,
      project_id, project_name, claim_count, polygon_count, claimant_info_json, claim_package_id, staking_service,
      expedited_delivery, problems_json, warnings_json, problem_count, warning_count, search_text, payload_hash,
      first_seen_at, updated_at, gone_at) VALUES ('claim_order', 7, 'CO-7', 'pending', '2026-01-01', '', '', NULL, '', 1, 1,
      NULL, NULL, 0, 0, '[]', '[]', 0, 0, '', 'h', '2026-01-01', '2026-01-01', NULL)`);
    before.sqlite.exec(`INSERT INTO jobs (order_type, order_id, step, epsg, crs_json, order_context_json, layout_json,
      monument_settings_json, location_json, claimant_json, capacity_override_json, created_at, updated_at)
      VALUES ('claim_order', 7, 'claimant', 26911, '{}', '{}', '{}', '{}', '{}', '{}', NULL, '2026-01-01', '2026-01-01')`);
    await before.close();
    const after = await openDatabase({ file: cache().file, migrations: base });
    const row = after.sqlite.prepare('SELECT documents_json FROM jobs').get() as { documents_json: string };
    expect(jobDocumentsSchema.parse(JSON.parse(row.documents_json))).toEqual(EMPTY_JOB_DOCUMENTS);
    await after.close();
  });

  it('keeps the migration files numbered 1..n without gaps', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });
});
