/**
 * Desk assignment from the command line, over the same services and outbox as the app:
 *   pull --order TYPE:ID [--reason R]     sync, then create or resume the order's job and claim the order (a manager
 *                                         or admin with --reason takes it over from another desk); exit 1 with the
 *                                         holder's sentence when someone else has it
 *   release --order TYPE:ID               end this desk's claim
 *   assign --order TYPE:ID --to USER --reason R   a manager or admin gives the order to USER
 * Each signs in (as upload does), sends what it queued and reports what the server answered. A server without desk
 * assignment is said once and the command still succeeds: the work goes on without a claim.
 */
import { parseArgs } from 'node:util';
import type { OrderKey } from '../../shared/domain/order.types';
import { AppError } from '../../shared/errors';
import type { OutboxEntryView } from '../../shared/outbox/outbox.types';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { createGeoDbClient } from '../../core/api/geodb-client';
import { ASSIGNMENT_UNSUPPORTED_MESSAGE } from '../../core/outbox/assignment-outcome';
import { UsageError, withApp, type CliIo } from '../cli-context';
import { readSignInRequest, SIGN_IN_OPTIONS, signInForCommand } from '../sign-in';
import { parseOrderKey } from '../order-key-arg';

const OPTIONS = {
  'data-dir': { type: 'string' },
  ...SIGN_IN_OPTIONS,
  json: { type: 'boolean', default: false },
  order: { type: 'string' },
  reason: { type: 'string' },
  to: { type: 'string' },
} as const;

interface Report {
  order: string;
  job_id: number | null;
  workflow_state: string | null;
  /** What the server answered: claimed, released, assigned, held (someone else has it), unsupported, or queued (not reachable now). */
  outcome: 'claimed' | 'released' | 'assigned' | 'held' | 'unsupported' | 'queued' | 'unchanged';
  assigned_to: string | null;
  message: string;
}

function orderArg(value: string | undefined, command: string): OrderKey {
  if (!value) throw new UsageError(`${command} needs --order TYPE:ID.`);
  return parseOrderKey(value);
}

/** The job's newest assignment entry after sending, read as the outcome of what was queued. */
async function outcomeOf(app: ClaimDeskApp, jobId: number, done: Report['outcome']): Promise<{ outcome: Report['outcome']; message: string | null }> {
  const entries = (await app.handlers.listOutbox({ jobId, includeClosed: true })).entries.filter((e: OutboxEntryView) => e.kind === 'assignment');
  const latest = entries[0];
  if (!latest) return { outcome: 'unchanged', message: null };
  if (latest.state === 'done') return { outcome: done, message: null };
  if (latest.state === 'discarded') {
    const unsupported = latest.lastError?.startsWith(ASSIGNMENT_UNSUPPORTED_MESSAGE.slice(0, 40)) ?? false;
    return { outcome: unsupported ? 'unsupported' : 'held', message: latest.lastError };
  }
  return { outcome: 'queued', message: `The request waits in the outbox (${latest.state}${latest.lastError ? `: ${latest.lastError}` : ''}); it is sent when the server can be reached.` };
}

async function report(app: ClaimDeskApp, key: OrderKey, jobId: number | null, outcome: Report['outcome'], message: string): Promise<Report> {
  const order = await app.handlers.getOrder(key);
  const job = jobId === null ? null : await app.handlers.getJob({ jobId });
  return { order: order.orderNumber, job_id: jobId, workflow_state: job?.workflow.state ?? null, outcome, assigned_to: order.assignedTo?.name ?? null, message };
}

function print(io: CliIo, json: boolean, result: Report): number {
  // Someone else has it: a failure like any other (exit 1, the one {error} document with --json), naming them.
  if (result.outcome === 'held') throw new AppError('assignment-held', result.message);
  if (json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout(`${result.order}: ${result.message}\n`);
  return 0;
}

const sentence = (outcome: Report['outcome'], holder: string | null, message: string | null): string => {
  if (outcome === 'claimed') return `Claimed for this desk${holder ? ` (${holder})` : ''}.`;
  if (outcome === 'released') return 'Released: other desks may pull it now.';
  if (outcome === 'assigned') return `Assigned to ${holder ?? 'the new holder'}.`;
  if (outcome === 'unsupported') return ASSIGNMENT_UNSUPPORTED_MESSAGE;
  if (outcome === 'unchanged') return 'Nothing to send: this server does not take desk assignment, or the request is already on its way.';
  return message ?? '';
};

export async function runAssignmentCommand(command: 'pull' | 'release' | 'assign', args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: OPTIONS });
  const key = orderArg(values.order, command);
  if (command === 'assign' && (!values.to || !values.reason)) throw new UsageError('assign needs --to USER and --reason R.');
  if (command !== 'assign' && values.to) throw new UsageError(`${command} takes no --to; use assign.`);
  if (command === 'release' && values.reason) throw new UsageError('release takes no --reason.');
  const request = await readSignInRequest(values, io, command);
  return withApp(values['data-dir'], io, async (app) => {
    await signInForCommand(app, request);
    // The holder as the server says now; offline, the cache's word (the claim is then sent when the network returns).
    await app.handlers.runSync({}).catch(() => undefined);
    const existing = (await app.handlers.listJobs({})).jobs.find((j) => j.orderType === key.orderType && j.orderId === key.id);
    const takeOver = values.reason ? { reason: values.reason, ...(values.to ? { to: values.to } : {}) } : undefined;

    if (command === 'assign' && !existing) {
      // No job here: the manager's decision goes straight to the server (nothing local to log it under).
      const client = createGeoDbClient({ baseUrl: request.serverUrl });
      const { token } = await client.signIn(request.username, request.password);
      const answer = await client.postAssignment({ serverUrl: request.serverUrl, token }, 'takeOver', { orderType: key.orderType, id: key.id }, { reason: values.reason, username: values.to }, crypto.randomUUID());
      if (answer.kind === 'unsupported') return print(io, values.json, await report(app, key, null, 'unsupported', ASSIGNMENT_UNSUPPORTED_MESSAGE));
      if (answer.kind === 'held') throw new AppError('assignment-held', answer.message);
      await app.handlers.runSync({}).catch(() => undefined);
      return print(io, values.json, await report(app, key, null, 'assigned', `Assigned to ${answer.holder?.name ?? values.to ?? ''}.`));
    }

    let jobId: number;
    if (command === 'pull' && !existing) jobId = (await app.handlers.pullOrder({ ...key, ...(takeOver ? { override: { reason: takeOver.reason } } : {}) })).id;
    else if (command === 'release') jobId = (await app.handlers.releaseOrder(key)).jobId;
    else jobId = (await app.handlers.claimOrder({ ...key, ...(takeOver ? { takeOver } : {}) })).jobId;
    await app.handlers.sendOutboxNow({});
    const done = command === 'release' ? 'released' : command === 'assign' ? 'assigned' : 'claimed';
    const { outcome, message } = await outcomeOf(app, jobId, done);
    const holder = (await app.handlers.getOrder(key)).assignedTo?.name ?? null;
    return print(io, values.json, await report(app, key, jobId, outcome, sentence(outcome, holder, message)));
  });
}
