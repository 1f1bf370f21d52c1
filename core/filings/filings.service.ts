/**
 * Recording and filing after delivery: staff enter what the county recorder (or Alaska recording district) and BLM
 * answered for a delivered job. Each entry is checked against the package as recorded (filing-checks.ts), stored,
 * moves the job to recorded or filed through the transition table, and is queued for the server as an order event,
 * all in one transaction; the transition log carries it into the job's History. A refusal changes nothing.
 */
import type { Kysely } from 'kysely';
import { formatUsd } from '../../shared/documents/fees/fees';
import { deskDay } from '../../shared/domain/calendar-date';
import { AppError } from '../../shared/errors';
import { blmFilingWarnings, checkBlmFiling, checkCountyRecording, normaliseSerial, type FilingProblem, type FilingWarning } from '../../shared/filings/filing-checks';
import type { BlmFilingForm, CountyRecordingForm, JobFilings } from '../../shared/filings/filing.types';
import type { FilingPayload } from '../../shared/outbox/outbox.types';
import { transition } from '../../shared/workflow/workflow.machine';
import { isDeliveredState, type Actor, type WorkflowEvent } from '../../shared/workflow/workflow.types';
import type { Database, Db } from '../db/schema';
import type { OutboxService } from '../outbox/outbox.service';
import { writeOutgoing } from '../outbox/outbox-writer';
import { findSerialOwners, getBlmFiling, getCountyRecording, putBlmFiling, putCountyRecording } from '../repos/filings.repo';
import { applyTransition, type Trx } from '../workflow/apply-transition';
import { contextOf, readJobFacts } from '../workflow/workflow-context';
import { readPackageOnRecord, type PackageOnRecord } from './recorded-package';

export interface FilingsServiceDeps {
  db: Kysely<Database>;
  now: () => Date;
  requireActor: () => Promise<Actor>;
  /** Sends what an entry queued at once; absent, it waits for the outbox's next round. */
  outbox?: Pick<OutboxService, 'kick'>;
  /** Told which jobs' workflow changed, so the views refresh. */
  onChanged: (jobIds: number[]) => void;
}

export interface FilingResult {
  filings: JobFilings;
  /** Accepted, but staff must act on it (a late recording, with the statute). */
  warnings: FilingWarning[];
}

export interface FilingsService {
  get(jobId: number): Promise<JobFilings>;
  recordCounty(form: CountyRecordingForm): Promise<FilingResult>;
  fileBlm(form: BlmFilingForm): Promise<FilingResult>;
}

const dollars = (cents: number): string => (cents / 100).toFixed(2);

function refuse(what: string, problems: readonly FilingProblem[]): never {
  throw new AppError('invalid-request', `${what} was not saved: ${problems.map((p) => p.message.replace(/\.$/, '')).join('; ')}.`);
}

/** The machine's answer with the entry counted as made: its refusal (not delivered, not recorded yet) comes first. */
async function assertMayEnter(trx: Trx, jobId: number, event: WorkflowEvent, actor: Actor): Promise<void> {
  const jobFacts = await readJobFacts(trx, jobId);
  const entered = event === 'COUNTY_RECORDED' ? { countyRecorded: true } : { blmFiled: true };
  const result = transition(jobFacts.facts.workflow_state, event, { ...contextOf(jobFacts), ...entered }, actor);
  if (!result.ok) throw new AppError(result.code === 'role-required' ? 'forbidden' : 'workflow-refused', result.message);
}

async function packageOnRecord(db: Db, jobId: number, today: string): Promise<PackageOnRecord> {
  const pkg = await readPackageOnRecord(db, jobId, today);
  if (!pkg) throw new AppError('not-ready', 'This job has no package with a date of location: there is nothing recorded to check the entry against.');
  return pkg;
}

function listSerials(serials: readonly { claim_name: string; serial: string }[]): string {
  const shown = serials.slice(0, 10).map((s) => `${s.claim_name} ${s.serial}`);
  return `${shown.join(', ')}${serials.length > 10 ? ` and ${serials.length - 10} more` : ''}`;
}

