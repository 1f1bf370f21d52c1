/**
 * A layout edit as main saves it, over a real cache file synced from the reference server: main keeps each job's
 * check between edits (core/workflow/job-check-cache.ts) and must find exactly what a check from nothing finds, after
 * random edits saved as the window saves them, changes to what the rules read beside the claims, a layout written
 * behind the service's back and a cache forgotten; and a save that changes only where claims lie is not announced
 * to the views, while one that moves the workflow or the count of claims is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupLocation } from '../../core/geo/location-lookup';
import { createJobCommands, type JobCommands } from '../../core/jobs/job-commands';
import { createJobsService, type JobsService } from '../../core/jobs/jobs.service';
import { rowToJob } from '../../core/repos/jobs.mapper';
import { getJobRow, updateJobRow } from '../../core/repos/jobs.repo';
import { clearJobChecks, jobCheckOf } from '../../core/workflow/job-check-cache';
import { checkJob } from '../../shared/jobs/check-job';
import { generateGrid } from '../../shared/layout/grid';
import { addClaim, deleteClaims, moveClaims, renameClaims, rotateClaims } from '../../shared/layout/layout-edits';
import { layoutSchema, type Layout, type LayoutClaim } from '../../shared/layout/layout.types';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { openBackEnd, startTestServer, workflowFor, type BackEnd } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';
import { seededRandom as random } from '../helpers/seeded-random';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** What main receives: the layout as the IPC contract parses it from the window's message (new objects every time). */
const overIpc = (layout: Layout): Layout => layoutSchema.parse(JSON.parse(JSON.stringify(layout)));

