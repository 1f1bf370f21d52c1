/**
 * `npm run bench` (outbox): enqueue and drain 1,000 package uploads against the reference server on loopback,
 * beside the raw HTTP time of the same requests (the same multipart uploads for another 1,000 orders, sent
 * straight through the API client). The difference is what the outbox costs per entry: the snapshot (hard links),
 * the transactions and their commits, the lease, and reading the files back. Half the chunks are queued one job at a
 * time (the Upload step), half in one batch each (`claimdesk upload`), and both are printed. Target ≤ 2 ms per
 * entry. Printed with the back-end's peak RSS and the machine's load, never asserted. BENCH_PROFILE=1 also profiles
 * the enqueues and the drains (V8's sampler) and prints where their time went (a raw profile is written beside).
 */
import { randomUUID } from 'node:crypto';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo-users';
import { createGeoDbClient, type UploadFile } from '../../core/api/geodb-client';
import { manifestBytes, sha256Hex } from '../../core/documents/generate-package';
import { writePackageFolder } from '../../core/documents/package-writer';
import { createJobCommands } from '../../core/jobs/job-commands';
import { createJobsService } from '../../core/jobs/jobs.service';
import { lookupLocation } from '../../core/geo/location-lookup';
import { enqueueUpload, enqueueUploads, uploadClaims } from '../../core/outbox/outbox-queue';
import { createOutboxRunner, type SendStep } from '../../core/outbox/outbox-runner';
import { listActiveOrderKeys } from '../../core/repos/orders.repo';
import { savePackageRow } from '../../core/repos/packages.repo';
import { listOutboxEntries } from '../../core/repos/outbox.repo';
import { MANIFEST_FILE, manifestSchema, type PackageManifest } from '../../shared/documents/package-files';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { openBackEnd, workflowFor } from '../helpers/back-end';
import { applyTransition } from '../../core/workflow/apply-transition';
import { makeTempDir } from '../helpers/temp-dir';
import { startServerProcess } from './bench-server';
import { createCpuProfiler, formatProfile } from './node-cpu-profile';

const PACKAGES = Number(process.env.BENCH_OUTBOX_PACKAGES ?? 1_000);
/** Raw requests and outbox entries alternate in chunks of this many. */
const CHUNK = 100;

