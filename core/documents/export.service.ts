/**
 * Batch export: one package folder per order in an output folder, named from the order number (made safe and
 * unique). Orders with a job use its layout and claimant; orders without one use their claims as drawn and
 * their claimant_info. An order that cannot be fulfilled is skipped with its reasons, never guessed at; one
 * failing order never stops the others. Generation runs in the worker pool, so the caller stays responsive.
 */
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ExportProgress, ExportReport, ExportResult } from '../../shared/documents/package-info.types';
import { uniqueSafeNames } from '../../shared/documents/safe-names';
import { deskDay } from '../../shared/domain/calendar-date';
import { orderKeyString, type OrderIssue, type OrderKey } from '../../shared/domain/order.types';
import { AppError, errorMessage } from '../../shared/errors';
import type { LocationLookup } from '../../shared/jobs/job.types';
import type { Database } from '../db/schema';
import { newJobFromOrder } from '../jobs/job-from-order';
import { rowToJob } from '../repos/jobs.mapper';
import { getJobRowByOrder } from '../repos/jobs.repo';
import { getOrderNumbers, getOrderRow } from '../repos/orders.repo';
import { packageSourceFromJob, packageSourceFromOrder, type SourceResult } from './package-source';
import { writePackageFolder } from './package-writer';
import { packageMapOptions } from './package-maps';
import { withPlss } from '../plss/plss-package';
import type { PackageWorkerPool } from './worker-pool';

export interface ExportDeps {
  db: Kysely<Database>;
  pool: PackageWorkerPool;
  resourcesDir: string;
  lookupLocation: (lon: number, lat: number) => LocationLookup;
  now: () => Date;
  generator: { name: string; version: string };
  /** better-sqlite3 for Electron, for MBTiles basemaps read in the package workers. */
  nativeBinding?: string;
}

export interface ExportOptions {
  orders: OrderKey[];
  outDir: string;
  dateOfLocation?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

interface Prepared {
  key: OrderKey;
  orderNumber: string;
  source: SourceResult | null;
  /** Why it could not even be read (not cached, damaged job). */
  error: string | null;
}

/** What an order not in the cache is called in the report and its folder. */
function unknownOrderName(key: OrderKey): string {
  return `${key.orderType} #${key.id}`;
}

/** Reads what an order would be made from. Database reads only: no network, no long transactions. */
export async function readExportSource(deps: ExportDeps, key: OrderKey, dateOfLocation: string | undefined): Promise<Prepared> {
  const found = await getOrderRow(deps.db, key);
  if (!found) return { key, orderNumber: unknownOrderName(key), source: null, error: 'It is not in the local cache: sync, then try again.' };
  const { row, payload } = found;
  // The order as it stands now goes into the manifest's snapshot (status, and the price it carries).
  const snapshot = { orderStatus: row.status, ...(payload ? { orderRawJson: payload.raw_json } : {}) };
  try {
    const jobRow = await getJobRowByOrder(deps.db, key);
    if (jobRow) return { key, orderNumber: row.order_number, source: packageSourceFromJob(rowToJob(jobRow), 'job', { dateOfLocation, ...snapshot }), error: null };
    const draft = newJobFromOrder(row, payload, deps.lookupLocation, deps.now().toISOString());
    const problems = JSON.parse(row.problems_json) as OrderIssue[];
    return { key, orderNumber: row.order_number, source: packageSourceFromOrder(draft, problems, { dateOfLocation, ...snapshot }), error: null };
  } catch (error) {
    return { key, orderNumber: row.order_number, source: null, error: errorMessage(error) };
  }
}

export async function exportPackages(deps: ExportDeps, options: ExportOptions): Promise<ExportReport> {
  const { signal } = options;
  // Worker start-up runs while the first orders are read.
  deps.pool.warm();
  const total = options.orders.length;
  const results: ExportResult[] = new Array(total);
  let done = 0;
  const report = (index: number, result: ExportResult): void => {
    results[index] = result;
    done += 1;
    options.onProgress?.({ total, done, running: done < total, last: result, outDir: options.outDir });
  };
  options.onProgress?.({ total, done: 0, running: true, last: null, outDir: options.outDir });
  const onAbort = (): void => deps.pool.cancelQueued();
  signal?.addEventListener('abort', onAbort);

  const at = deps.now();
  const maps = await packageMapOptions(deps.db, deps.nativeBinding);
  const base = (p: Prepared) => ({ orderType: p.key.orderType, orderId: p.key.id, orderNumber: p.orderNumber });
  // Folder names need every order number first (a repeated one gets " (2)"); those come from one light query.
  const numbers = await getOrderNumbers(deps.db, options.orders);
  const folderNames = uniqueSafeNames(options.orders.map((key) => numbers.get(orderKeyString(key)) ?? unknownOrderName(key)));
  const exportOne = async (p: Prepared, index: number, folderName: string): Promise<void> => {
    if (!p.source || !p.source.ok) {
      const reasons = p.error ? [p.error] : p.source && !p.source.ok ? p.source.reasons : [];
      report(index, { ...base(p), outcome: 'skipped', folder: null, source: null, reasons, problems: [] });
      return;
    }
    const origin = p.source.source.source;
    try {
      // The section lines, and the land description where nothing was entered, from the imported PLSS.
      const source = await withPlss(deps.db, p.source.source);
      if (signal?.aborted) throw new AppError('cancelled', 'Cancelled.');
      const generated = await deps.pool.run({
        source,
        preparedOn: deskDay(at),
        generatedAt: at.toISOString(),
        generator: deps.generator,
        resourcesDir: deps.resourcesDir,
        maps,
      });
      if (signal?.aborted) throw new AppError('cancelled', 'Cancelled.');
      const folder = join(options.outDir, folderName);
      await writePackageFolder(folder, generated.files, generated.manifest, { durable: false });
      report(index, { ...base(p), outcome: 'exported', folder, source: source.source, reasons: [], problems: generated.manifest.problems });
    } catch (error) {
      const cancelled = error instanceof AppError && error.code === 'cancelled';
      report(index, { ...base(p), outcome: cancelled ? 'cancelled' : 'failed', folder: null, source: origin, reasons: cancelled ? [] : [errorMessage(error)], problems: [] });
    }
  };
  try {
    // Each order goes to the pool as soon as it is read, so the workers render the first packages while the rest
    // are still being read (reading them all first left the workers idle for seconds on a large export).
    const running: Promise<void>[] = [];
    for (const [index, key] of options.orders.entries()) {
      const p = await readExportSource(deps, key, options.dateOfLocation);
      running.push(exportOne(p, index, folderNames[index]!));
    }
    await Promise.all(running);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return { outDir: options.outDir, results, cancelled: signal?.aborted ?? false };
}
