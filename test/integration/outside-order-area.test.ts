/**
 * A layout partly outside the order's area (one claim of the demo order CO-1 moved a few kilometres east) is refused
 * everywhere a layout can move on, with the same message: accepting it through IPC, generating its documents
 * through IPC (also for a job an older ClaimDesk had already let through as validated), and from the CLI's
 * validate --order, export and upload. The app, the reference server and a real cache file; nothing mocked.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { openDatabase } from '../../core/db/open-database';
import { dispatchIpc } from '../../core/ipc/dispatch';
import type { Job } from '../../shared/jobs/job.types';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { openTestApp } from '../helpers/test-app';
import { startTestServer } from '../helpers/back-end';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('a layout partly outside the order area', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  let app: ClaimDeskApp;
  let appOpen = false;
  let job: Job;
  let outside: string;
  const dataDir = () => join(temp.dir, 'data');
  const call = (method: string, payload: unknown) => dispatchIpc(app.handlers, method, payload, { log: () => {} });
  const signIn = () => ['--server', server.url, '--username', 'demo-staff', '--password', 'claimdesk-demo'];

  beforeAll(async () => {
    server = await startTestServer();
    temp = makeTempDir();
    app = await openTestApp(dataDir());
    appOpen = true;
    await app.handlers.signIn({ serverUrl: server.url, username: 'demo-staff', password: 'claimdesk-demo' });
    await app.handlers.runSync({});
    job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 1 });
    const claims = claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'LYNN');
    const last = claims[claims.length - 1]!;
    outside = `Claim '${last.name}' lies outside the order's area`;
    const moved = { ...last, corners: last.corners.map(([x, y]) => [x + 3_000, y] as [number, number]) };
    job = await app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: [...claims.slice(0, -1), moved], grid: null } } });
  });
  afterAll(async () => {
    if (appOpen) await app.close();
    await server.cleanup();
    temp.cleanup();
  });

  it('is shown by the workflow view as what keeps the Validate step closed', () => {
    expect(job.workflow.state).toBe('laying_out');
    expect(job.workflow.steps.validate).toEqual({ done: false, command: 'validateLayout', problems: [outside] });
    expect(job.workflow.events.find((e) => e.event === 'VALIDATE_OK')).toMatchObject({ status: 'blocked', blockedBy: ['layout-invalid'], message: expect.stringContaining(outside) });
  });

  it('cannot be accepted as validated through IPC', async () => {
    const refused = await call('validateLayout', { jobId: job.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'workflow-refused', message: expect.stringContaining(outside) } });
    expect((await app.handlers.getJob({ jobId: job.id })).workflow.state).toBe('laying_out');
    expect((await app.handlers.getJobHistory({ jobId: job.id })).entries.map((e) => e.event)).not.toContain('VALIDATE_OK');
  });

  it('cannot be documented through IPC, not even when an older ClaimDesk had let it through as validated', async () => {
    expect(await call('generatePackage', { jobId: job.id })).toMatchObject({ ok: false, error: { code: 'not-ready', message: expect.stringContaining(outside) } });
    const raw = await openDatabase({ file: join(dataDir(), 'claimdesk.sqlite') });
    await raw.db.updateTable('jobs').set({ workflow_state: 'validated' }).where('id', '=', job.id).execute();
    await raw.close();
    expect(await call('generatePackage', { jobId: job.id })).toMatchObject({ ok: false, error: { code: 'not-ready', message: expect.stringContaining(outside) } });
    expect(await call('getPackage', { jobId: job.id })).toEqual({ ok: true, value: { package: null } });
  });

  it('is refused by the CLI: validate --order, export and upload', async () => {
    // The CLI is a shell of its own over the same cache.
    await app.close();
    appOpen = false;
    const validated = await cli(['validate', '--order', 'claim_order:1', '--data-dir', dataDir()]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(`problem  outside_order_area: ${outside}`);
    const json = await cli(['validate', '--order', 'claim_order:1', '--data-dir', dataDir(), '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ source: 'job', problems: [expect.objectContaining({ code: 'outside_order_area', message: outside })] });

    const exported = await cli(['export', '--order', 'claim_order:1', '--out', join(temp.dir, 'out'), '--data-dir', dataDir()]);
    expect(exported.code).toBe(1);
    expect(exported.stdout).toContain(outside);

    const uploaded = await cli(['upload', '--order', 'claim_order:1', ...signIn(), '--data-dir', dataDir()]);
    expect(uploaded.code).toBe(1);
    expect(uploaded.stdout).toMatch(new RegExp(`skipped\\s+CO-1: .*${outside.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(await (await fetch(`${server.url}/__test__/orders/claim_order/1/fulfilment`)).json()).toMatchObject({ packages: 0 });
  });
});
