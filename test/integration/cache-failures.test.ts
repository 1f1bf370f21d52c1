/**
 * A damaged, foreign or read-only cache: one line saying what is wrong and what to do, the file left exactly as it
 * was; PRAGMA quick_check at every open; read-only opens that never write.
 */
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/open-database';
import { makeTempDir } from '../helpers/temp-dir';

const CLI = join(__dirname, '../../bin/claimdesk.cjs');

/**
 * Run as root, the read-only test drops to an unprivileged user, who can start the CLI only if every folder above it
 * lets others through: a checkout inside a private folder (mktemp -d makes it 0700) cannot be tested that way.
 */
function othersCanReach(file: string): boolean {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}
const CAN_TEST_READ_ONLY = process.getuid?.() !== 0 || othersCanReach(CLI);

/** A real cache with a few rows, closed cleanly. */
async function makeCache(dir: string): Promise<string> {
  const file = join(dir, 'claimdesk.sqlite');
  const opened = await openDatabase({ file });
  opened.sqlite.exec("INSERT INTO sync_state (key, value) VALUES ('probe', 'x')");
  for (let i = 0; i < 200; i += 1) opened.sqlite.prepare("INSERT INTO notifications (kind, title, body, created_at) VALUES ('probe', ?, ?, '2026-01-01')").run(`n${i}`, 'y'.repeat(200));
  await opened.close();
  return file;
}

/** Overwrites part of a B-tree page so the structure no longer holds. */
function damage(file: string): void {
  const bytes = readFileSync(file);
  bytes.fill(0xff, 4096 * 3, 4096 * 3 + 600);
  writeFileSync(file, bytes);
}

describe('opening a cache that is not usable', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    temp = makeTempDir();
  });
  afterAll(() => temp.cleanup());

  it('explains a file that is not a database in one line, and leaves it untouched', async () => {
    const dir = join(temp.dir, 'foreign');
    mkdirSync(dir);
    const file = join(dir, 'claimdesk.sqlite');
    writeFileSync(file, 'Quarterly report\n'.repeat(500));
    const before = readFileSync(file);
    const failure = await openDatabase({ file }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'db-failed', message: expect.stringMatching(/is not a ClaimDesk cache \(it is damaged or another kind of file\): restore it from your own backup .*choose another data folder \(--data-dir or CLAIMDESK_DATA_DIR\); nothing was changed\.$/) });
    expect((failure as Error).message).not.toContain('\n');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('finds damage with quick_check at open, names the pre-update copy to restore, and changes nothing', async () => {
    const dir = join(temp.dir, 'damaged');
    mkdirSync(dir);
    const file = await makeCache(dir);
    const backup = `${file}.v5-2026-12-01T10-00-00-000Z.backup`;
    cpSync(file, backup);
    damage(file);
    const before = readFileSync(file);
    for (const readOnly of [false, true]) {
      const failure = await openDatabase({ file, readOnly }).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'db-failed', message: expect.stringContaining(`The cache ${file} is damaged (`) });
      expect((failure as Error).message).toContain(`restore the copy taken before the last update (copy ${backup} over it)`);
      expect((failure as Error).message).not.toContain('\n');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('opens read-only without writing: no migration, writes refused', async () => {
    const dir = join(temp.dir, 'readonly');
    mkdirSync(dir);
    const file = await makeCache(dir);
    const opened = await openDatabase({ file, readOnly: true });
    expect(opened.sqlite.readonly).toBe(true);
    expect(() => opened.sqlite.exec("INSERT INTO sync_state (key, value) VALUES ('w', 'x')")).toThrow(/readonly/);
    await opened.close();
    // A cache an older ClaimDesk wrote cannot be migrated by a read-only open: it says how to update it.
    const old = await openDatabase({ file });
    old.sqlite.pragma('user_version = 3');
    await old.close();
    await expect(openDatabase({ file, readOnly: true })).rejects.toMatchObject({ message: expect.stringMatching(/older ClaimDesk \(schema 3; .*open it once with the app or `claimdesk sync`/) });
  });

  it.runIf(CAN_TEST_READ_ONLY)('explains a read-only data folder to the CLI in one line (as an unprivileged user when the tests run as root)', async () => {
    const dir = join(temp.dir, 'locked');
    mkdirSync(dir);
    await makeCache(dir);
    chmodSync(temp.dir, 0o755);
    chmodSync(dir, 0o555);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [CLI, ...args], { ...asUser, env: { ...process.env, CLAIMDESK_DATA_DIR: '', CLAIMDESK_PASSWORD: 'p' } }).then(
        (done) => ({ code: 0, ...done }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    try {
      const sync = await run(['sync', '--server', 'http://127.0.0.1:9', '--username', 'u', '--data-dir', dir, '--json']);
      expect(sync.code).toBe(1);
      expect(JSON.parse(sync.stdout)).toEqual({ error: { code: 'db-failed', message: `ClaimDesk cannot write its cache ${join(dir, 'claimdesk.sqlite')} (the file or its folder ${dir} is read-only): make them writable or choose another data folder (--data-dir or CLAIMDESK_DATA_DIR).` } });
      expect(sync.stderr.trim().split('\n')).toHaveLength(1);
      // A read-only command on a folder that does not exist creates nothing.
      const missing = join(dir, 'never-made');
      const orders = await run(['orders', '--data-dir', missing, '--json']);
      expect(orders).toMatchObject({ code: 0 });
      expect(JSON.parse(orders.stdout)).toEqual([]);
      expect(existsSync(missing)).toBe(false);
    } finally {
      chmodSync(dir, 0o755);
    }
  }, 60_000);
});
