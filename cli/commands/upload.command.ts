/**
 * `claimdesk upload (--order TYPE:ID ... | --all-ready)` and `claimdesk push`: queue packages in the outbox and
 * send what is due, through the same outbox as the app. An order without a job gets one (its claims as drawn,
 * as export does) and a package first; an order that cannot be fulfilled is reported, not guessed at. A job
 * whose upload is already waiting is not queued twice. Exit 0 when nothing is left to send, 1 when work
 * remains (each entry's state and reason printed), 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import type { Job } from '../../shared/jobs/job.types';
import type { OrderKey } from '../../shared/domain/order.types';
import { errorMessage } from '../../shared/errors';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import type { OutboxEntryView } from '../../shared/outbox/outbox.types';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { UsageError, withApp, type CliIo } from '../cli-context';
import { readSignInRequest, SIGN_IN_OPTIONS, signInForCommand } from '../sign-in';
import { parseOrderKey } from '../order-key-arg';
import { LEASE_TTL_MS } from '../../core/outbox/outbox-lease';

function describe(entry: OutboxEntryView): string {
  const next = entry.state === 'retry' && entry.nextAttemptAt ? `, next attempt ${entry.nextAttemptAt}` : '';
  const why = [entry.waitReason, entry.lastError].filter(Boolean).map((text) => `\n    ${text}`).join('');
  return `${entry.state.padEnd(12)} ${entry.orderNumber} ${entry.summary} (attempts ${entry.attempts}${next})${why}`;
}

/** An order that could not be queued: it is reported (as a line, or in --json's `skipped`), never guessed at. */
interface Skipped {
  order_number: string;
  reason: string;
}

/** The order's job (pulled if it has none), laid out with the order's claims as drawn when it has no layout yet. */
export async function jobWithClaims(app: ClaimDeskApp, key: OrderKey): Promise<Job> {
  const job = await app.handlers.pullOrder(key);
  if (job.layout.claims.length > 0 || job.order.orderClaims.length === 0) return job;
  const claims = claimsFromOrder(job.order.orderClaims, job.crs.epsg, job.order.orderNumber || 'Claim');
  return app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims, grid: null } } });
}

/** The job for an order, with a layout and a current package; null (and why, in `skipped`) when it cannot have one. */
async function preparedJob(app: ClaimDeskApp, key: OrderKey, skipped: Skipped[]): Promise<number | null> {
  let job = await jobWithClaims(app, key);
  if ((await app.handlers.getPackage({ jobId: job.id })).package) return job.id;
  try {
    // As staff would: the layout accepted (checked in the back-end) before the documents are made.
    if (!job.workflow.steps.validate.done) job = await app.handlers.validateLayout({ jobId: job.id });
    await app.handlers.generatePackage({ jobId: job.id });
    return job.id;
  } catch (error) {
    skipped.push({ order_number: job.order.orderNumber, reason: errorMessage(error) });
    return null;
  }
}

/** Longer than a lease: a sender that hangs instead of finishing is taken over (and its entry sent) within it. */
const WAIT_FOR_OTHER_SENDERS_MS = LEASE_TTL_MS + 5_000;

/**
 * Sends what is due under this account; entries another ClaimDesk process (the app) is sending right now are
 * waited for rather than sent twice, and whatever they held back is sent after them.
 */
async function sendAll(app: ClaimDeskApp): Promise<OutboxEntryView[]> {
  const deadline = Date.now() + WAIT_FOR_OTHER_SENDERS_MS;
  for (;;) {
    await app.handlers.sendOutboxNow({});
    const { entries } = await app.handlers.listOutbox({ includeClosed: true });
    const othersSending = entries.some((e) => e.state === 'sending' && e.waitReason !== null);
    if (!othersSending || Date.now() > deadline) return entries;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function finish(app: ClaimDeskApp, io: CliIo, jobIds: readonly number[] | null, json: boolean, skipped: Skipped[] = []): Promise<number> {
  const entries = await sendAll(app);
  const shown = entries.filter((e) => (jobIds === null ? e.state !== 'done' && e.state !== 'discarded' : e.jobId !== null && jobIds.includes(e.jobId)));
  const open = entries.filter((e) => !['done', 'discarded'].includes(e.state));
  if (json) io.stdout(`${JSON.stringify({ entries: shown, remaining: open.length, skipped }, null, 2)}\n`);
  else {
    for (const order of skipped) io.stdout(`skipped      ${order.order_number}: ${order.reason}\n`);
    for (const entry of [...shown].reverse()) io.stdout(`${describe(entry)}\n`);
    io.stdout(open.length === 0 ? 'Nothing left to send.\n' : `${open.length} outbox entries still to send or to decide on.\n`);
  }
  return open.length === 0 ? 0 : 1;
}

const COMMON = {
  'data-dir': { type: 'string' },
  ...SIGN_IN_OPTIONS,
  json: { type: 'boolean', default: false },
} as const;

export async function runUploadCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { ...COMMON, order: { type: 'string', multiple: true }, 'all-ready': { type: 'boolean', default: false } } });
  const orders = (values.order ?? []).map(parseOrderKey);
  if (values['all-ready'] === orders.length > 0) throw new UsageError('Give either --order TYPE:ID (one or more) or --all-ready.');
  const request = await readSignInRequest(values, io, 'upload');
  return withApp(values['data-dir'], io, async (app) => {
    await signInForCommand(app, request);
    const jobIds: number[] = [];
    const skipped: Skipped[] = [];
    if (values['all-ready']) {
      jobIds.push(...(await app.handlers.listReadyToUpload({})).jobIds);
    } else {
      for (const key of orders) {
        const jobId = await preparedJob(app, key, skipped);
        if (jobId !== null) jobIds.push(jobId);
      }
    }
    // One transaction for all of them (an upload already waiting is not queued twice); a job the outbox refuses is
    // reported with why and holds back none of the others.
    const { refused } = jobIds.length > 0 ? await app.handlers.queueUploads({ jobIds }) : { refused: [] };
    for (const job of refused) skipped.push({ order_number: job.orderNumber ?? `job ${job.jobId}`, reason: job.message });
    const code = await finish(app, io, jobIds, values.json, skipped);
    return refused.length > 0 || jobIds.length < (values['all-ready'] ? jobIds.length : orders.length) ? 1 : code;
  });
}

export async function runPushCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: COMMON });
  const request = await readSignInRequest(values, io, 'push');
  return withApp(values['data-dir'], io, async (app) => {
    await signInForCommand(app, request);
    return finish(app, io, null, values.json);
  });
}
