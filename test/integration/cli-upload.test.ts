import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/back-end';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('CLI upload and push', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  // The password on the command line still works (older scripts); see cli-sign-in.test.ts for the safe ways.
  const signIn = () => ['--server', server.url, '--username', 'demo-staff', '--password', 'claimdesk-demo'];
  const dataDir = () => ['--data-dir', join(temp.dir, 'data')];
  const fulfilment = async (id: number) => (await (await fetch(`${server.url}/__test__/orders/claim_order/${id}/fulfilment`)).json()) as Record<string, unknown>;

  beforeAll(async () => {
    server = await startTestServer();
    temp = makeTempDir();
    expect((await cli(['sync', ...signIn(), ...dataDir()])).code).toBe(0);
  });
  afterAll(async () => {
    await server.cleanup();
    temp.cleanup();
  });

  it('makes the job and package for an order without one, uploads it and exits 0', async () => {
    const result = await cli(['upload', '--order', 'claim_order:2', ...signIn(), ...dataDir()]);
    // Documents per package: every file and the manifest; order 2 lies in a state that records the posted notice itself.
    expect(result.stdout).toMatch(/^done\s+CO-\S+ Staking package \(generation 1, 12 files\) \(attempts 1\)$/m);
    expect(result.stdout).toMatch(/Nothing left to send/);
    expect(result.code).toBe(0);
    expect(await fulfilment(2)).toMatchObject({ packages: 1, documents: 13 });
    expect((await cli(['push', ...signIn(), ...dataDir()])).code).toBe(0);
  });

  it('exits 1 with each entry and its reason when work remains, and push finishes it later', async () => {
    await fetch(`${server.url}/__test__/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'POST', path: '/api/v2/claims/documents/', status: 503, retryAfterSeconds: 1, count: 1 }),
    });
    const result = await cli(['upload', '--order', 'claim_order:4', '--order', 'claim_order:3', ...signIn(), ...dataDir()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/skipped\s+CO-\S+: The package cannot be made yet: .*no claimant name/);
    expect(result.stdout).toMatch(/^retry\s+CO-\S+ Staking package .*next attempt .*\n\s+The server answered HTTP 503/m);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const pushed = await cli(['push', ...signIn(), ...dataDir(), '--json']);
    expect(pushed.code).toBe(0);
    expect(JSON.parse(pushed.stdout)).toMatchObject({ remaining: 0 });
    expect(await fulfilment(4)).toMatchObject({ packages: 1, documents: 14 });
  });

  it('exits 2 on bad usage', async () => {
    expect((await cli(['upload', ...signIn(), ...dataDir()])).code).toBe(2);
    expect((await cli(['upload', '--all-ready', '--order', 'claim_order:1', ...signIn(), ...dataDir()])).code).toBe(2);
    expect((await cli(['push', ...dataDir()])).code).toBe(2);
    expect((await cli(['upload', '--order', 'nope', ...signIn(), ...dataDir()])).code).toBe(2);
  });
});
