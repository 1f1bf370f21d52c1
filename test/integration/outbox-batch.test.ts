/**
 * Queueing many packages at once (`claimdesk upload`): one transaction for all of them, each job behind its own
 * savepoint. A job without a package and one whose workflow refuses the upload are answered with why, leave no
 * snapshot and no entry behind, and hold back none of the others; the queued ones are complete entries that the
 * server receives once each. An upload already waiting is answered as it is, never queued twice.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { WRITER_MARKER } from '../../core/outbox/outbox-snapshot';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import type { Job } from '../../shared/jobs/job.types';
import { startProxiedApp, type ProxiedApp } from '../helpers/proxied-app';

describe('queueing many uploads in one transaction', () => {
  let env: ProxiedApp;
  let app: ClaimDeskApp;
  const outboxDir = () => join(env.dataDir, 'outbox');

  beforeAll(async () => {
    env = await startProxiedApp();
    app = env.app;
  });
  afterAll(async () => {
    await env.close();
  });

  /** The order pulled and laid out with its claims as drawn. */
  async function laidOut(id: number): Promise<Job> {
    const job = await app.handlers.pullOrder({ orderType: 'claim_order', id });
    return app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'B'), grid: null } } });
  }
  async function packaged(id: number): Promise<Job> {
    let job = await app.handlers.validateLayout({ jobId: (await laidOut(id)).id });
    if (job.claimant.claimantName === '') {
      job = await app.handlers.saveJob({ jobId: job.id, patch: { claimant: { ...job.claimant, claimantName: 'Sagebrush Minerals LLC', address1: '12 Main St', address2: 'Tonopah, NV 89049' } } });
    }
    await app.handlers.generatePackage({ jobId: job.id });
    return job;
  }

  it('queues the ready jobs together and answers each refused one with why, leaving nothing of it behind', async () => {
    const [first, second] = [await packaged(1), await packaged(3)];
    const unpackaged = await laidOut(4);
    // Packaged, then the layout edited: the package is out of date and the workflow refuses its upload.
    const edited = await packaged(2);
    const claims = edited.layout.claims.map((claim, i) => (i === 0 ? { ...claim, name: `${claim.name} renamed` } : claim));
    await app.handlers.saveJob({ jobId: edited.id, patch: { layout: { claims, grid: null } } });
    expect(existsSync(outboxDir())).toBe(false);

    const answer = await app.handlers.queueUploads({ jobIds: [first.id, unpackaged.id, edited.id, second.id] });

    // (Sending starts at once in the background, so their states are not asserted here.)
    expect(answer.entries.map((e) => [e.jobId, e.kind])).toEqual([
      [first.id, 'upload'],
      [second.id, 'upload'],
    ]);
    expect(answer.refused.map((r) => r.jobId)).toEqual([unpackaged.id, edited.id]);
    expect(answer.refused[0]!.message).toMatch(/Generate the package of .+ before queueing it for upload/);
    expect(answer.refused[1]).toMatchObject({ orderNumber: edited.order.orderNumber, message: expect.any(String) });
    // Only the queued entries have snapshots, complete and no longer marked as being written.
    const added = readdirSync(outboxDir());
    expect(added.sort()).toEqual(answer.entries.map((e) => e.id).sort());
    for (const id of added) {
      expect(existsSync(join(outboxDir(), id, 'manifest.json'))).toBe(true);
      expect(existsSync(join(outboxDir(), id, WRITER_MARKER))).toBe(false);
    }
    expect((await app.handlers.listOutbox({ jobId: edited.id })).entries.filter((e) => e.kind === 'upload')).toEqual([]);
    // The queued jobs moved on (sending may already have delivered them); the refused one stayed where it was.
    expect(['uploading', 'delivered']).toContain((await app.handlers.getJob({ jobId: first.id })).workflow.state);
    expect((await app.handlers.getJob({ jobId: edited.id })).workflow.state).toBe('laying_out');

    // Asked again while they wait: the same entries, nothing queued twice.
    const again = await app.handlers.queueUploads({ jobIds: [second.id, first.id] });
    expect(again.entries.map((e) => e.id).sort()).toEqual(answer.entries.map((e) => e.id).sort());

    await app.handlers.sendOutboxNow({});
    const { entries } = await app.handlers.listOutbox({ includeClosed: true });
    for (const queued of answer.entries) {
      expect(entries.find((e) => e.id === queued.id)).toMatchObject({ state: 'done', attempts: 1 });
      expect(env.proxy.sentPerKey.get(queued.id)).toBe(1);
    }
  });
});
