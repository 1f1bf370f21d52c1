/**
 * Applying one workflow event to a job inside the caller's transaction: read the facts the guards need, ask the
 * machine (shared/workflow/workflow.machine.ts), and persist what it answers (the new state, the log entry and,
 * for an override, the domain event for the server in the outbox) with the change that caused the event. A
 * refusal throws an AppError carrying the machine's message, which rolls the caller's change back too.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { EventPayload } from '../../shared/outbox/outbox.types';
import { transition } from '../../shared/workflow/workflow.machine';
import {
  paymentStateSchema,
  type Actor,
  type TransitionLogEntry,
  type TransitionOptions,
  type WorkflowContext,
  type WorkflowEvent,
  type WorkflowState,
} from '../../shared/workflow/workflow.types';
import type { Database, Db } from '../db/schema';
import { updateJobRow } from '../repos/jobs.repo';
import { insertOutboxEntry } from '../repos/outbox.repo';
import { getWorkflowFacts, insertTransition, setWorkflowState, type WorkflowFactsRow } from '../repos/workflow.repo';

export type Trx = Transaction<Database>;

export interface Applied {
  from: WorkflowState;
  to: WorkflowState;
  changed: boolean;
  /** The log entry written (null: a self-transition not worth a line, e.g. another layout edit). */
  logId: number | null;
  /** The outbox entry carrying an override to the server. */
  eventEntryId: string | null;
}

/** Self-transitions still logged: a regenerated package is a fact staff want to see in the history. */
const LOGGED_SELF_TRANSITIONS: ReadonlySet<WorkflowEvent> = new Set(['DOCUMENTS_GENERATED']);

export function contextFromFacts(facts: WorkflowFactsRow): WorkflowContext {
  const payment = paymentStateSchema.safeParse(facts.payment_state);
  return {
    ...(facts.order_number ? { orderNumber: facts.order_number } : {}),
    paymentState: payment.success ? payment.data : 'unknown',
    claimsPurchased: Number(facts.claims_purchased ?? 0),
    claimsDelivered: Number(facts.claims_delivered),
    claimsLaidOut: Number(facts.claims_laid_out ?? 0),
    hasPackage: facts.has_package === 1,
    capacityOverride: facts.has_capacity_override === 1,
    resumeTo: facts.resume_to,
  };
}

export async function readFacts(trx: Db, jobId: number): Promise<WorkflowFactsRow> {
  const facts = await getWorkflowFacts(trx, jobId);
  if (!facts) throw new AppError('not-found', `Job ${jobId} does not exist.`);
  return facts;
}

async function queueOverrideEvent(trx: Trx, facts: WorkflowFactsRow, entry: Omit<TransitionLogEntry, 'event'> & { event: string; at: string }, logId: number): Promise<string> {
  const payload: EventPayload = {
    orderType: facts.order_type,
    orderId: facts.order_id,
    orderNumber: facts.order_number ?? `${facts.order_type} ${facts.order_id}`,
    event: entry.event,
    from: entry.from,
    to: entry.to,
    overridden: entry.overridden,
    reason: entry.reason ?? '',
    actor: entry.actor.username,
    occurredAt: entry.at,
    logId,
  };
  const id = randomUUID();
  await insertOutboxEntry(
    trx,
    { id, job_id: facts.id, kind: 'event', payload_json: JSON.stringify(payload), state: 'queued', created_at: entry.at, updated_at: entry.at, queued_by: entry.actor.username },
    [],
  );
  return id;
}

/**
 * Fires `event` on the job. Throws 'workflow-refused' (not allowed now, a guard, a missing override or reason) or
 * 'forbidden' (the role may not), with the machine's message.
 */
export async function applyTransition(
  trx: Trx,
  jobId: number,
  event: WorkflowEvent,
  actor: Actor,
  options: TransitionOptions & { at: string },
): Promise<Applied> {
  const facts = await readFacts(trx, jobId);
  const result = transition(facts.workflow_state, event, contextFromFacts(facts), actor, options);
  if (!result.ok) throw new AppError(result.code === 'role-required' ? 'forbidden' : 'workflow-refused', result.message);
  const entry = { ...result.logEntry, at: options.at };
  const logged = result.changed || entry.override || LOGGED_SELF_TRANSITIONS.has(event);
  if (result.changed || result.resumeTo !== facts.resume_to) await setWorkflowState(trx, jobId, result.to, result.resumeTo, options.at);
  const logId = logged ? await insertTransition(trx, jobId, entry) : null;
  let eventEntryId: string | null = null;
  if (entry.override && logId !== null) {
    eventEntryId = await queueOverrideEvent(trx, facts, entry, logId);
    // An accepted over-capacity override is the job's capacity decision too: Validate and Upload do not ask again.
    if (entry.overridden.includes('over-capacity') && facts.has_capacity_override !== 1) {
      const override = { reason: entry.reason ?? '', by: actor.username, at: options.at };
      await updateJobRow(trx, jobId, { capacity_override_json: JSON.stringify(override), updated_at: options.at });
    }
  }
  return { from: result.from, to: result.to, changed: result.changed, logId, eventEntryId };
}

/**
 * For facts ClaimDesk reports by itself (an upload delivered, the server cancelled the order): applied when the
 * table allows it from the job's current state, silently skipped when not (a job already cancelled when its last
 * upload is answered has nothing to record). Never throws a refusal.
 */
export async function applySystemEvent(trx: Trx, jobId: number, event: WorkflowEvent, at: string, reason?: string): Promise<Applied | null> {
  try {
    return await applyTransition(trx, jobId, event, { username: 'claimdesk', role: 'system' }, { at, ...(reason ? { reason } : {}) });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'workflow-refused' || error.code === 'forbidden')) return null;
    throw error;
  }
}

/**
 * A manager's or admin's decision to accept more claims than were purchased (the Validate step's capacity
 * override, seed 004). It moves no state, but it is an override: logged as CAPACITY_OVERRIDE with the reason and
 * sent to the server as a domain event, like the overrides the machine grants on a transition.
 */
export async function recordCapacityOverride(trx: Trx, jobId: number, actor: Actor, reason: string, at: string): Promise<void> {
  const facts = await readFacts(trx, jobId);
  const entry = {
    from: facts.workflow_state,
    to: facts.workflow_state,
    event: 'CAPACITY_OVERRIDE',
    actor,
    at,
    reason,
    override: true,
    overridden: ['over-capacity' as const],
  };
  const logId = await insertTransition(trx, jobId, entry);
  await queueOverrideEvent(trx, facts, entry, logId);
}

/** Asks the machine without changing anything: throws the refusal a later applyTransition would (for a check before slow work). */
export async function assertTransition(db: Db, jobId: number, event: WorkflowEvent, actor: Actor): Promise<void> {
  const facts = await readFacts(db, jobId);
  const result = transition(facts.workflow_state, event, contextFromFacts(facts), actor);
  if (!result.ok) throw new AppError(result.code === 'role-required' ? 'forbidden' : 'workflow-refused', result.message);
}
