/**
 * A separate process for the outbox crash tests: signs in, then either sends the outbox or writes an order status
 * change through the outbox writer (as a hold does), and kills itself with SIGKILL at the step named in CRASH_AT
 * (no cleanup, no flush: a real crash). Without CRASH_AT it runs to the end and prints a JSON report.
 *
 *   tsx test/helpers/outbox-crash-child.ts <dataDir> <serverUrl> drain
 *   tsx test/helpers/outbox-crash-child.ts <dataDir> <serverUrl> status <jobId> <status>
 */
import { join } from 'node:path';
import { createGeoDbClient } from '../../core/api/geodb-client';
import { openDatabase } from '../../core/db/open-database';
import { writeOutgoing } from '../../core/outbox/outbox-writer';
import { getJobRow } from '../../core/repos/jobs.repo';
import { rowToJob } from '../../core/repos/jobs.mapper';
import { createOutboxRunner } from '../../core/outbox/outbox-runner';
import { createSessionService } from '../../core/session/session.service';
import { createMemoryTokenStore } from '../../core/session/token-store';
import { orderStatusChangeSchema } from '../../shared/outbox/outbox.types';

const [dataDir, serverUrl, mode, jobId, status] = process.argv.slice(2);
const crashAt = process.env.CRASH_AT;

function crash(step: string): void {
  if (step === crashAt) process.kill(process.pid, 'SIGKILL');
}

async function main(): Promise<void> {
  if (!dataDir || !serverUrl || !mode) throw new Error('usage: <dataDir> <serverUrl> drain|status [jobId status]');
  const opened = await openDatabase({ file: join(dataDir, 'claimdesk.sqlite') });
  const createClient = (url: string) => createGeoDbClient({ baseUrl: url, timeoutMs: 10_000 });
  const session = createSessionService({ db: opened.db, tokenStore: createMemoryTokenStore(), createClient });
  await session.signIn({ serverUrl, username: 'demo-staff', password: 'claimdesk-demo' });
  const now = () => new Date();
  if (mode === 'status') {
    const target = orderStatusChangeSchema.parse(status);
    const row = await getJobRow(opened.db, Number(jobId));
    if (!row) throw new Error(`job ${jobId} does not exist`);
    const { order } = rowToJob(row);
    const payload = { orderType: order.orderType, orderId: order.orderId, orderNumber: order.orderNumber, status: target, reason: 'crash test' };
    const at = now().toISOString();
    const [entryId] = await opened.db
      .transaction()
      .execute((trx) => writeOutgoing(trx, row.id, [{ kind: 'status', payload }], { at, queuedBy: 'demo-staff' }, { afterLocalWrite: () => crash('status-local-write') }));
    process.stdout.write(`${JSON.stringify({ entryId })}\n`);
  } else {
    const runner = createOutboxRunner({ db: opened.db, dataDir, getAuth: session.getAuth, createClient, now, onStep: crash });
    const recovered = await runner.recover();
    const report = await runner.drain();
    process.stdout.write(`${JSON.stringify({ recovered, ...report })}\n`);
  }
  await opened.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
