/**
 * `npm run bench` (workflow part): over a cache synced with 10,000 orders × 8 claims and 500 jobs, how long
 * the dashboard takes (eleven counts, each the predicate its click-through uses), a focused queue page, and the
 * after-sync duplicate check over every listed claim. Each is printed beside a baseline from the same run: eleven
 * plain counts, the unfocused queue page, and reading and parsing the same claims without comparing them.
 * Printed, never asserted.
 */
import { DEMO_STAFF } from '../../server/demo-users';
import { createJobsService } from '../../core/jobs/jobs.service';
import { lookupLocation } from '../../core/geo/location-lookup';
import { countOrders, listActiveOrderKeys } from '../../core/repos/orders.repo';
import { queryOrders } from '../../core/repos/order-queue.repo';
import { listClaimsOfListedOrders } from '../../core/repos/duplicates.repo';
import { focusContext } from '../../core/workflow/desk-calendar';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../shared/workflow/workflow-settings';
import { workflowFor } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';
import { medianMs, startSyncedBackEnd } from './bench-server';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const JOBS = 500;

async function main(): Promise<void> {
  const temp = makeTempDir('claimdesk-bench-workflow-');
  const { backEnd, child } = await startSyncedBackEnd(temp.dir, `bench:${ORDERS}x8`);
  try {
    const db = backEnd.opened.db;
    const now = () => new Date();
    const workflow = workflowFor(db, now, () => ({ username: DEMO_STAFF.username, role: 'manager' }));
    const jobs = createJobsService({ db, lookupLocation, workflow, now });
    // Set-up (not timed): jobs for some orders, unpaid ones pulled by a manager's override.
    for (const key of (await listActiveOrderKeys(db)).slice(0, JOBS)) await jobs.pullOrder(key, { reason: 'bench set-up' });

    const dashboardMs = await medianMs(() => workflow.dashboard());
    const plainCountsMs = await medianMs(async () => {
      for (let i = 0; i < 11; i += 1) await countOrders(db, { includeGone: false });
    });
    const context = focusContext(now(), DEFAULT_WORKFLOW_SETTINGS.staleAfterDays);
    const page = { sort: { column: 'targetDate', direction: 'asc' }, limit: 200 } as const;
    const focusedMs = await medianMs(() => queryOrders(db, { ...page, focus: 'overdue' }, context));
    const plainMs = await medianMs(() => queryOrders(db, page, context));

    const duplicatesMs = await medianMs(() => workflow.afterSync({ added: { count: 0, first: [] }, changed: true }), 3);
    const parseOnlyMs = await medianMs(async () => {
      for (const row of await listClaimsOfListedOrders(db)) JSON.parse(row.claims_json);
    }, 3);
    await backEnd.close();

    const line = (label: string, value: string, note: string) => console.log(`${label.padEnd(52)} ${value.padStart(10)}   ${note}`);
    console.log(`\nClaimDesk workflow benchmark: ${ORDERS} orders × 8 claims, ${JOBS} jobs\n`);
    line('dashboard (11 focus counts, oldest, this week)', `${dashboardMs.toFixed(1)} ms`, `target ≤ 250 ms; baseline 11 plain counts ${plainCountsMs.toFixed(1)} ms`);
    line('queue page, focus "overdue", by target date', `${focusedMs.toFixed(1)} ms`, `target ≤ 50 ms; the same page unfocused ${plainMs.toFixed(1)} ms`);
    line('after-sync duplicate check, all listed claims', `${(duplicatesMs / 1000).toFixed(2)} s`, `target ≤ 3 s; reading + parsing the claims alone ${(parseOnlyMs / 1000).toFixed(2)} s`);
  } finally {
    child.kill();
    temp.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