describe('saving a layout in main', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  let backEnd: BackEnd;
  let jobs: JobsService;
  let commands: JobCommands;
  const announced: number[][] = [];
  let t = Date.parse('2026-11-22T09:00:00Z');
  const now = () => new Date((t += 1_000));

  beforeAll(async () => {
    server = await startTestServer();
    temp = makeTempDir();
    backEnd = await openBackEnd({ dataDir: temp.dir, now });
    const db = backEnd.opened.db;
    const workflow = workflowFor(db, now, () => ({ username: 'demo-staff', role: 'manager' }));
    const onChanged = (jobIds: number[]) => void announced.push(jobIds);
    jobs = createJobsService({ db, lookupLocation, workflow, now, onChanged });
    commands = createJobCommands({ db, now, requireActor: () => workflow.requireActor(), getJob: jobs.getJob, onChanged });
    await backEnd.signInStaff(server.url);
    await backEnd.sync.syncNow();
  });
  afterAll(async () => {
    await backEnd.close();
    await server.cleanup();
    temp.cleanup();
  });

  const row = async (jobId: number) => (await getJobRow(backEnd.opened.db, jobId))!;

  it('finds exactly what a check from nothing finds, after each of 120 random edits and changes beside them', async () => {
    const job = await jobs.pullOrder({ orderType: 'claim_order', id: 1 });
    const epsg = job.crs.epsg;
    // The order as drawn and a block of lodes beside and over it: neighbours, overlaps, claims outside the order.
    const own = claimsFromOrder(job.order.orderClaims, epsg, 'LYNN');
    const anchor = own[0]!.corners[1]!;
    const block = generateGrid({ kind: 'lode', rows: 3, cols: 5, azimuthDeg: 10, prefix: 'EXT', firstNumber: 1, anchorMode: 'nw', anchor: [anchor[0] - 200, anchor[1] + 300] }, epsg);
    let claims: LayoutClaim[] = [...own, ...block];
    await jobs.saveLayout(job.id, overIpc({ claims, grid: null }));

    const rnd = random(20_2612);
    const pick = (count: number) => [...new Set(Array.from({ length: count }, () => claims[Math.floor(rnd() * claims.length)]!.id))];
    const feet = () => (rnd() < 0.5 ? 0.2 + rnd() * 6 : 30 + rnd() * 900) * (rnd() < 0.5 ? -1 : 1);
    const seen = new Set<string>();
    for (let step = 0; step < 120; step += 1) {
      const r = rnd();
      if (r < 0.06) {
        await jobs.saveJob(job.id, { claimant: { ...job.claimant, coLocators: Array.from({ length: Math.floor(rnd() * 3) }, (_, i) => ({ name: `Partner ${i}`, address1: '1 Main St', address2: '', address3: '' })) } });
      } else if (r < 0.1) {
        await jobs.saveJob(job.id, rnd() < 0.5 ? { stateOverride: 'AK', landStatus: 'state' } : { stateOverride: null, landStatus: 'federal' });
      } else if (r < 0.14) {
        // Written behind the service (another process on the cache): the next check parses what is stored.
        claims = moveClaims(claims, pick(2), feet(), feet(), epsg);
        await updateJobRow(backEnd.opened.db, job.id, { layout_json: JSON.stringify({ claims, grid: null }), claims_laid_out: claims.length, updated_at: now().toISOString() });
      } else if (r < 0.16) {
        clearJobChecks();
      } else {
        const edits = [
          () => moveClaims(claims, pick(1), feet(), rnd() < 0.5 ? 0 : feet(), epsg),
          () => moveClaims(claims, pick(3), feet(), feet(), epsg),
          () => rotateClaims(claims, pick(2), (rnd() - 0.5) * 30),
          () => claims.map((claim, i) => (i === Math.floor(rnd() * claims.length) ? { ...claim, name: claims[0]!.name } : claim)),
          () => {
            const chosen = new Set(pick(3));
            const renamed = new Map(renameClaims(claims.filter((c) => chosen.has(c.id)), 'NEW', 1 + Math.floor(rnd() * 4)).map((c) => [c.id, c]));
            return claims.map((claim) => renamed.get(claim.id) ?? claim);
          },
          () => (claims.length > 8 ? deleteClaims(claims, pick(1)) : claims),
          () => {
            const near = claims[Math.floor(rnd() * claims.length)]!.corners[0]!;
            return addClaim(claims, { at: [near[0] + (rnd() - 0.5) * 300, near[1] + (rnd() - 0.5) * 300], kind: rnd() < 0.3 ? 'placer' : 'lode', azimuthDeg: rnd() * 180 }, epsg);
          },
        ];
        claims = edits[Math.floor(rnd() * edits.length)]!();
        await jobs.saveLayout(job.id, overIpc({ claims, grid: null }));
      }
      const stored = await row(job.id);
      const full = checkJob(rowToJob(stored));
      expect(jobCheckOf(stored), `step ${step}`).toEqual(full);
      // The workflow view's gates are made from the same kept check.
      expect((await jobs.getJob(job.id)).workflow.steps.validate.problems, `step ${step}`).toEqual(full.layout.problems.map((issue) => (issue.claim && !issue.message.includes(issue.claim) ? `${issue.claim}: ${issue.message}` : issue.message)));
      for (const issue of [...full.layout.problems, ...full.layout.warnings]) seen.add(issue.code);
    }
    // The walk went through the findings that depend on neighbours, names and what the rules read beside the claims.
    expect([...seen]).toEqual(expect.arrayContaining(['duplicate_name', 'near_miss_corners', 'outside_order_area', 'overlap', 'capacity_exceeded', 'state_land_geometry']));
  });

  it('gives the same check again, not a new one, while nothing it reads has changed', async () => {
    const job = await jobs.pullOrder({ orderType: 'claim_order', id: 1 });
    const first = jobCheckOf(await row(job.id));
    expect(jobCheckOf(await row(job.id))).toBe(first);
  });

  it('announces a save that moves the workflow or the count of claims, and not one that only moves a claim', async () => {
    const job = await jobs.pullOrder({ orderType: 'claim_order', id: 2 });
    const own = claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'AB');
    const saved = () => announced.splice(0).flat();
    saved();
    await jobs.saveLayout(job.id, overIpc({ claims: own, grid: null })); // pulled → laying out
    expect(saved()).toEqual([job.id]);
    const change = await jobs.saveLayout(job.id, overIpc({ claims: moveClaims(own, [own[0]!.id], 2, 0, job.crs.epsg), grid: null }));
    expect(saved()).toEqual([]);
    expect(change.workflow.state).toBe('laying_out');
    await jobs.saveLayout(job.id, overIpc({ claims: own, grid: null }));
    expect(saved()).toEqual([]);
    await jobs.saveLayout(job.id, overIpc({ claims: own.slice(1), grid: null })); // one claim fewer: the lists show the count
    expect(saved()).toEqual([job.id]);
    await jobs.saveLayout(job.id, overIpc({ claims: own, grid: null }));
    saved();
    expect((await commands.validateLayout(job.id)).workflow.state).toBe('validated');
    saved();
    const moved = await jobs.saveLayout(job.id, overIpc({ claims: moveClaims(own, [own[1]!.id], 2, 0, job.crs.epsg), grid: null })); // back to laying out
    expect(moved.workflow.state).toBe('laying_out');
    expect(saved()).toEqual([job.id]);
  });

  it('moves nothing when the layout sent is the one stored, also in a row an older ClaimDesk wrote', async () => {
    const job = await jobs.pullOrder({ orderType: 'claim_order', id: 3 });
    const own = claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'OLD');
    const grid = { kind: 'lode', rows: 1, cols: own.length, azimuthDeg: 0, prefix: 'OLD', firstNumber: 1, anchorMode: 'nw', anchor: own[0]!.corners[0]! };
    await jobs.saveLayout(job.id, overIpc({ claims: own, grid: { ...grid, kind: 'lode', anchorMode: 'nw', marginFt: 0, placerNorth: 'grid' } }));
    expect((await commands.validateLayout(job.id)).workflow.state).toBe('validated');
    // Before the grid's margin and placers' north were kept: the same layout, stored without their defaults.
    await updateJobRow(backEnd.opened.db, job.id, { layout_json: JSON.stringify({ claims: own, grid }), updated_at: now().toISOString() });
    clearJobChecks();
    announced.splice(0);
    const change = await jobs.saveLayout(job.id, overIpc({ claims: own, grid: layoutSchema.shape.grid.parse(grid) }));
    expect(change.workflow.state).toBe('validated');
    expect(announced).toEqual([]);
    const moved = await jobs.saveLayout(job.id, overIpc({ claims: moveClaims(own, [own[0]!.id], 1, 0, job.crs.epsg), grid: layoutSchema.shape.grid.parse(grid) }));
    expect(moved.workflow.state).toBe('laying_out');
  });
});
