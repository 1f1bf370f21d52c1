/**
 * `claimdesk deadlines` over a seeded cache (a real SQLite file, migrated): packages located at different dates in
 * different states, one job cancelled, one package not yet posted, one planned for a later date; --within lists
 * exactly the claims due in the window (overdue filings included), --json is what jq reads.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../core/app/create-app';
import { openDatabase } from '../../core/db/open-database';
import { getJobRowByOrder, insertJobIfAbsent, updateJobRow } from '../../core/repos/jobs.repo';
import { upsertOrders } from '../../core/repos/orders.repo';
import { savePackageRow } from '../../core/repos/packages.repo';
import { planOrderWrites } from '../../core/sync/plan-order-writes';
import { buildLodeGrid } from '../../server';
import { DEFAULT_SERVICE_LEVELS } from '../../shared/workflow/workflow-settings';
import { MANIFEST_VERSION, manifestSchema, type PackageManifest } from '../../shared/documents/package-files';
import { checkDeadlineReminders } from '../../core/deadlines/deadline-reminders';
import { createNotificationsService } from '../../core/workflow/notifications.service';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';

const temp = makeTempDir('cli-deadlines-');
afterAll(() => temp.cleanup());

interface Seed {
  id: number;
  orderNumber: string;
  state: string;
  dateOfLocation: string | null;
  claims: string[];
  cancelled?: boolean;
}

const SEEDS: Seed[] = [
  { id: 1, orderNumber: 'CO-NV-DEC', state: 'NV', dateOfLocation: '2026-12-01', claims: ['DEC 1', 'DEC 2'] },
  { id: 2, orderNumber: 'CO-AZ-AUG', state: 'AZ', dateOfLocation: '2026-08-01', claims: ['AUG 1'] },
  { id: 3, orderNumber: 'CO-NV-CANCELLED', state: 'NV', dateOfLocation: '2026-12-01', claims: ['GONE 1'], cancelled: true },
  { id: 4, orderNumber: 'CO-NOT-POSTED', state: 'NV', dateOfLocation: null, claims: ['BLANK 1'] },
  { id: 5, orderNumber: 'CO-NV-FEB', state: 'NV', dateOfLocation: '2027-02-14', claims: ['FEB 1'] },
  { id: 6, orderNumber: 'CO-NV-JUNE', state: 'NV', dateOfLocation: '2027-06-01', claims: ['JUNE 1'] },
];

function manifest(seed: Seed): PackageManifest {
  return manifestSchema.parse({
    manifestVersion: MANIFEST_VERSION,
    generator: { name: 'ClaimDesk', version: 'test' },
    preparedOn: '2026-11-30',
    generatedAt: '2026-11-30T12:00:00.000Z',
    source: 'job',
    order: { orderType: 'claim_order', orderId: seed.id, orderNumber: seed.orderNumber, projectName: 'P', companyName: `Customer ${seed.id}`, claimsPurchased: seed.claims.length },
    state: seed.state,
    county: 'Pershing',
    epsg: 26911,
    dateOfLocation: seed.dateOfLocation,
    landStatus: 'federal',
    dateOfDiscovery: null,
    claimant: `Customer ${seed.id}`,
    claims: seed.claims.map((name) => ({ name, kind: 'lode', areaAcres: 20.66 })),
    feeSchedule: null,
    files: [],
    problems: [],
  });
}

beforeAll(async () => {
  const opened = await openDatabase({ file: join(temp.dir, DATABASE_FILE) });
  try {
    // The orders as a sync stores them (customer "Customer 2" on the server; the manifest says the same).
    const entries = SEEDS.map((seed) => ({
      id: seed.id,
      order_type: 'claim_order',
      order_number: seed.orderNumber,
      status: 'completed',
      created_at: '2026-11-01T10:00:00Z',
      customer_email: `c${seed.id}@example.com`,
      company_name: `Customer ${seed.id}`,
      project_id: 1,
      project_name: 'P',
      claim_count: seed.claims.length,
      claim_polygons: { type: 'FeatureCollection', features: buildLodeGrid({ lon: -118, lat: 40.5, rows: 1, cols: seed.claims.length, azimuthDeg: 0, prefix: 'X' }) },
      claimant_info: { claimant_name: `Customer ${seed.id}` },
      claim_package_id: null,
      staking_service: true,
      expedited_delivery: false,
    }));
    const plan = await planOrderWrites(entries, new Map(), () => undefined);
    await upsertOrders(opened.db, plan.writes, '2026-11-30T12:00:00.000Z', DEFAULT_SERVICE_LEVELS);
    for (const seed of SEEDS) {
      const at = '2026-11-30T12:00:00.000Z';
      await insertJobIfAbsent(opened.db, {
        order_type: 'claim_order',
        order_id: seed.id,
        step: 'documents',
        epsg: 26911,
        crs_json: '{}',
        order_context_json: JSON.stringify({ orderNumber: seed.orderNumber }),
        order_number: seed.orderNumber,
        claims_purchased: seed.claims.length,
        claims_laid_out: seed.claims.length,
        claimant_named: 1,
        layout_json: '{}',
        monument_settings_json: '{}',
        location_json: '{}',
        claimant_json: '{}',
        documents_json: '{}',
        workflow_state: 'delivered',
        created_at: at,
        updated_at: at,
      });
      const job = (await getJobRowByOrder(opened.db, { orderType: 'claim_order', id: seed.id }))!;
      if (seed.cancelled) await updateJobRow(opened.db, job.id, { workflow_state: 'cancelled', updated_at: at });
      await savePackageRow(opened.db, { job_id: job.id, folder: `/tmp/${seed.orderNumber}`, manifest_json: JSON.stringify(manifest(seed)), generated_at: at });
    }
  } finally {
    await opened.close();
  }
});

const run = (...args: string[]) => cli(['deadlines', '--data-dir', temp.dir, '--on', '2027-01-15', ...args]);

describe('claimdesk deadlines', () => {
  it('--within 120 --json lists exactly the claims due by 15 May 2027, overdue filings first', async () => {
    const result = await run('--within', '120', '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Record<string, string>[];
    expect(rows.every((r) => Object.keys(r).join(',') === 'order,claim,kind,due,status')).toBe(true);
    expect(rows.map((r) => `${r.due} ${r.status} ${r.order} ${r.claim} ${r.kind}`)).toEqual([
      // Located 1 Aug 2026 in Arizona: county and BLM 90 days, passed and not recorded as done.
      '2026-10-30 overdue CO-AZ-AUG AUG 1 recording',
      '2026-10-30 overdue CO-AZ-AUG AUG 1 blm-filing',
      // Nevada, 1 Dec 2026: corners in 60 days (NRS 517.030), county and BLM in 90 days.
      '2027-01-30 due-soon CO-NV-DEC DEC 1 monumenting',
      '2027-01-30 due-soon CO-NV-DEC DEC 2 monumenting',
      '2027-03-01 upcoming CO-NV-DEC DEC 1 blm-filing',
      '2027-03-01 upcoming CO-NV-DEC DEC 1 recording',
      '2027-03-01 upcoming CO-NV-DEC DEC 2 blm-filing',
      '2027-03-01 upcoming CO-NV-DEC DEC 2 recording',
      '2027-04-15 upcoming CO-NV-FEB FEB 1 monumenting',
      // The window's last day is in it.
      '2027-05-15 upcoming CO-NV-FEB FEB 1 blm-filing',
      '2027-05-15 upcoming CO-NV-FEB FEB 1 recording',
    ]);
  });

  it('a day less leaves out what falls on the last day; no window lists every open deadline, yearly ones once', async () => {
    const shorter = JSON.parse((await run('--within', '119', '--json')).stdout) as Record<string, string>[];
    expect(shorter.filter((r) => r.due === '2027-05-15')).toEqual([]);
    const all = JSON.parse((await run('--json')).stdout) as Record<string, string>[];
    const aug = all.filter((r) => r.order === 'CO-AZ-AUG').map((r) => `${r.due} ${r.kind}`);
    // Its first 1 September (2026) has passed: the next one is listed, and the 30 December filings of 2027.
    expect(aug).toEqual(['2026-10-30 recording', '2026-10-30 blm-filing', '2027-09-01 annual', '2027-12-30 annual', '2027-12-30 annual']);
    expect(all.some((r) => r.order === 'CO-NV-CANCELLED' || r.order === 'CO-NOT-POSTED')).toBe(false);
    expect(all.filter((r) => r.order === 'CO-NV-DEC' && r.due === '2027-11-01').map((r) => r.claim)).toEqual(['DEC 1', 'DEC 2']);
  });

  it('prints a table for people and refuses a bad window', async () => {
    const table = await run('--within', '30');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^2026-10-30 {2}OVERDUE {3}CO-AZ-AUG\s+AUG 1\s+blm-filing\s+File the recorded notice with BLM/m);
    expect(table.stdout).toContain('NRS 517.030');
    expect((await run('--within', 'soon')).code).toBe(2);
    expect((await cli(['deadlines', '--data-dir', temp.dir, '--on', '2027-02-30'])).code).toBe(2);
  });
});

describe('deadline reminders', () => {
  it('30 and 7 days before, and once when a filing is overdue; each only once', async () => {
    const opened = await openDatabase({ file: join(temp.dir, DATABASE_FILE) });
    try {
      const titles: string[] = [];
      const notifications = createNotificationsService({ db: opened.db, now: () => new Date('2027-01-15T12:00:00Z'), onAdded: (n) => titles.push(n.title) });
      const check = (today: string) => checkDeadlineReminders({ db: opened.db, notifications, today: () => today, reminderDays: async () => [30, 7] });
      expect(await check('2027-01-15')).toBe(3);
      expect(titles.sort()).toEqual([
        'CO-AZ-AUG: File the recorded notice with BLM, with a map and the fees was due Fri 30 October 2026',
        'CO-AZ-AUG: Record an executed copy of the location notice with a map, plat or sketch was due Fri 30 October 2026',
        'CO-NV-DEC: Set the corner monuments on the ground is due Sat 30 January 2027, in 15 days',
      ]);
      expect(await check('2027-01-16')).toBe(0);
      // A week before the corners: the 7-day reminder.
      expect(await check('2027-01-23')).toBe(1);
      expect(titles.at(-1)).toBe('CO-NV-DEC: Set the corner monuments on the ground is due Sat 30 January 2027, in 7 days');
      const listed = await notifications.list();
      expect(listed.notifications.find((n) => n.title.includes('in 7 days'))).toMatchObject({ kind: 'claim_deadline', order: { orderType: 'claim_order', id: 1 } });
      expect(listed.notifications.find((n) => n.title.includes('in 7 days'))!.body).toMatch(/^2 claims \(DEC 1, DEC 2\)\. On the claim\. NRS 517\.030\.$/);
      // Reminders off in Settings: none.
      expect(await checkDeadlineReminders({ db: opened.db, notifications, today: () => '2027-02-27', reminderDays: async () => [] })).toBe(0);
    } finally {
      await opened.close();
    }
  });
});