/** This process's resident-memory high-water mark (the kernel's, so nothing between samples is missed). */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** A small package (a notice-sized PDF stand-in, GPX, CSV): the outbox's cost does not depend on PDF contents. */
function packageFiles(orderNumber: string): { name: string; kind: 'location-notices' | 'gpx' | 'csv'; mediaType: string; bytes: Uint8Array }[] {
  const text = (n: number, seed: string) => new TextEncoder().encode(`${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n));
  return [
    { name: 'location-notices.pdf', kind: 'location-notices', mediaType: 'application/pdf', bytes: text(60_000, `%PDF-1.7 ${orderNumber}`) },
    { name: 'waypoints.gpx', kind: 'gpx', mediaType: 'application/gpx+xml', bytes: text(8_000, `<wpt> ${orderNumber}`) },
    { name: 'corners-and-monuments.csv', kind: 'csv', mediaType: 'text/csv', bytes: text(2_500, `claim,${orderNumber}`) },
  ];
}

function manifestFor(orderNumber: string, files: ReturnType<typeof packageFiles>, at: string, claimNames: string[]): PackageManifest {
  return manifestSchema.parse({
    manifestVersion: 1,
    generator: { name: 'ClaimDesk', version: 'bench' },
    preparedOn: at.slice(0, 10),
    generatedAt: at,
    source: 'job',
    order: { orderType: 'claim_order', orderId: 0, orderNumber, projectName: '', companyName: '', claimsPurchased: 1 },
    state: 'NV',
    county: '',
    epsg: 26911,
    dateOfLocation: null,
    claimant: '',
    claims: claimNames.map((name) => ({ name, kind: 'lode', areaAcres: 20.661 })),
    feeSchedule: { version: 'bench', effectiveFrom: '2024-10-01' },
    files: files.map((f) => ({ name: f.name, kind: f.kind, mediaType: f.mediaType, bytes: f.bytes.byteLength, sha256: sha256Hex(f.bytes), pages: null })),
    problems: [],
  });
}

/** Every SQL statement run while counting is on, by phase: how many per entry and their time in SQLite. */
function countStatements(sqlite: BetterSqlite3.Database) {
  const proto = Object.getPrototypeOf(sqlite.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>;
  const seen = new Map<string, Map<string, { n: number; ms: number }>>();
  let phase: string | null = null;
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = proto[method]!;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      if (phase === null) return original.apply(this, args);
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const byText = seen.get(phase) ?? seen.set(phase, new Map()).get(phase)!;
        const stat = byText.get(this.source) ?? byText.set(this.source, { n: 0, ms: 0 }).get(this.source)!;
        stat.n += 1;
        stat.ms += performance.now() - start;
      }
    };
  }
  return {
    count: (next: string | null) => (phase = next),
    report(entries: number): string[] {
      const lines: string[] = [];
      for (const [name, byText] of seen) {
        const all = [...byText.values()].reduce((sum, s) => ({ n: sum.n + s.n, ms: sum.ms + s.ms }), { n: 0, ms: 0 });
        lines.push(`SQL during ${name}: ${(all.n / entries).toFixed(1)} statements, ${(all.ms / entries).toFixed(3)} ms in SQLite per entry`);
        for (const [text, stat] of [...byText].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) {
          lines.push(`  ${(stat.n / entries).toFixed(2).padStart(5)} × ${(stat.ms / entries).toFixed(3)} ms  ${text.replace(/\s+/g, ' ').slice(0, 150)}`);
        }
      }
      return lines;
    },
  };
}

async function main(): Promise<void> {
  const temp = makeTempDir('claimdesk-bench-outbox-');
  const { url, child } = await startServerProcess(join(temp.dir, 'server.sqlite'), `bench:${PACKAGES * 2}x1`);
  try {
    const dataDir = join(temp.dir, 'cache');
    const backEnd = await openBackEnd({ dataDir });
    await backEnd.session.signIn({ serverUrl: url, username: DEMO_STAFF.username, password: DEMO_PASSWORD });
    await backEnd.sync.syncNow();
    const db = backEnd.opened.db;
    const keys = await listActiveOrderKeys(db);
    const [outboxKeys, rawKeys] = [keys.slice(0, PACKAGES), keys.slice(PACKAGES, 2 * PACKAGES)];
    const now = () => new Date();
    const actor = { username: DEMO_STAFF.username, role: 'staff' as const };
    const jobs = createJobsService({ db, lookupLocation, workflow: workflowFor(db, now, () => actor), now });
    const commands = createJobCommands({ db, now, requireActor: async () => actor, getJob: jobs.getJob, onChanged: () => undefined });

    // Set-up (not timed): a job with its claims and a small package for each order.
    const jobIds: number[] = [];
    for (const key of outboxKeys) {
      let job = await jobs.pullOrder(key);
      job = await jobs.saveJob(job.id, { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'B'), grid: null } });
      job = await commands.validateLayout(job.id); // validated: documents may be made and uploaded
      const files = packageFiles(job.order.orderNumber);
      const at = now().toISOString();
      const folder = join('packages', `job-${job.id}`);
      const manifest = manifestFor(job.order.orderNumber, files, at, job.layout.claims.map((c) => c.name));
      await writePackageFolder(join(dataDir, folder), files.map((f) => ({ ...f, pages: null })), manifest, { durable: false });
      await savePackageRow(db, { job_id: job.id, folder, manifest_json: JSON.stringify(manifest), generated_at: at });
      await db.transaction().execute((trx) => applyTransition(trx, job.id, 'DOCUMENTS_GENERATED', actor, { at }));
      jobIds.push(job.id);
    }

    // The baseline: the same requests (the package's files and its manifest), straight through the client, for the
    // other orders. Their jobs and request bodies are made before any clock starts, so only the requests are timed.
    const createClient = (serverUrl: string) => createGeoDbClient({ baseUrl: serverUrl, now });
    const auth = (await backEnd.session.getAuth())!;
    const client = createClient(auth.serverUrl);
    const rawRequests: { key: (typeof rawKeys)[number]; projectId: number; files: UploadFile[]; claims: ReturnType<typeof uploadClaims> }[] = [];
    for (const key of rawKeys) {
      const job = await jobs.pullOrder(key);
      const made = packageFiles(job.order.orderNumber);
      const files: UploadFile[] = made.map((f) => ({ type: f.kind.replace('-', '_') as UploadFile['type'], name: f.name, mediaType: f.mediaType, bytes: f.bytes }));
      const claims = uploadClaims({ layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'B'), grid: null }, crs: job.crs }, new Map());
      const manifest = manifestFor(job.order.orderNumber, made, now().toISOString(), claims.map((c) => c.name));
      files.push({ type: 'manifest', name: MANIFEST_FILE, mediaType: 'application/json', bytes: manifestBytes(manifest) });
      rawRequests.push({ key, projectId: job.order.projectId!, files, claims });
    }

    // The drain's own requests are timed as well: the drain's time beyond them is what the outbox adds, measured
    // on the same entries in the same moments, which a loaded machine's drift between chunks cannot blur.
    let drainRequestSeconds = 0;
    const timedClient = (serverUrl: string) => {
      const inner = createClient(serverUrl);
      return {
        ...inner,
        async uploadDocuments(...[auth, fields, files, key, options]: Parameters<typeof inner.uploadDocuments>) {
          // The request proper starts when it may leave: the body is encoded before, while the previous flush runs.
          timedCall();
          let start = performance.now();
          const ready = (options?.ready ?? Promise.resolve()).then(() => {
            timedRequestStart();
            start = performance.now();
          });
          try {
            return await inner.uploadDocuments(auth, fields, files, key, { ready });
          } finally {
            drainRequestSeconds += (performance.now() - start) / 1000;
            mark = performance.now();
          }
        },
      };
    };
    // Where each entry's time in the drain goes, from the runner's step hooks and the request's own clock: taking
    // it (listing, pin, lease), reading its files and waiting for the previous outcome's flush, the request, and
    // recording the outcome.
    const phases = { take: 0, read: 0, encodeOrFlush: 0, record: 0 };
    let mark = 0;
    let phasesOn = false;
    const onStep = (step: SendStep) => {
      if (!phasesOn) return;
      const t = performance.now();
      if (step === 'marked-sending') phases.take += t - mark;
      if (step === 'recorded') phases.record += t - mark;
      mark = t;
    };
    const timedCall = () => {
      if (phasesOn) phases.read += performance.now() - mark;
      mark = performance.now();
    };
    const timedRequestStart = () => {
      if (phasesOn) phases.encodeOrFlush += performance.now() - mark;
    };
    // A pull queues the order's claim (desk assignment): those entries are sent before any clock starts, so the
    // timed drains send the uploads only, as the baseline does.
    const runner = createOutboxRunner({ db, dataDir, getAuth: backEnd.session.getAuth, createClient: timedClient, now, onStep });
    const setUp = await runner.drain();
    drainRequestSeconds = 0;
    if (setUp.sent !== setUp.delivered) console.log(`  set-up entries not delivered: ${setUp.sent - setUp.delivered} of ${setUp.sent}`);

    const profiling = process.env.BENCH_PROFILE === '1';
    const statements = profiling ? countStatements(backEnd.opened.sqlite) : null;
    const profiles = profiling ? { enqueue: createCpuProfiler(join(tmpdir(), 'outbox-enqueue.cpuprofile')), drain: createCpuProfiler(join(tmpdir(), 'outbox-drain.cpuprofile')) } : null;
    const loadBefore = loadavg()[0]!;

    // Raw and outbox alternate in chunks, so a shared machine's load drifts over both alike.
    const report = { sent: 0, delivered: 0 };
    let [rawSeconds, drainSeconds] = [0, 0];
    const enqueue = { single: { seconds: 0, entries: 0 }, batch: { seconds: 0, entries: 0 } };
    let [rawPeakRssMb, enqueuePeakRssMb, drainPeakRssMb] = [0, 0, 0];
    for (let from = 0; from < PACKAGES; from += CHUNK) {
      let start = performance.now();
      for (const { key, projectId, files, claims } of rawRequests.slice(from, from + CHUNK)) {
        await client.uploadDocuments(
          auth,
          { order_id: key.id, order_type: key.orderType, project_id: projectId, save_to_project: true, claims: claims.map((c) => ({ ...c, acreage: 20 })) },
          files,
          randomUUID(),
        );
      }
      rawSeconds += (performance.now() - start) / 1000;
      rawPeakRssMb = Math.max(rawPeakRssMb, peakRssMb());

      await profiles?.enqueue.start();
      statements?.count('enqueue');
      start = performance.now();
      const chunk = jobIds.slice(from, from + CHUNK);
      const way = (from / CHUNK) % 2 === 0 ? enqueue.single : enqueue.batch;
      if (way === enqueue.single) for (const jobId of chunk) await enqueueUpload({ db, dataDir, now }, jobId, actor);
      else {
        const { refused } = await enqueueUploads({ db, dataDir, now }, chunk, actor);
        if (refused.length > 0) throw refused[0]!.error;
      }
      way.seconds += (performance.now() - start) / 1000;
      way.entries += chunk.length;
      await profiles?.enqueue.stop();
      enqueuePeakRssMb = Math.max(enqueuePeakRssMb, peakRssMb());

      await profiles?.drain.start();
      statements?.count('drain');
      start = performance.now();
      [mark, phasesOn] = [start, true];
      const drained = await runner.drain();
      phasesOn = false;
      drainSeconds += (performance.now() - start) / 1000;
      await profiles?.drain.stop();
      statements?.count(null);
      drainPeakRssMb = Math.max(drainPeakRssMb, peakRssMb());
      report.sent += drained.sent;
      report.delivered += drained.delivered;
    }

    if (report.delivered < PACKAGES) {
      const open = (await listOutboxEntries(db)).slice(0, 3).map((e) => ({ state: e.state, error: e.last_error }));
      console.log(`  NOT delivered: ${PACKAGES - report.delivered}, e.g. ${JSON.stringify(open)}`);
    }
    const perEntry = (seconds: number, entries = PACKAGES) => (seconds / entries) * 1000;
    const perMs = (seconds: number, entries = PACKAGES) => `${perEntry(seconds, entries).toFixed(2).padStart(6)} ms per entry`;
    const [rawMs, drainMs] = [perEntry(rawSeconds), perEntry(drainSeconds)];
    const overhead = (way: { seconds: number; entries: number }) => {
      const ms = perEntry(way.seconds, way.entries) + drainMs - rawMs;
      return `${ms.toFixed(2)} ms per entry, ${((ms + rawMs) / rawMs).toFixed(2)} × raw   target ≤ 2 ms ${ms <= 2 ? 'ok' : 'OVER TARGET'}`;
    };
    console.log(`Outbox: ${PACKAGES} packages, raw and outbox alternating in chunks of ${CHUNK}; back-end peak RSS is this process's high-water mark (it only grows)`);
    console.log(`  load average (1 min) ${loadBefore.toFixed(1)} before the timed part, ${loadavg()[0]!.toFixed(1)} after; ${profiling ? 'PROFILED (slower)' : 'not profiled'}`);
    console.log(`  baseline, the same uploads sent raw through the API client   ${rawSeconds.toFixed(2).padStart(6)} s  ${perMs(rawSeconds)}   peak RSS ${rawPeakRssMb.toFixed(0)} MB`);
    console.log(`  enqueue one job at a time (${String(enqueue.single.entries).padStart(4)} jobs)                 ${enqueue.single.seconds.toFixed(2).padStart(6)} s  ${perMs(enqueue.single.seconds, enqueue.single.entries)}   peak RSS ${enqueuePeakRssMb.toFixed(0)} MB`);
    console.log(`  enqueue ${CHUNK} jobs per transaction (${String(enqueue.batch.entries).padStart(4)} jobs)           ${enqueue.batch.seconds.toFixed(2).padStart(6)} s  ${perMs(enqueue.batch.seconds, enqueue.batch.entries)}   peak RSS ${enqueuePeakRssMb.toFixed(0)} MB`);
    console.log(`  drain (${String(report.sent).padStart(4)} sent, ${String(report.delivered).padStart(4)} delivered: lease, send, outcome) ${drainSeconds.toFixed(2).padStart(6)} s  ${perMs(drainSeconds)}   peak RSS ${drainPeakRssMb.toFixed(0)} MB`);
    const besideRequests = perEntry(drainSeconds - drainRequestSeconds);
    console.log(`  … of which the drain's own requests ${perMs(drainRequestSeconds)}; the drain beyond them ${besideRequests.toFixed(2)} ms per entry`);
    const phase = (ms: number) => (ms / PACKAGES).toFixed(2);
    const rest = drainSeconds * 1000 - drainRequestSeconds * 1000 - phases.take - phases.read - phases.encodeOrFlush - phases.record;
    console.log(
      `  … per entry: take (list, pin, lease) ${phase(phases.take)} ms, read its files ${phase(phases.read)} ms, encode the body or wait for the previous flush, whichever is longer, ${phase(phases.encodeOrFlush)} ms, record the outcome (and take the next) ${phase(phases.record)} ms, the rest ${phase(rest)} ms`,
    );
    const inDrain = (way: { seconds: number; entries: number }) => (perEntry(way.seconds, way.entries) + besideRequests).toFixed(2);
    console.log(`  outbox overhead measured within the drain (enqueue + drain beyond its requests): one at a time ${inDrain(enqueue.single)} ms, in batches ${inDrain(enqueue.batch)} ms per entry`);
    console.log(`  outbox overhead over raw, queued one at a time: ${overhead(enqueue.single)}`);
    console.log(`  outbox overhead over raw, queued in batches:    ${overhead(enqueue.batch)}`);
    if (profiles) {
      console.log('Enqueue (both ways), per entry:');
      for (const line of formatProfile(profiles.enqueue.summary, PACKAGES, 'entry')) console.log(line);
      console.log('Drain, per entry:');
      for (const line of formatProfile(profiles.drain.summary, PACKAGES, 'entry')) console.log(line);
      for (const line of statements!.report(PACKAGES)) console.log(line);
      profiles.enqueue.close();
      profiles.drain.close();
    }
    await backEnd.close();
  } finally {
    child.kill();
    temp.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