export function createFilingsService(deps: FilingsServiceDeps): FilingsService {
  const { db } = deps;
  const today = (): string => deskDay(deps.now());

  async function get(jobId: number): Promise<JobFilings> {
    const { facts } = await readJobFacts(db, jobId);
    const [pkg, recording, filing] = await Promise.all([readPackageOnRecord(db, jobId, today()), getCountyRecording(db, jobId), getBlmFiling(db, jobId)]);
    const warnings: string[] = [];
    if (pkg && recording) warnings.push(...checkCountyRecording({ recordedOn: recording.recorded_on, instrumentNumber: recording.instrument_number, book: recording.book, page: recording.page }, pkg).warnings.map((w) => w.message));
    if (pkg && filing) warnings.push(...blmFilingWarnings(filing.filing.filed_on, pkg).map((w) => w.message));
    return {
      jobId,
      open: isDeliveredState(facts.workflow_state) && pkg !== null,
      blm: pkg?.blm ?? false,
      recordedPackage: pkg
        ? { claimNames: pkg.claimNames, dateOfLocation: pkg.dateOfLocation, claimants: pkg.claimants, office: pkg.office, recordingDue: pkg.recordingDue, blmDue: pkg.blmDue, blmFeesDueCents: pkg.blmFeesDueCents }
        : null,
      recording: recording
        ? {
            recordedOn: recording.recorded_on,
            office: recording.office,
            instrumentNumber: recording.instrument_number,
            book: recording.book,
            page: recording.page,
            feePaidCents: recording.fee_paid_cents,
            enteredBy: recording.entered_by,
            enteredAt: recording.entered_at,
          }
        : null,
      blmFiling: filing
        ? {
            filedOn: filing.filing.filed_on,
            feesPaidCents: filing.filing.fees_paid_cents,
            serials: filing.serials.map((s) => ({ claimName: s.claim_name, serial: s.serial })),
            enteredBy: filing.filing.entered_by,
            enteredAt: filing.filing.entered_at,
          }
        : null,
      warnings,
    };
  }

  /** Stores the entry, fires the event and queues the order event, in the caller's transaction. */
  async function applyEntry(trx: Trx, jobId: number, event: WorkflowEvent, actor: Actor, at: string, summary: string, details: Pick<FilingPayload, 'countyRecording' | 'blmFiling'>): Promise<void> {
    const applied = await applyTransition(trx, jobId, event, actor, { at, reason: summary });
    if (applied.logId === null) throw new AppError('internal', `${event} was applied without a log entry.`);
    const { facts } = await readJobFacts(trx, jobId);
    const payload: FilingPayload = {
      orderType: facts.order_type,
      orderId: facts.order_id,
      orderNumber: facts.order_number || `${facts.order_type} ${facts.order_id}`,
      event: event as FilingPayload['event'],
      from: applied.from,
      to: applied.to,
      actor: actor.username,
      occurredAt: at,
      logId: applied.logId,
      ...details,
    };
    await writeOutgoing(trx, jobId, [{ kind: 'event', payload }], { at, queuedBy: actor.username });
  }

  async function commit(jobId: number, work: (trx: Trx) => Promise<FilingWarning[]>): Promise<FilingResult> {
    const warnings = await db.transaction().execute(work);
    deps.onChanged([jobId]);
    deps.outbox?.kick();
    return { filings: await get(jobId), warnings };
  }

  return {
    get,

    async recordCounty(form) {
      const actor = await deps.requireActor();
      const at = deps.now().toISOString();
      return commit(form.jobId, async (trx) => {
        await assertMayEnter(trx, form.jobId, 'COUNTY_RECORDED', actor);
        const pkg = await packageOnRecord(trx, form.jobId, today());
        const { problems, warnings } = checkCountyRecording(form, pkg);
        if (problems.length > 0) refuse('The county recording', problems);
        const blank = (text: string | null): string | null => (text === null || text.trim() === '' ? null : text.trim());
        const row = { instrument_number: blank(form.instrumentNumber), book: blank(form.book), page: blank(form.page) };
        await putCountyRecording(trx, { job_id: form.jobId, recorded_on: form.recordedOn, office: form.office, ...row, fee_paid_cents: form.feePaidCents, entered_by: actor.username, entered_at: at });
        const where = row.instrument_number ? `instrument ${row.instrument_number}` : `book ${row.book ?? ''}, page ${row.page ?? ''}`;
        const summary = [`Recorded ${form.recordedOn} with ${form.office}, ${where}, fee ${formatUsd(form.feePaidCents)}`, ...warnings.map((w) => w.message)].join('. ');
        await applyEntry(trx, form.jobId, 'COUNTY_RECORDED', actor, at, summary, {
          countyRecording: { recorded_on: form.recordedOn, office: form.office, ...row, fee_paid: dollars(form.feePaidCents) },
        });
        return warnings;
      });
    },

    async fileBlm(form) {
      const actor = await deps.requireActor();
      const at = deps.now().toISOString();
      return commit(form.jobId, async (trx) => {
        await assertMayEnter(trx, form.jobId, 'BLM_FILED', actor);
        const pkg = await packageOnRecord(trx, form.jobId, today());
        if (!pkg.blm) throw new AppError('not-ready', 'These claims are not on land BLM administers: they are not filed with BLM.');
        const serials = form.claims.map((c) => ({ claim_name: c.name, serial: c.serial.trim(), serial_key: normaliseSerial(c.serial) }));
        const owners = await findSerialOwners(trx, serials.map((s) => s.serial_key).filter((k) => k !== ''), form.jobId);
        const taken = new Map(owners.map((o) => [o.serial_key, `${o.claim_name} (order ${o.order_number || 'without a number'})`]));
        const filing = { filedOn: form.filedOn, serials: Object.fromEntries(form.claims.map((c) => [c.name, c.serial])), claimNames: form.claims.map((c) => c.name), dateOfLocation: form.dateOfLocation, claimants: form.claimants };
        const problems = checkBlmFiling(filing, pkg, taken);
        if (problems.length > 0) refuse('The BLM filing', problems);
        const warnings = blmFilingWarnings(form.filedOn, pkg);
        await putBlmFiling(trx, { job_id: form.jobId, filed_on: form.filedOn, fees_paid_cents: form.feesPaidCents, entered_by: actor.username, entered_at: at }, serials);
        const summary = [`Filed with BLM ${form.filedOn}: ${listSerials(serials)}; fees ${formatUsd(form.feesPaidCents)}`, ...warnings.map((w) => w.message)].join('. ');
        await applyEntry(trx, form.jobId, 'BLM_FILED', actor, at, summary, {
          blmFiling: { filed_on: form.filedOn, serials: serials.map((s) => ({ claim_name: s.claim_name, serial: s.serial })), fees_paid: dollars(form.feesPaidCents) },
        });
        return warnings;
      });
    },
  };
}
