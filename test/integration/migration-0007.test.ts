/**
 * Migration 0007: the cache's server moves to a key of its own (no longer overwritten by any sign-in), and every
 * outbox entry made before it belongs to that server and to its author: an override event to the actor it names,
 * anything else to the account last signed in on the cache. A 'sending' entry from before has no lease, so the
 * next sender takes it over.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/open-database';
import { loadMigrations } from '../../core/db/migrations-source';
import { isAbandoned } from '../../core/outbox/outbox-lease';
import { makeTempDir } from '../helpers/temp-dir';

describe('migration 0007: sessions and leases', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = join(temp.dir, 'claimdesk.sqlite');
  });
  afterEach(() => temp.cleanup());

  it('binds the cache to its server and gives every older entry its server and author', async () => {
    const all = loadMigrations();
    const version = all.findIndex((m) => m.name === 'sessions_and_leases');
    const before = await openDatabase({ file, migrations: all.slice(0, version) });
    const db = before.sqlite;
    db.pragma('foreign_keys = OFF'); // a job without its cached order is enough here
    for (const [key, value] of [['account.server_url', 'https://geodb.example'], ['account.username', 'demo-staff'], ['account.role', 'staff']]) {
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, value);
    }
    db.prepare(
      `INSERT INTO jobs (order_type, order_id, step, epsg, crs_json, order_context_json, layout_json, monument_settings_json, location_json,
        claimant_json, documents_json, created_at, updated_at) VALUES ('claim_order', 1, 'upload', 26911, '{}', '{}', '{}', '{}', '{}', '{}', '{}', 't', 't')`,
    ).run();
    const insert = db.prepare(`INSERT INTO outbox (id, seq, job_id, kind, payload_json, state, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, 't', 't')`);
    insert.run('upload-1', 1, 'upload', '{"claims":[]}', 'sending');
    insert.run('event-1', 2, 'event', JSON.stringify({ actor: 'demo-manager', event: 'PULL' }), 'queued');
    await before.close();

    const after = await openDatabase({ file, migrations: all });
    try {
      const settings = Object.fromEntries((after.sqlite.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
      expect(settings['cache.server_url']).toBe('https://geodb.example');
      expect(settings['account.server_url']).toBeUndefined();
      expect(settings['account.username']).toBe('demo-staff');
      const rows = after.sqlite.prepare('SELECT id, server_url, queued_by, lease_owner, lease_expires_at FROM outbox ORDER BY seq').all() as Record<string, string | null>[];
      expect(rows).toEqual([
        { id: 'upload-1', server_url: 'https://geodb.example', queued_by: 'demo-staff', lease_owner: null, lease_expires_at: null },
        { id: 'event-1', server_url: 'https://geodb.example', queued_by: 'demo-manager', lease_owner: null, lease_expires_at: null },
      ]);
      expect(isAbandoned({ id: 'upload-1', lease_owner: null, lease_expires_at: null }, new Date())).toBe(true);
    } finally {
      await after.close();
    }
  });
});
