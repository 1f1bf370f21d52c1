/**
 * `claimdesk deadlines [--within DAYS] [--on YYYY-MM-DD] [--json]`: every open deadline of the claims ClaimDesk
 * staked, soonest first, from the local cache. --json prints [{order, claim, kind, due, status}] for jq; --within
 * keeps those due on or before today + DAYS (overdue ones included); --on counts as on another day.
 */
import { parseArgs } from 'node:util';
import { isoDateOrNull } from '../../shared/documents/calendar';
import { deskDay } from '../../shared/domain/calendar-date';
import { listManagedDeadlines } from '../../core/deadlines/deadlines.service';
import { UsageError, withDatabase, type CliIo } from '../cli-context';

function withinDays(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d{1,4}$/.test(text.trim())) throw new UsageError(`--within takes a whole number of days (0 to 9999), not "${text}".`);
  return Number(text);
}

export async function runDeadlinesCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { within: { type: 'string' }, on: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const within = withinDays(values.within);
  const today = values.on === undefined ? deskDay(new Date()) : isoDateOrNull(values.on);
  if (today === null) throw new UsageError(`--on takes a date as YYYY-MM-DD, not "${values.on}".`);
  return withDatabase(values['data-dir'], io, async (db) => {
    const { deadlines, problems } = await listManagedDeadlines(db, today, { withinDays: within });
    for (const problem of problems) io.stderr(`claimdesk: ${problem}\n`);
    if (values.json) {
      io.stdout(`${JSON.stringify(deadlines.map((d) => ({ order: d.order, claim: d.claim, kind: d.kind, due: d.due, status: d.status })), null, 2)}\n`);
      return 0;
    }
    if (deadlines.length === 0) {
      io.stdout(within === null ? 'No open deadlines: no package with a date of location is in the cache.\n' : `Nothing due within ${within} days of ${today}.\n`);
      return 0;
    }
    for (const d of deadlines) {
      const flag = d.status === 'overdue' ? 'OVERDUE' : d.status === 'due-soon' ? 'due soon' : d.status;
      io.stdout(`${d.due}  ${flag.padEnd(8)}  ${d.order.padEnd(16)} ${d.claim.padEnd(20)} ${d.kind.padEnd(11)} ${d.label} (${d.citation})\n`);
    }
    return 0;
  });
}
