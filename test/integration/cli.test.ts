import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/back-end';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('headless CLI', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  const signIn = () => ['--server', server.url, '--username', 'demo-staff'];
  // The password as the README recommends: from the environment, never on the command line.
  const env = { CLAIMDESK_PASSWORD: 'claimdesk-demo' };

  beforeAll(async () => {
    server = await startTestServer();
    temp = makeTempDir();
  });
  afterAll(async () => {
    await server.cleanup();
    temp.cleanup();
  });

  it('syncs and then lists the cache as a JSON array with problems and warnings as strings', async () => {
    const sync = await cli(['sync', ...signIn(), '--data-dir', temp.dir], env);
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/^Synced \d+ orders/);

    const listed = await cli(['orders', '--data-dir', temp.dir, '--json']);
    expect(listed.code).toBe(0);
    const orders = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(orders.length).toBe((await server.store.pendingOrderDocs()).length);
    for (const order of orders) {
      expect(order).toMatchObject({ order_type: expect.any(String), id: expect.any(Number), order_number: expect.any(String) });
      expect(typeof order.status).toBe('string');
      expect(typeof order.claim_count).toBe('number');
      expect(typeof order.polygons).toBe('number');
      expect((order.problems as unknown[]).every((p) => typeof p === 'string')).toBe(true);
      expect((order.warnings as unknown[]).every((w) => typeof w === 'string')).toBe(true);
    }
    expect(orders.some((order) => (order.problems as string[]).length > 0)).toBe(true);
  });

  it('fails with exit 1 and a one-line reason for a wrong password or a non-staff account', async () => {
    const wrong = await cli(['sync', '--server', server.url, '--username', 'demo-staff', '--data-dir', temp.dir], { CLAIMDESK_PASSWORD: 'nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toMatch(/not accepted/);

    const customer = await cli(['sync', '--server', server.url, '--username', 'demo-customer', '--data-dir', temp.dir], env);
    expect(customer.code).toBe(1);
    expect(customer.stderr).toMatch(/Staff access required/);
  });

  it('fails with exit 1 when the server cannot be reached', async () => {
    const fresh = makeTempDir();
    try {
      const dead = await cli(['sync', '--server', 'http://127.0.0.1:9', '--username', 'demo-staff', '--data-dir', fresh.dir], { CLAIMDESK_PASSWORD: 'x' });
      expect(dead.code).toBe(1);
      expect(dead.stderr).toMatch(/Cannot reach 127\.0\.0\.1:9/);
    } finally {
      fresh.cleanup();
    }
  });

  it('refuses another server on a cache that holds this one\'s orders, naming both, and the cache still lists', async () => {
    const other = await cli(['sync', '--server', 'http://127.0.0.1:9', '--username', 'demo-staff', '--data-dir', temp.dir], { CLAIMDESK_PASSWORD: 'x' });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`holds orders and work from ${server.url}`);
    expect(other.stderr).toContain('http://127.0.0.1:9');
    expect(other.stderr).toMatch(/--data-dir/);
    expect(other.stderr).toMatch(/\[other-server\]/);
    const listed = await cli(['orders', '--data-dir', temp.dir, '--json']);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBeGreaterThan(0);
  });

  it('exits 2 on bad usage', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['sync', '--data-dir', temp.dir])).code).toBe(2);
    expect((await cli(['orders', '--bogus'])).code).toBe(2);
  });
});
