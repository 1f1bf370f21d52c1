/**
 * Secrets at rest: the data folder (orders with claimants' names and addresses, packages, outbox snapshots) is
 * this user's only — folders 0700, files 0600 — even when ClaimDesk is started from a shell whose umask would make
 * them readable to every user (022), and a folder an earlier version left 0755 is tightened.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimDeskApp } from '../../core/app/create-app';
import { createMemoryTokenStore } from '../../core/session/token-store';
import { startTestServer } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const ROOT = join(__dirname, '../..');
const mode = (path: string) => statSync(path).mode & 0o777;

/** Every folder and file below `dir` with its mode, as "path 700". */
function modes(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const line = `${prefix}${entry.name} ${mode(path).toString(8)}`;
    return entry.isDirectory() ? [line, ...modes(path, `${prefix}${entry.name}/`)] : [line];
  });
}

/** The real CLI, started the way a shell with umask 022 starts it. */
function cliProcess(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const command = ['umask 022;', 'exec', JSON.stringify(process.execPath), '--import', 'tsx', 'cli/main.ts', ...args.map((a) => JSON.stringify(a))].join(' ');
  const child = spawn('sh', ['-c', command], { cwd: ROOT, env: { ...process.env, CLAIMDESK_PASSWORD: 'claimdesk-demo' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe.skipIf(process.platform === 'win32')('private files', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;

  beforeAll(async () => {
    server = await startTestServer();
    temp = makeTempDir();
  });
  afterAll(async () => {
    await server.cleanup();
    temp.cleanup();
  });

  it('the CLI makes the data folder 0700 and every file it writes 0600, whatever the umask', async () => {
    const dataDir = join(temp.dir, 'new', 'ClaimDesk');
    const signIn = ['--server', server.url, '--username', 'demo-staff', '--data-dir', dataDir];
    expect(await cliProcess(['sync', ...signIn])).toMatchObject({ code: 0 });
    expect(await cliProcess(['upload', '--order', 'claim_order:2', ...signIn])).toMatchObject({ code: 0 });

    expect(mode(dataDir)).toBe(0o700);
    const all = modes(dataDir);
    expect(all).toContain('claimdesk.sqlite 600');
    expect(all.some((line) => line.startsWith('packages/') && line.endsWith('.pdf 600'))).toBe(true);
    expect(all.some((line) => line.startsWith('outbox/') && line.endsWith('.pdf 600'))).toBe(true);
    const open = all.filter((line) => {
      const [, octal] = line.split(' ');
      return (parseInt(octal!, 8) & 0o077) !== 0;
    });
    expect(open).toEqual([]);
  }, 120_000);

  it('tightens a data folder and cache an earlier version left readable to others', async () => {
    const dataDir = join(temp.dir, 'older');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'claimdesk.sqlite'), '');
    chmodSync(join(dataDir, 'claimdesk.sqlite'), 0o644);
    const app = await createClaimDeskApp({ dataDir, runtime: 'browser-host', tokenStore: createMemoryTokenStore(), syncIntervalMs: 0, outboxIntervalMs: 0 });
    try {
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(join(dataDir, 'claimdesk.sqlite'))).toBe(0o600);
      expect(mode(join(dataDir, 'claimdesk.sqlite-wal'))).toBe(0o600);
    } finally {
      await app.close();
    }
  });
});
