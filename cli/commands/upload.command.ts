/**
 * `claimdesk upload (--order TYPE:ID ... | --all-ready)` and `claimdesk push`: queue packages in the outbox and
 * send what is due, through the same outbox as the app. An order without a job gets one (its claims as drawn,
 * as export does) and a package first; an order that cannot be fulfilled is reported, not guessed at. A job
 * whose upload is already waiting is not queued twice. Exit 0 when nothing is left to send, 1 when work
 * remains (each entry's state and reason printed), 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { signInRequestSchema } from '../../shared/domain/session.types';
import { JOB_STEPS, type JobStep } from '../../shared/jobs/job.types';
import type { OrderKey } from '../../shared/domain/order.types';
import { AppError } from '../../shared/errors';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import type { OutboxEntryView } from '../../shared/outbox/outbox.types';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { UsageError, withApp, type CliIo } from '../cli-context';
import { parseOrderKey } from './export.command';

const SIGN_IN_HELP =
  'needs --server URL --username U --password P (or CLAIMDESK_SERVER / _USERNAME / _PASSWORD): the desktop app keeps its sign-in encrypted for itself';

function describe(entry: OutboxEntryView): string {
  const next = entry.state === 'retry' && entry.nextAttemptAt ? `, next attempt ${entry.nextAttemptAt}` : '';
  const why = entry.lastError ? `\n    ${entry.lastError}` : '';
  return `${entry.state.padEnd(12)} ${entry.orderNumber} ${entry.summary} (attempts ${entry.attempts}${next})${why}`;
}

async function signIn(app: ClaimDeskApp, values: { server?: string; username?: string; password?: string }, io: CliIo, command: string): Promise<void> {
  const request = signInRequestSchema.safeParse({
    serverUrl: values.server ?? io.env.CLAIMDESK_SERVER,
    username: values.username ?? io.env.CLAIMDESK_USERNAME,
    password: values.password ?? io.env.CLAIMDESK_PASSWORD,
  });
  if (!request.success) throw new UsageError(`${command} ${SIGN_IN_HELP}.`);
  const session = await app.handlers.signIn(request.data);
  if (!session.isStaff) throw new AppError('staff-required', `Staff access required: ${session.username ?? 'this account'} is not a staff account.`);
}

/** The later of two wizard steps: the CLI never moves a job back. */
function after(step: JobStep, atLeast: JobStep): JobStep {
  return JOB_STEPS.indexOf(step) >= JOB_STEPS.indexOf(atLeast) ? step : atLeast;
}

/** The job for an order, with a layout and a current package; null (and the reasons printed) when it cannot have one. */
async function preparedJob(app: ClaimDeskApp, key: OrderKey, io: CliIo): Promise<number | null> {
  let job = await app.handlers.pullOrder(key);
  if (job.layout.claims.length === 0 && job.order.orderClaims.length > 0) {
    const claims = claimsFromOrder(job.order.orderClaims, job.crs.epsg, job.order.orderNumber || 'Claim');
    job = await app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims, grid: null } } });
  }
  if ((await app.handlers.getPackage({ jobId: job.id })).package) return job.id;
  try {
    // As staff would: past Validate (checked again in the back-end) before the documents are made.
    if (job.workflow.state === 'pulled' || job.workflow.state === 'laying_out') {
      job = await app.handlers.saveJob({ jobId: job.id, patch: { step: after(job.step, 'claimant') } });
    }
    await app.handlers.generatePackage({ jobId: job.id });
    return job.id;
  } catch (error) {
    io.stdout(`skipped      ${job.order.orderNumber}: ${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
}

async function finish(app: ClaimDeskApp, io: CliIo, jobIds: readonly number[] | null, json: boolean): Promise<number> {
  await app.handlers.sendOutboxNow({});
  const { entries } = await app.handlers.listOutbox({ includeClosed: true });
  const shown = entries.filter((e) => (jobIds === null ? e.state !== 'done' && e.state !== 'discarded' : jobIds.includes(e.jobId)));
  const open = entries.filter((e) => !['done', 'discarded'].includes(e.state));
  if (json) io.stdout(`${JSON.stringify({ entries: shown, remaining: open.length }, null, 2)}\n`);
  else {
    for (const entry of [...shown].reverse()) io.stdout(`${describe(entry)}\n`);
    io.stdout(open.length === 0 ? 'Nothing left to send.\n' : `${open.length} outbox entries still to send or to decide on.\n`);
  }
  return open.length === 0 ? 0 : 1;
}

const COMMON = {
  'data-dir': { type: 'string' },
  server: { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export async function runUploadCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { ...COMMON, order: { type: 'string', multiple: true }, 'all-ready': { type: 'boolean', default: false } } });
  const orders = (values.order ?? []).map(parseOrderKey);
  if (values['all-ready'] === orders.length > 0) throw new UsageError('Give either --order TYPE:ID (one or more) or --all-ready.');
  return withApp(values['data-dir'], io, async (app) => {
    await signIn(app, values, io, 'upload');
    const jobIds: number[] = [];
    if (values['all-ready']) {
      jobIds.push(...(await app.handlers.listReadyToUpload({})).jobIds);
    } else {
      for (const key of orders) {
        const jobId = await preparedJob(app, key, io);
        if (jobId !== null) jobIds.push(jobId);
      }
    }
    for (const jobId of jobIds) {
      const waiting = (await app.handlers.listOutbox({ jobId })).entries.find((e) => e.kind === 'upload');
      if (!waiting) await app.handlers.queueUpload({ jobId });
    }
    const code = await finish(app, io, jobIds, values.json);
    return jobIds.length < (values['all-ready'] ? jobIds.length : orders.length) ? 1 : code;
  });
}

export async function runPushCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: COMMON });
  return withApp(values['data-dir'], io, async (app) => {
    await signIn(app, values, io, 'push');
    return finish(app, io, null, values.json);
  });
}
