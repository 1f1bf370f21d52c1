/**
 * How the CLI gets the password: standard input, the environment or a prompt at a terminal — never necessarily
 * the command line, which every user of the machine can read (/proc/<pid>/cmdline). And which servers it sends it to.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/back-end';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const ROOT = join(__dirname, '../..');

describe('CLI sign-in', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  const args = (...rest: string[]) => ['sync', '--server', server.url, '--username', 'demo-staff', '--data-dir', temp.dir, ...rest];

  beforeAll(async () => {
    server = await startTestServer();
    temp = makeTempDir();
  });
  afterAll(async () => {
    await server.cleanup();
    temp.cleanup();
  });

  it('reads the password from standard input with --password-stdin (one line, its line break dropped)', async () => {
    const result = await cli(args('--password-stdin'), {}, { stdin: 'claimdesk-demo\n' });
    expect(result).toMatchObject({ code: 0, stderr: expect.not.stringMatching(/warning/) });
  });

  it('asks for it without echo when a person is at a terminal', async () => {
    const result = await cli(args(), {}, { typed: 'claimdesk-demo' });
    expect(result.code).toBe(0);
    expect(result.prompts).toEqual(['Password for demo-staff: ']);
  });

  it('takes CLAIMDESK_PASSWORD from the environment', async () => {
    expect((await cli(args(), { CLAIMDESK_PASSWORD: 'claimdesk-demo' })).code).toBe(0);
  });

  it('still takes --password, and warns that the process list shows it', async () => {
    const result = await cli(args('--password', 'claimdesk-demo'));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: --password is visible .*CLAIMDESK_PASSWORD or --password-stdin/);
  });

  it('says where a password can come from when there is none, and refuses two at once', async () => {
    const none = await cli(args());
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--password-stdin, CLAIMDESK_PASSWORD, or a prompt/);
    expect((await cli(args('--password', 'x', '--password-stdin'), {}, { stdin: 'y' })).code).toBe(2);
  });

  it('refuses plain http to a remote server and an address with a password in it, before asking for a password', async () => {
    const remote = await cli(['sync', '--server', 'http://geodb.example.com', '--username', 'demo-staff', '--data-dir', temp.dir], {}, { typed: 'never-asked' });
    expect(remote.code).toBe(2);
    expect(remote.stderr).toMatch(/Use https:\/\/ for geodb\.example\.com: over plain http:\/\/ your password and sign-in token would cross the network unencrypted/);
    expect(remote.prompts).toEqual([]);
    const withUser = await cli(['sync', '--server', `http://demo-staff:claimdesk-demo@${new URL(server.url).host}`, '--username', 'demo-staff', '--data-dir', temp.dir], { CLAIMDESK_PASSWORD: 'x' });
    expect(withUser.code).toBe(2);
    expect(withUser.stderr).toMatch(/must not contain a username or password/);
  });

  it('the real executable reads --password-stdin from a pipe, and the password is nowhere on its command line', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args('--password-stdin', '--json')], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
    child.stdin.end('claimdesk-demo\n');
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(cmdline).toContain('--password-stdin');
    expect(cmdline).not.toContain('claimdesk-demo');
  }, 60_000);
});
