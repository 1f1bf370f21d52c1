/**
 * `claimdesk pull`, `release`, `assign` and `orders --json` on two separate caches (two desks) against the
 * reference server: the second desk's staff pull exits 1 naming the holder (one {error} document with --json),
 * `orders --json` carries assigned_to (and crew, null), a manager's assign gives the order to another staff
 * member, the holder's release frees it. Every --json document is read back with jq, as a script would.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/back-end';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('claimdesk pull, release and assign on two desks', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  const desk = (name: string) => ['--data-dir', join(temp.dir, name)];
  const as = (username: string) => ['--server', server.url, '--username', username, '--password-stdin'];
  const run = (args: string[]) => cli([...args, '--json'], {}, { stdin: 'claimdesk-demo\n' });
  const jq = (filter: string, text: string): string => execFileSync('jq', ['-r', filter], { input: text }).toString().trim();

  beforeAll(async () => {
    server = await startTestServer('demo');
    temp = makeTempDir();
  });
  afterAll(async () => {
    await server.cleanup();
    temp.cleanup();
  });

  it('claims on desk A, refuses desk B naming the holder, lists the holder, assigns and releases', async () => {
    const pulled = await run(['pull', '--order', 'claim_order:6', ...as('demo-staff'), ...desk('a')]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(jq('.outcome + " " + .assigned_to', pulled.stdout)).toBe('claimed Dana Whitlock');

    const refused = await run(['pull', '--order', 'claim_order:6', ...as('demo-staff-2'), ...desk('b')]);
    expect(refused.code).toBe(1);
    expect(jq('.error.code', refused.stdout)).toBe('assignment-held');
    expect(jq('.error.message', refused.stdout)).toMatch(/^Being worked by Dana Whitlock since \d{1,2} \w{3} \d{4}\. Only a manager or admin/);
    expect(refused.stderr).toContain('Dana Whitlock');

    const orders = await cli(['orders', '--json', ...desk('b')]);
    expect(jq('.[] | select(.order_type == "claim_order" and .id == 6) | .assigned_to', orders.stdout)).toBe('Dana Whitlock');
    expect(jq('[.[] | .crew] | unique | @json', orders.stdout)).toBe('[null]');

    const assigned = await run(['assign', '--order', 'claim_order:6', '--to', 'demo-staff-2', '--reason', 'Tomas covers Nevada this week', ...as('demo-manager'), ...desk('c')]);
    expect(assigned.code, assigned.stderr).toBe(0);
    expect(jq('.outcome + " " + .assigned_to', assigned.stdout)).toBe('assigned Tomas Arriaga');
    const staffAssign = await run(['assign', '--order', 'claim_order:6', '--to', 'demo-staff', '--reason', 'mine', ...as('demo-staff'), ...desk('a')]);
    expect(staffAssign.code).toBe(1);
    expect(jq('.error.code', staffAssign.stdout)).toBe('forbidden');

    const resumed = await run(['pull', '--order', 'claim_order:6', ...as('demo-staff-2'), ...desk('b')]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(jq('.outcome', resumed.stdout)).toBe('claimed');
    const released = await run(['release', '--order', 'claim_order:6', ...as('demo-staff-2'), ...desk('b')]);
    expect(released.code, released.stderr).toBe(0);
    expect(jq('.outcome + " " + (.assigned_to | tostring)', released.stdout)).toBe('released null');
  }, 120_000);

  it('says once, and succeeds, against a server without desk assignment', async () => {
    const seed000 = await startTestServer('demo', 'seed000');
    try {
      const as000 = ['--server', seed000.url, '--username', 'demo-staff', '--password-stdin'];
      const pulled = await cli(['pull', '--order', 'claim_order:2', ...as000, ...desk('d'), '--json'], {}, { stdin: 'claimdesk-demo\n' });
      expect(pulled.code, pulled.stderr).toBe(0);
      expect(jq('.outcome', pulled.stdout)).toBe('unsupported');
      expect(jq('.workflow_state', pulled.stdout)).toBe('pulled');
    } finally {
      await seed000.cleanup();
    }
  }, 60_000);
});
