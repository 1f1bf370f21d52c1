/**
 * Field work after delivery, over real parts (the reference server, a SQLite cache, the package worker, the
 * outbox): the delivered package's waypoints come back staked with the block's far end set 30 ft short; accepting
 * them makes an amended certificate for each changed claim only, naming the original date of location and
 * saying it is unchanged; it is uploaded once through the outbox, recorded as a delivery, and the job is delivered
 * again.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { openDatabase } from '../../core/db/open-database';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { openTestApp } from '../helpers/test-app';
import { startTestServer } from '../helpers/back-end';
import { readWaypoints, shortenFarEnd, writeGpx } from '../helpers/staked-gpx';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('accepting staked posts after delivery', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  let app: ClaimDeskApp;

  beforeAll(async () => {
    server = await startTestServer();
    temp = makeTempDir();
    app = await openTestApp(join(temp.dir, 'data'));
    await app.handlers.signIn({ serverUrl: server.url, username: 'demo-staff', password: 'claimdesk-demo' });
    for (let i = 0; i < 100 && (await app.handlers.getSyncStatus({})).cachedOrders === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    await app.close();
    await server.cleanup();
    temp.cleanup();
  });

  /** The cache's delivery rows for a job, read from a second connection as another process would. */
  const readDeliveries = async (jobId: number): Promise<{ outbox_id: string }[]> => {
    const reader = await openDatabase({ file: join(temp.dir, 'data', 'claimdesk.sqlite') });
    try {
      return reader.sqlite.prepare('SELECT outbox_id FROM deliveries WHERE job_id = ? ORDER BY delivered_at, rowid').all(jobId) as { outbox_id: string }[];
    } finally {
      await reader.close();
    }
  };

  const pdfText = async (jobId: number, name: string): Promise<string> => {
    const file = await app.handlers.readPackageFile({ jobId, name });
    const path = join(temp.dir, name);
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };

  it('amends the changed claims, names the original date of location, uploads once and delivers again', async () => {
    // Lynn Creek: 2 rows × 3 columns of lodes on azimuth 330.
    let job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 1 });
    job = await app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'C'), grid: null } } });
    job = await app.handlers.validateLayout({ jobId: job.id });
    job = await app.handlers.saveJob({ jobId: job.id, patch: { step: 'claimant', claimant: { ...job.claimant, dateOfLocation: '2026-08-15' } } });
    job = await app.handlers.confirmClaimant({ jobId: job.id });
    await app.handlers.generatePackage({ jobId: job.id });
    await app.handlers.queueUpload({ jobId: job.id });
    await app.handlers.sendOutboxNow({});
    expect((await app.handlers.getJob({ jobId: job.id })).workflow.state).toBe('delivered');

    const gpx = Buffer.from((await app.handlers.readPackageFile({ jobId: job.id, name: 'waypoints.gpx' })).base64, 'base64').toString('utf8');
    const staked = shortenFarEnd(readWaypoints(gpx), 330, 30);
    expect(staked.moved).toHaveLength(4); // the far end of a block three claims wide
    const field = await app.handlers.importStaked({ jobId: job.id, fileName: 'etrex.gpx', text: writeGpx(staked.points) });
    expect(field.report.counts).toMatchObject({ moved: 4, missing: 0, extra: 0 });
    expect(field.changedClaims).toHaveLength(3);
    expect(field.amends).toBe(true);
    expect(field.problems).toEqual([]);

    const accepted = await app.handlers.acceptStaked({ jobId: job.id });
    expect(accepted.package).not.toBeNull();
    expect(accepted.field.acceptedAt).not.toBeNull();
    job = await app.handlers.getJob({ jobId: job.id });
    expect(job.workflow.state).toBe('documents_ready');
    expect(job.claimant.dateOfLocation).toBe('2026-08-15');
    const history = await app.handlers.getJobHistory({ jobId: job.id });
    expect(history.entries.map((e) => e.event)).toEqual(expect.arrayContaining(['AS_STAKED_ACCEPTED', 'VALIDATE_OK', 'DOCUMENTS_GENERATED']));

    const notices = await pdfText(job.id, 'location-notices.pdf');
    // One amended certificate per changed claim, none for the three that stand as recorded.
    expect(notices.match(/AMENDED CERTIFICATE OF LOCATION/g)).toHaveLength(3);
    for (const name of field.changedClaims) expect(notices).toContain(name);
    expect(notices).toContain('August 15, 2026');
    expect(notices).toContain('The date of location is not changed');
    expect(notices).toContain('not a relocation');
    expect(notices).toContain('NRS 517.200');
    expect(notices).toContain('43 CFR 3833.22(a)');
    expect(notices).toMatch(/30\.00 ft/);

    const queued = await app.handlers.queueUpload({ jobId: job.id });
    await app.handlers.sendOutboxNow({});
    await app.handlers.sendOutboxNow({});
    const uploads = (await app.handlers.listOutbox({ jobId: job.id, includeClosed: true })).entries.filter((e) => e.kind === 'upload');
    expect(uploads).toHaveLength(2);
    expect(uploads.find((e) => e.id === queued.id)).toMatchObject({ state: 'done', attempts: 1 });
    expect((await app.handlers.getJob({ jobId: job.id })).workflow.state).toBe('delivered');
    // A delivery row like any package's: the amendment's upload beside the original one.
    const deliveries = await readDeliveries(job.id);
    expect(deliveries.map((d) => d.outbox_id)).toEqual([uploads.find((e) => e.id !== queued.id)!.id, queued.id]);
  });
});
