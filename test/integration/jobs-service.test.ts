/**
 * Fulfilment jobs over a real cache file synced from the reference server: pull, resume, save, reopen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLodeGrid } from '../../server';
import { AppError } from '../../shared/errors';
import { utmConverter } from '../../shared/geo/utm';
import type { Position } from '../../shared/geometry/geojson.types';
import type { Job } from '../../shared/jobs/job.types';
import type { ActorRole } from '../../shared/workflow/workflow.types';
import type { LayoutClaim } from '../../shared/layout/layout.types';
import { lookupLocation } from '../../core/geo/location-lookup';
import { createJobsService, type JobsService } from '../../core/jobs/jobs.service';
import { openBackEnd, startTestServer, workflowFor, type BackEnd } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const LYNN = { orderType: 'claim_order', id: 1 } as const; // Lynn Creek, NV, 2 × 3 lode claims, claimant info
const STRADDLE = { orderType: 'claim_order', id: 951 } as const;
const EMPTY = { orderType: 'claim_order', id: 952 } as const;

const rawOrder = (id: number, claimPolygons: unknown) => ({
  id,
  order_type: 'claim_order',
  order_number: `CO-${id}`,
  status: 'paid',
  created_at: '2026-11-21T10:00:00Z',
  customer_email: 'edge@example.com',
  company_name: 'Edge Cases LLC',
  project_id: 9,
  project_name: 'Edge cases',
  claim_count: 2,
  claim_polygons: claimPolygons,
  claimant_info: null,
  claim_package_id: null,
  staking_service: false,
  expedited_delivery: false,
});

/** A second's tick per call, so updated_at orders saves deterministically. */
function tickingClock(start = Date.parse('2026-11-22T09:00:00Z')) {
  let t = start;
  return () => new Date((t += 1_000));
}

function rejection(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as AppError,
  );
}

/** The order's polygons as layout claims in the job's CRS (what the renderer's Import step does). */
function layoutFromOrder(job: Job): LayoutClaim[] {
  const { toUtm } = utmConverter(job.crs.epsg);
  return job.order.orderClaims.map((claim, index) => {
    const ring = (claim.geometry.coordinates as Position[][])[0]!.slice(0, -1);
    return { id: `c${index}`, name: claim.name, kind: 'lode', corners: ring.map((p) => toUtm(p)), source: 'order' };
  });
}

