/**
 * `claimdesk history --order TYPE:ID`: an order's job transition log, oldest first, for people or (--json) as one
 * JSON array of {from, to, event, actor, at, reason} (plus override and overridden). Reads the local cache only.
 */
import { parseArgs } from 'node:util';
import { orderKeyString } from '../../shared/domain/order.types';
import { getJobRowByOrder } from '../../core/repos/jobs.repo';
import { listTransitions } from '../../core/repos/workflow.repo';
import { toTransitionView } from '../../core/workflow/transition-view';
import { UsageError, withDatabase, type CliIo } from '../cli-context';
import { parseOrderKey } from '../order-key-arg';

export async function runHistoryCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { order: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!values.order) throw new UsageError('history needs --order TYPE:ID.');
  const key = parseOrderKey(values.order);
  return withDatabase(values['data-dir'], io, async (db) => {
    const job = await getJobRowByOrder(db, key);
    const entries = job ? (await listTransitions(db, job.id)).map(toTransitionView) : [];
    if (values.json) {
      const printed = entries.map((e) => ({ from: e.from, to: e.to, event: e.event, actor: e.actor, at: e.at, reason: e.reason, override: e.override, overridden: e.overridden }));
      io.stdout(`${JSON.stringify(printed, null, 2)}\n`);
      return 0;
    }
    if (!job) {
      io.stdout(`${orderKeyString(key)} has no job yet: nothing has happened to it in ClaimDesk.\n`);
      return 0;
    }
    for (const e of entries) {
      const override = e.override ? `  OVERRIDE (${e.overridden.join(', ')})` : '';
      const why = e.reason ? `  — ${e.reason}` : '';
      io.stdout(`${e.at}  ${(e.from ?? '—').padEnd(15)} → ${e.to.padEnd(15)} ${e.event.padEnd(20)} ${e.actor.username} (${e.actor.role})${override}${why}\n`);
    }
    return 0;
  });
}
