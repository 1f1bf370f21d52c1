/**
 * `claimdesk export (--order TYPE:ID ... | --all) --out DIR [--data-dir DIR] [--date-of-location YYYY-MM-DD] [--json]`
 * Writes one staking-package folder per order into DIR. Exit 0 when every order was exported, 1 when some were
 * skipped or failed (each with its reasons), 2 on bad usage. Ctrl-C stops after the packages being made.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { isoDateSchema, type ExportResult } from '../../shared/documents/package-info.types';
import { orderKeyString } from '../../shared/domain/order.types';
import { parseOrderKey } from '../order-key-arg';
import { exportPackages } from '../../core/documents/export.service';
import { findResourcesDir } from '../../core/documents/fonts';
import { createPackageWorkerPool } from '../../core/documents/worker-pool';
import { lookupLocation } from '../../core/geo/location-lookup';
import { listActiveOrderKeys } from '../../core/repos/orders.repo';
import { AppError } from '../../shared/errors';
import { UsageError, withDatabase, type CliIo } from '../cli-context';

function describe(result: ExportResult): string {
  const head = `${result.orderNumber} (${orderKeyString({ orderType: result.orderType, id: result.orderId })})`;
  if (result.outcome === 'exported') {
    const problems = result.problems.map((p) => `\n    problem: ${p.claim ? `${p.claim}: ` : ''}${p.message}`).join('');
    return `exported ${head} from its ${result.source} → ${result.folder}${problems}`;
  }
  return `${result.outcome} ${head}${result.reasons.map((reason) => `\n    ${reason}`).join('')}`;
}

export async function runExportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      order: { type: 'string', multiple: true },
      all: { type: 'boolean', default: false },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
      'date-of-location': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const orderArgs = values.order ?? [];
  if (values.all === (orderArgs.length > 0)) throw new UsageError('Give either --order TYPE:ID (one or more) or --all.');
  if (!values.out) throw new UsageError('--out DIR is required: the folder the packages are written to.');
  const date = values['date-of-location'];
  if (date !== undefined && !isoDateSchema.safeParse(date).success) throw new UsageError(`--date-of-location "${date}" is not a date like 2026-08-15.`);
  const explicit = orderArgs.map(parseOrderKey);
  const outDir = resolve(values.out);

  return withDatabase(values['data-dir'], io, async (db) => {
    const orders = values.all ? await listActiveOrderKeys(db) : explicit;
    if (orders.length === 0) throw new AppError('not-found', 'There are no orders in the local cache to export. Run `claimdesk sync` first.');
    const pool = createPackageWorkerPool();
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    try {
      const report = await exportPackages(
        { db, pool, resourcesDir: findResourcesDir(), lookupLocation, now: () => new Date(), generator: { name: 'ClaimDesk', version } },
        {
          orders,
          outDir,
          dateOfLocation: date,
          signal: controller.signal,
          onProgress: (progress) => {
            if (!values.json && progress.last) io.stderr(`[${progress.done}/${progress.total}] ${progress.last.outcome} ${progress.last.orderNumber}\n`);
          },
        },
      );
      if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      else for (const result of report.results) io.stdout(`${describe(result)}\n`);
      const exported = report.results.filter((r) => r.outcome === 'exported').length;
      if (!values.json) io.stdout(`${exported} of ${report.results.length} orders exported to ${outDir}\n`);
      return exported === report.results.length ? 0 : 1;
    } finally {
      process.off('SIGINT', onSigint);
      await pool.close();
    }
  });
}