describe('fulfilment jobs', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  let backEnd: BackEnd;
  let jobs: JobsService;
  const now = tickingClock();
  let user: string | null = 'demo-staff'; // what the session reports; one test signs out
  let role: ActorRole = 'manager'; // capacity overrides are for managers and admins

  const open = async () => {
    backEnd = await openBackEnd({ dataDir: temp.dir, now });
    const workflow = workflowFor(backEnd.opened.db, now, () => (user ? { username: user, role } : null));
    jobs = createJobsService({ db: backEnd.opened.db, lookupLocation, workflow, now });
  };

  beforeAll(async () => {
    server = await startTestServer();
    const straddling = buildLodeGrid({ lon: -114.003, lat: 40.2, rows: 1, cols: 2, azimuthDeg: 90, prefix: 'EDGE' });
    await server.store.insertRawOrder(rawOrder(STRADDLE.id, { type: 'FeatureCollection', features: straddling }));
    await server.store.insertRawOrder(rawOrder(EMPTY.id, null));
    temp = makeTempDir();
    await open();
    await backEnd.signInStaff(server.url);
    await backEnd.sync.syncNow();
  });
  afterAll(async () => {
    await backEnd.close();
    await server.cleanup();
    temp.cleanup();
  });

  it('pulls a cached order into a job with its context, CRS, location and pre-filled claimant', async () => {
    const job = await jobs.pullOrder(LYNN);
    expect(job.step).toBe('import');
    expect(job.order).toMatchObject({
      orderType: 'claim_order',
      orderId: 1,
      orderNumber: expect.any(String),
      projectId: 203,
      projectName: 'Lynn Creek (Eureka Co., NV)',
      companyName: 'Independence Gold Ventures',
      claimsPurchased: 6,
    });
    expect(job.order.orderClaims).toHaveLength(6);
    expect(job.order.claimant?.claimant_name).toBe('Independence Gold Ventures LLC');
    // -116.34° lies in UTM zone 11: NAD83 / UTM 11N.
    expect(job.crs).toMatchObject({ epsg: 26911, zone: 11, zonesSeen: [11], straddles: false });
    expect(job.location.detectedState).toBe('NV');
    expect(job.location.detectedCounty).toBe(lookupLocation(-116.33, 40.93).countyName);
    expect(job.location).toMatchObject({ stateOverride: null, countyOverride: null });
    expect(job.claimant).toEqual({
      claimantName: 'Independence Gold Ventures LLC',
      address1: '1450 Idaho Street',
      address2: 'Suite 200',
      address3: 'Elko, NV 89801',
      district: 'Lynn Mining District',
      monumentType: '4" x 4" wooden post, 4 ft',
      agentName: '',
      agentAddress: '',
      dateOfLocation: '',
      dateOfDiscovery: '',
      coLocators: [],
    });
    expect(job.location.landStatus).toBe('federal');
    expect(job.documents.recordingDistrict).toBe('');
    expect(job.monuments).toMatchObject({ insetFt: 25, lmCorner: 1 });
    expect(job.layout).toEqual({ claims: [], grid: null });
    expect(job.capacityOverride).toBeNull();
  });

  it('refuses an order that is not cached', async () => {
    const error = await rejection(jobs.pullOrder({ orderType: 'claim_purchase', id: 9999 }));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('not-found');
  });

  it('saves every step, resumes on a second pull, and survives closing and reopening the cache', async () => {
    const pulled = await jobs.pullOrder(LYNN);
    const claims = layoutFromOrder(pulled);
    const claimant = {
      ...pulled.claimant,
      agentName: 'Jo Agent',
      dateOfLocation: '2026-11-30',
      dateOfDiscovery: '2026-11-20',
      coLocators: [{ name: 'Second Locator', address1: '2 Main St', address2: 'Elko, NV', address3: '' }],
    };
    const saved = await jobs.saveJob(pulled.id, {
      step: 'monuments',
      layout: { claims, grid: null },
      monuments: { insetFt: 40, corner1: 'NW', lmCorner: 3 },
      claimant,
      stateOverride: 'nv',
      countyOverride: ' Elko ',
      landStatus: 'state',
      capacityOverride: { reason: 'Customer approved two extra claims by phone' },
    });
    expect(saved.step).toBe('monuments');
    expect(saved.location).toMatchObject({ stateOverride: 'NV', countyOverride: 'Elko', landStatus: 'state' });
    expect(saved.claimant.coLocators).toEqual(claimant.coLocators);
    expect(saved.claimant.dateOfDiscovery).toBe('2026-11-20');
    expect(saved.capacityOverride).toEqual({ reason: 'Customer approved two extra claims by phone', by: 'demo-staff', at: saved.updatedAt });
    expect(saved.updatedAt > pulled.updatedAt).toBe(true);
    expect(saved.createdAt).toBe(pulled.createdAt);

    const again = await jobs.pullOrder(LYNN);
    expect(again).toEqual(saved);

    await backEnd.close();
    await open();
    const resumed = await jobs.pullOrder(LYNN);
    expect(resumed).toEqual(saved);
    expect(resumed.step).toBe('monuments');
    expect(resumed.layout.claims).toEqual(claims); // the same geometry, bit for bit
    expect(resumed.claimant).toEqual(claimant);
    expect(await jobs.getJob(saved.id)).toEqual(saved);

    const cleared = await jobs.saveJob(saved.id, { capacityOverride: null, stateOverride: null });
    expect(cleared.capacityOverride).toBeNull();
    expect(cleared.location.stateOverride).toBeNull();
    expect(cleared.layout).toEqual(saved.layout); // untouched fields stay
  });

  it('reprojects the layout and grid anchor when the zone changes, to within a millimetre', async () => {
    const job = await jobs.pullOrder(LYNN);
    const before = utmConverter(job.crs.epsg);
    const lonLatBefore = job.layout.claims.map((claim) => claim.corners.map((corner) => before.toLonLat(corner)));
    const anchor = job.layout.claims[0]!.corners[0]!;
    const withGrid = await jobs.saveJob(job.id, {
      layout: {
        claims: job.layout.claims,
        grid: { kind: 'lode', rows: 2, cols: 3, azimuthDeg: 330, prefix: 'LYNN', firstNumber: 1, anchorMode: 'nw', anchor },
      },
    });
    const moved = await jobs.saveJob(withGrid.id, { epsg: 26912 });
    expect(moved.crs).toMatchObject({ epsg: 26912, zone: 12 });
    expect(moved.crs.reason).toMatch(/zone 12/);
    const after = utmConverter(26912);
    moved.layout.claims.forEach((claim, i) =>
      claim.corners.forEach((corner, j) => {
        const [lon, lat] = after.toLonLat(corner);
        const [lon0, lat0] = lonLatBefore[i]![j]!;
        // 1 mm is about 1.2e-8° of latitude and 1.6e-8° of longitude here.
        expect(Math.abs(lat - lat0)).toBeLessThan(1e-8);
        expect(Math.abs(lon - lon0) * Math.cos((lat0 * Math.PI) / 180)).toBeLessThan(1e-8);
      }),
    );
    expect(moved.layout.claims[0]!.corners[0]![0]).not.toBeCloseTo(anchor[0], 0); // the grid numbers did change
    const anchorBack = before.toUtm(after.toLonLat(moved.layout.grid!.anchor));
    expect(Math.hypot(anchorBack[0] - anchor[0], anchorBack[1] - anchor[1])).toBeLessThan(0.001);
    // Grid north turns between zones; the stored azimuth follows so the grid still describes the claims.
    expect(moved.layout.grid!.azimuthDeg).not.toBe(330);
    // About Δλ·sin φ: 0.66° from zone 11's meridian, 5.3° from zone 12's, at 41° N → about 3.9°.
    expect(Math.abs(moved.layout.grid!.azimuthDeg - 330)).toBeGreaterThan(3.5);
    expect(Math.abs(moved.layout.grid!.azimuthDeg - 330)).toBeLessThan(4.5);

    const back = await jobs.saveJob(moved.id, { epsg: 26911 });
    back.layout.claims.forEach((claim, i) =>
      claim.corners.forEach((corner, j) => {
        const original = withGrid.layout.claims[i]!.corners[j]!;
        expect(Math.hypot(corner[0] - original[0], corner[1] - original[1])).toBeLessThan(0.001);
      }),
    );
    expect(back.layout.grid!.azimuthDeg).toBeCloseTo(330, 5); // 1e-5° is 0.2 mm over a 1,500-ft claim
  });

  it('warns about claims that straddle a zone boundary and states the zone chosen', async () => {
    const job = await jobs.pullOrder(STRADDLE);
    expect(job.crs.straddles).toBe(true);
    expect(job.crs.zonesSeen).toEqual([11, 12]);
    expect([26911, 26912]).toContain(job.crs.epsg);
    expect(job.crs.reason).toMatch(/straddle UTM zones 11 and 12/);
    expect(job.crs.reason).toContain(`zone ${job.crs.zone}`);
    // -114.0° at 40.2° N is just east of the Nevada line.
    expect(job.location.detectedState).toBe('UT');
  });

  it('starts an order without usable polygons in a placeholder zone and says why', async () => {
    const job = await jobs.pullOrder(EMPTY);
    expect(job.order.orderClaims).toEqual([]);
    expect(job.crs).toMatchObject({ epsg: 26911, zonesSeen: [], straddles: false });
    expect(job.crs.reason).toContain('no usable polygons: placing the grid anchor sets the zone');
    expect(job.location).toMatchObject({ detectedState: null, detectedCounty: null });
    expect(job.claimant.claimantName).toBe('');
    const placed = await jobs.saveJob(job.id, { epsg: 26912 });
    expect(placed.crs.epsg).toBe(26912);
  });

  it('refuses bad patches with invalid-request and changes nothing', async () => {
    const job = await jobs.pullOrder(LYNN);
    const bad: unknown[] = [
      { epsg: 32611 }, // WGS84 / UTM, not NAD83
      { epsg: 26924 },
      { capacityOverride: { reason: '  ' } },
      { capacityOverride: 'yes' },
      { stateOverride: 'XX' },
      { step: 'finished' },
      { layout: { claims: [{ id: 'a', name: 'A', kind: 'lode', corners: [[0, 0]], source: 'grid' }], grid: null } },
      {
        layout: {
          claims: [
            { id: 'a', name: 'A', kind: 'lode', corners: [[0, 0], [1, 0], [1, 1]], source: 'grid' },
            { id: 'a', name: 'B', kind: 'lode', corners: [[0, 0], [1, 0], [1, 1]], source: 'grid' },
          ],
          grid: null,
        },
      },
    ];
    for (const patch of bad) {
      const error = await rejection(jobs.saveJob(job.id, patch));
      expect(error.code, JSON.stringify(patch)).toBe('invalid-request');
    }
    expect(await jobs.getJob(job.id)).toEqual(job);
    expect((await rejection(jobs.saveJob(99_999, { step: 'layout' }))).code).toBe('not-found');
  });

  it('lists jobs most recently updated first with their summary', async () => {
    const straddle = await jobs.pullOrder(STRADDLE);
    await jobs.saveJob(straddle.id, { step: 'layout' });
    const listed = await jobs.listJobs();
    expect(listed.map((j) => j.orderId).slice(0, 1)).toEqual([STRADDLE.id]);
    const lynn = listed.find((j) => j.orderType === 'claim_order' && j.orderId === 1)!;
    expect(lynn).toMatchObject({ projectName: 'Lynn Creek (Eureka Co., NV)', claimsPurchased: 6, claimsLaidOut: 6 });
    const updated = listed.map((j) => j.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
  });

  it('refuses changes with no one signed in (the workflow records who did what) and keeps the job as it was', async () => {
    const job = await jobs.pullOrder(EMPTY);
    user = null;
    const error = await rejection(jobs.saveJob(job.id, { capacityOverride: { reason: 'Offline approval' } }));
    user = 'demo-staff';
    expect(error.code).toBe('auth-required');
    expect((await jobs.getJob(job.id)).capacityOverride).toBeNull();
  });

  it('lets only a manager or admin accept more claims than purchased, and logs it as an override', async () => {
    const job = await jobs.pullOrder(LYNN);
    role = 'staff';
    const refused = await rejection(jobs.saveJob(job.id, { capacityOverride: { reason: 'Customer asked by phone' } }));
    role = 'manager';
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/Only a manager or admin/);
  });
});
