/**
 * `claimdesk record` and `claimdesk file`: what the county recorder and BLM answered for a delivered order, entered
 * from a script as staff enter it on the Recording & filing panel. The same filings service checks each entry
 * against the package as recorded (claim names, date of location, claimants, duplicate serials) and moves the job
 * to recorded or filed; the order event then goes to the server through the outbox, sent at once when it can be.
 *
 * The date of location and claimants BLM names default to what the package printed: staff type them only when
 * BLM's answer differs, and the check then says how.
 */
import { parseArgs } from 'node:util';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { orderKeyString, type OrderKey } from '../../shared/domain/order.types';
import { AppError } from '../../shared/errors';
import { parseUsd, type JobFilings } from '../../shared/filings/filing.types';
import { UsageError, withApp, type CliIo } from '../cli-context';
import { readSignInRequest, SIGN_IN_OPTIONS, signInForCommand } from '../sign-in';
import { parseOrderKey } from '../order-key-arg';

const COMMON = {
  order: { type: 'string' },
  on: { type: 'string' },
  'data-dir': { type: 'string' },
  ...SIGN_IN_OPTIONS,
  json: { type: 'boolean', default: false },
} as const;

function cents(text: string | undefined, flag: string): number {
  if (text === undefined) throw new UsageError(`--${flag} is required (dollars, e.g. 12.00).`);
  const value = parseUsd(text);
  if (value === null) throw new UsageError(`--${flag} "${text}" is not an amount in dollars (e.g. 12.00 or 1,644.00).`);
  return value;
}

function required(value: string | undefined, usage: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(usage);
  return value;
}

/** The delivered order's job and what it can take; a job that is not delivered is refused by the service itself. */
async function jobFor(app: ClaimDeskApp, key: OrderKey): Promise<{ jobId: number; filings: JobFilings }> {
  const job = (await app.handlers.listJobs({})).jobs.find((j) => j.orderType === key.orderType && j.orderId === key.id);
  if (!job) throw new AppError('not-found', `${orderKeyString(key)} has no job in this cache: it was never pulled here, so it has no package to record.`);
  return { jobId: job.id, filings: await app.handlers.getFilings({ jobId: job.id }) };
}

/** Sends the queued order event now; what the server refuses stays in the outbox, failed, for `claimdesk push`. */
async function sendEvents(app: ClaimDeskApp, jobId: number): Promise<{ sent: boolean; waiting: string | null }> {
  await app.handlers.sendOutboxNow({});
  const open = (await app.handlers.listOutbox({ jobId })).entries.filter((e) => e.kind === 'event');
  const stuck = open.find((e) => e.state !== 'done');
  return { sent: stuck === undefined, waiting: stuck ? (stuck.lastError ?? stuck.state) : null };
}

function report(io: CliIo, json: boolean, key: OrderKey, state: string, what: string, details: object, warnings: string[], outbox: { sent: boolean; waiting: string | null }): number {
  if (json) {
    io.stdout(`${JSON.stringify({ order: orderKeyString(key), state, ...details, warnings, sent: outbox.sent, waiting: outbox.waiting }, null, 2)}\n`);
    return 0;
  }
  io.stdout(`${orderKeyString(key)}: ${what}; the job is now ${state}.\n`);
  for (const warning of warnings) io.stdout(`warning: ${warning}\n`);
  io.stdout(outbox.sent ? 'The server has the entry.\n' : `The entry waits in the outbox (${outbox.waiting}); \`claimdesk push\` sends it.\n`);
  return 0;
}

export async function runRecordCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { ...COMMON, office: { type: 'string' }, instrument: { type: 'string' }, book: { type: 'string' }, page: { type: 'string' }, fee: { type: 'string' } },
  });
  const key = parseOrderKey(required(values.order, 'record needs --order TYPE:ID.'));
  const recordedOn = required(values.on, 'record needs --on YYYY-MM-DD (the day the county recorded the notices).');
  if (!values.instrument && !(values.book && values.page)) throw new UsageError('record needs --instrument N, or --book B and --page P, as the recorder stamped them.');
  const feePaidCents = cents(values.fee, 'fee');
  const request = await readSignInRequest(values, io, 'record');
  return withApp(values['data-dir'], io, async (app) => {
    await signInForCommand(app, request);
    const { jobId, filings } = await jobFor(app, key);
    const office = values.office ?? filings.recordedPackage?.office;
    if (!office) throw new UsageError('record needs --office (the county recorder or recording district): the package names none.');
    const result = await app.handlers.recordCountyRecording({
      jobId,
      recordedOn,
      office,
      instrumentNumber: values.instrument ?? null,
      book: values.book ?? null,
      page: values.page ?? null,
      feePaidCents,
    });
    const state = (await app.handlers.getJob({ jobId })).workflow.state;
    return report(io, values.json, key, state, `recorded ${recordedOn} with ${office}`, { recording: result.filings.recording }, result.warnings, await sendEvents(app, jobId));
  });
}

/** "CO 1=NMC1051001": the claim's name as printed, and the serial number BLM gave it. */
function parseSerial(text: string): { name: string; serial: string } {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1) throw new UsageError(`--serial "${text}" is not NAME=SERIAL (e.g. "CO 1=NV105140001").`);
  return { name: text.slice(0, at).trim(), serial: text.slice(at + 1).trim() };
}

export async function runFileCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...COMMON,
      serial: { type: 'string', multiple: true },
      fees: { type: 'string' },
      'date-of-location': { type: 'string' },
      claimant: { type: 'string', multiple: true },
    },
  });
  const key = parseOrderKey(required(values.order, 'file needs --order TYPE:ID.'));
  const filedOn = required(values.on, 'file needs --on YYYY-MM-DD (the day BLM received the filing).');
  const claims = (values.serial ?? []).map(parseSerial);
  if (claims.length === 0) throw new UsageError('file needs one --serial NAME=SERIAL per claim, as BLM numbered them.');
  const feesPaidCents = cents(values.fees, 'fees');
  const request = await readSignInRequest(values, io, 'file');
  return withApp(values['data-dir'], io, async (app) => {
    await signInForCommand(app, request);
    const { jobId, filings } = await jobFor(app, key);
    const printed = filings.recordedPackage;
    if (!printed) throw new AppError('not-ready', `${orderKeyString(key)} has no package with a date of location: there is nothing recorded to file.`);
    const result = await app.handlers.recordBlmFiling({
      jobId,
      filedOn,
      claims,
      dateOfLocation: values['date-of-location'] ?? printed.dateOfLocation,
      claimants: values.claimant ?? printed.claimants,
      feesPaidCents,
    });
    const state = (await app.handlers.getJob({ jobId })).workflow.state;
    return report(io, values.json, key, state, `filed with BLM ${filedOn}`, { blm_filing: result.filings.blmFiling }, result.warnings, await sendEvents(app, jobId));
  });
}
