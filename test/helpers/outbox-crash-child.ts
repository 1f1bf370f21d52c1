/**
 * A separate process for the outbox crash tests: signs in, then either sends the outbox or queues an order
 * status change, and kills itself with SIGKILL at the step named in CRASH_AT (no cleanup, no flush: a real
 * crash). Without CRASH_AT it runs to the end and prints a JSON report.
 *
 *   tsx test/helpers/outbox-crash-child.ts <dataDir> <serverUrl> drain
 *   tsx test/helpers/outbox-crash-child.ts <dataDir> <serverUrl> status <jobId> <status>
 */
import { join } from 'node:path';
import { createGeoDbClient } from '../../core/api/geodb-client';
import { openDatabase } from '../../core/db/open-database';
import { enqueueStatusChange } from '../../core/outbox/outbox-queue';
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
    const actor = { username: 'demo-staff', role: 'staff' as const };
    const result = await enqueueStatusChange({ db: opened.db, dataDir, now, afterLocalWrite: () => crash('status-local-write') }, Number(jobId), target, 'crash test', actor);
    process.stdout.write(`${JSON.stringify(result)}\n`);
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
