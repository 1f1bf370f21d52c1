/**
 * Packages end to end over real parts: the reference server, a synced cache, the worker pool running the real
 * renderers, real folders. Checks the manifest against the files on disk, the CLI's exit codes and reasons,
 * and the app's Documents IPC (generate, regenerate, read back, refuse paths outside the package).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimDeskApp } from '../../core/app/create-app';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { createMemoryTokenStore } from '../../core/session/token-store';
import { stateRule } from '../../shared/claims/state-rules';
import { manifestSchema, type PackageManifest } from '../../shared/documents/package-files';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { AppError } from '../../shared/errors';
import { startTestServer } from '../helpers/back-end';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

function checkFolder(folder: string): PackageManifest {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')));
  // Every document, and the posted notices where the state posts a notice of its own (StateRule.postedNoticeSeparate).
  const posted = stateRule(manifest.state).postedNoticeSeparate ? ['posted-notices'] : [];
  expect(manifest.files.map((f) => f.kind).sort()).toEqual(
    ['blm-filing', 'blm-filing-csv', 'claim-map', 'corner-cards', 'csv', 'deadlines-ics', 'fees-sheet', 'field-instructions', 'field-map', 'gpx', 'kml', 'location-notices', ...posted].sort(),
  );
  for (const file of manifest.files) {
    const bytes = readFileSync(join(folder, file.name));
    expect(bytes.byteLength, file.name).toBe(file.bytes);
    expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
    if (file.mediaType === 'application/pdf') expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }
  expect(readdirSync(folder).sort()).toEqual([...manifest.files.map((f) => f.name), 'manifest.json'].sort());
  return manifest;
}

async function unwrap<T>(promise: Promise<T>): Promise<T | AppError> {
  return promise.catch((error: unknown) => error as AppError);
}

describe('staking packages over real parts', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  const dataDir = () => join(temp.dir, 'data');

  beforeAll(async () => {
    server = await startTestServer();
    temp = makeTempDir();
    const synced = await cli(['sync', '--server', server.url, '--username', 'demo-staff', '--password', 'claimdesk-demo', '--data-dir', dataDir()]);
    expect(synced.code).toBe(0);
  });
  afterAll(async () => {
    await server.cleanup();
    temp.cleanup();
  });

  it('exports orders without jobs from their claims as drawn, one checked folder each', async () => {
    const out = join(temp.dir, 'out-two');
    const result = await cli(['export', '--order', 'claim_order:1', '--order', 'claim_order:2', '--out', out, '--data-dir', dataDir(), '--date-of-location', '2026-08-15', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { results: { outcome: string; folder: string; source: string; orderNumber: string }[] };
    expect(report.results.map((r) => r.outcome)).toEqual(['exported', 'exported']);
    for (const entry of report.results) {
      expect(entry.source).toBe('order');
      const manifest = checkFolder(entry.folder);
      expect(manifest.dateOfLocation).toBe('2026-08-15');
      expect(manifest.order.orderNumber).toBe(entry.orderNumber);
      expect(manifest.problems).toEqual([]);
      // The demo server's pending orders carry no price (neither does the contract): the snapshot says so.
      expect(manifest.orderSnapshot?.price).toBeNull();
      expect(manifest.orderSnapshot?.orderNumber).toBe(entry.orderNumber);
      expect(manifest.orderSnapshot?.fees.scheduleVersion).toBe(manifest.feeSchedule?.version);
      expect(manifest.orderSnapshot?.fees.claims).toBe(manifest.claims.length);
    }
    const [nv, az] = report.results.map((r) => manifestSchema.parse(JSON.parse(readFileSync(join(r.folder, 'manifest.json'), 'utf8'))));
    expect(nv!.state).toBe('NV');
    expect(az!.state).toBe('AZ');
    expect(az!.claimant).toBe("Łukasz Peña & O'Brien, LLC");
  });

  it('skips what cannot be fulfilled with its reasons and exits 1 for --all', async () => {
    const out = join(temp.dir, 'out-all');
    const result = await cli(['export', '--all', '--out', out, '--data-dir', dataDir()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/skipped CO-\S+ \(claim_order:6\)\n\s+Claim '[^']+' is 1,540\.\d ft long on the ground/);
    expect(result.stdout).toMatch(/skipped \S+ \(claim_purchase:\d+\)\n\s+It has no claimant name/);
    expect(result.stdout).toMatch(/exported \S+ \(claim_order:1\) from its order/);
    const exported = [...result.stdout.matchAll(/^exported .* → (.+)$/gm)].map((m) => m[1]!);
    expect(exported.length).toBeGreaterThan(3);
    for (const folder of exported) checkFolder(folder);
    expect(readdirSync(out).length).toBe(exported.length);
  }, 120_000);

  it('exits 2 on bad usage', async () => {
    const out = join(temp.dir, 'never');
    expect((await cli(['export', '--out', out])).code).toBe(2);
    expect((await cli(['export', '--all', '--order', 'claim_order:1', '--out', out])).code).toBe(2);
    expect((await cli(['export', '--all'])).code).toBe(2);
    expect((await cli(['export', '--order', 'claim_order-1', '--out', out])).code).toBe(2);
    expect((await cli(['export', '--all', '--out', out, '--date-of-location', '2026-02-30'])).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  describe('the Documents step over IPC', () => {
    let app: ClaimDeskApp;
    beforeAll(async () => {
      app = await createClaimDeskApp({ dataDir: dataDir(), runtime: 'browser-host', tokenStore: createMemoryTokenStore(), syncIntervalMs: 0, documentWorkers: 1 });
      // Jobs record who changed them: this app signs in itself (the CLI's sign-in above was the CLI's own).
      await app.handlers.signIn({ serverUrl: server.url, username: 'demo-staff', password: 'claimdesk-demo' });
    });
    afterAll(async () => app.close());

    it('runs an export in the background and opens only folders its exports made', async () => {
      const { outDir } = await app.handlers.startExport({ orders: [{ orderType: 'claim_order', id: 2 }] });
      for (let i = 0; i < 1200 && (await app.handlers.getExportStatus({})).running; i += 1) await new Promise((r) => setTimeout(r, 50));
      const status = await app.handlers.getExportStatus({});
      expect(status.report?.results.map((r) => r.outcome)).toEqual(['exported']);
      checkFolder(status.report!.results[0]!.folder!);
      expect(await app.handlers.openExportFolder({ outDir })).toEqual({ opened: false, folder: outDir });
      const refused = await unwrap(app.handlers.openExportFolder({ outDir: dataDir() }));
      expect((refused as AppError).code).toBe('invalid-request');
      // The poll above allows a minute: a loaded machine makes a whole package slowly.
    }, 120_000);

    it('refuses a job that is not ready, with the reasons', async () => {
      const job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 3 });
      const refused = await unwrap(app.handlers.generatePackage({ jobId: job.id }));
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('not-ready');
      expect((refused as AppError).message).toMatch(/no claims laid out.*no claimant name/);
    });

    it('generates, reads back only listed files, and regenerates in place', async () => {
      let job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 1 });
      const claims = claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'LYNN');
      job = await app.handlers.saveJob({
        jobId: job.id,
        patch: {
          layout: { claims, grid: null },
          documents: {
            plss: { meridian: 'Mount Diablo', township: 'T33N', range: 'R50E', sections: '14', aliquot: 'NW¼' },
            recordingDistrict: '',
            tie: { description: 'Section corner 10/11/14/15', lon: -116.35, lat: 40.92 },
          },
        },
      });
      // Documents are made for a validated layout.
      job = await app.handlers.validateLayout({ jobId: job.id });
      const progress: string[] = [];
      const stop = app.onEvent('documentsProgress', (p) => {
        if (p.kind === 'package') progress.push(p.document);
      });
      const first = await app.handlers.generatePackage({ jobId: job.id });
      stop();
      expect(first.generation).toBe(1);
      expect(progress).toHaveLength(first.manifest.files.length);
      expect(progress.length).toBeGreaterThanOrEqual(9);
      expect(first.manifest.source).toBe('job');
      checkFolder(first.folder);

      const notice = await app.handlers.readPackageFile({ jobId: job.id, name: 'location-notices.pdf' });
      expect(Buffer.from(notice.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
      for (const name of ['../claimdesk.sqlite', 'manifest.json/../../claimdesk.sqlite', 'nope.pdf']) {
        const refused = await unwrap(app.handlers.readPackageFile({ jobId: job.id, name }));
        expect((refused as AppError).code, name).toBe('not-found');
      }

      const second = await app.handlers.generatePackage({ jobId: job.id });
      expect(second.generation).toBe(2);
      expect(second.folder).toBe(first.folder);
      checkFolder(second.folder);
      expect(readdirSync(join(dataDir(), 'packages'))).toEqual([first.folder.split('/').pop()]);
      expect((await app.handlers.getPackage({ jobId: job.id })).package?.generation).toBe(2);
      expect(await app.handlers.openPackageFolder({ jobId: job.id })).toEqual({ opened: false, folder: first.folder });
    });
  });
});
