/**
 * Applying one workflow event to a job inside the caller's transaction: read the facts the guards need, ask the
 * machine (shared/workflow/workflow.machine.ts), persist what it answers (the new state and the log entry) and
 * answer what must reach the server because of it (an override record, an order status change). The caller
 * stores that with the outbox writer in the same transaction (core/outbox/outbox-writer.ts): the workflow never
 * writes to the outbox itself. A refusal throws an AppError carrying the machine's message, which rolls the
 * caller's change back too.
 */
import type { Transaction } from 'kysely';
import { isClosedOrderStatus } from '../../shared/domain/order-status';
import { AppError } from '../../shared/errors';
import type { AssignmentChange, OutgoingMessage } from '../../shared/outbox/outbox.types';
import { transition, transitionReadsJobCheck } from '../../shared/workflow/workflow.machine';
import { assignmentAfter, serverStatusAfter } from '../../shared/workflow/workflow.table';
import { getAppSettings } from '../repos/settings.repo';
import { TAKE_OVER_EVENT } from '../../shared/workflow/guard-labels';
import type { Actor, TransitionLogEntry, TransitionOptions, WorkflowEvent, WorkflowState } from '../../shared/workflow/workflow.types';
import type { Database, Db } from '../db/schema';
import { updateJobRow } from '../repos/jobs.repo';
import { insertTransition, setWorkflowState, type WorkflowFactsRow } from '../repos/workflow.repo';
import { contextOf, readJobFacts } from './workflow-context';

export type Trx = Transaction<Database>;

export interface Applied {
  from: WorkflowState;
  to: WorkflowState;
  changed: boolean;
  /** The log entry written (null: a self-transition not worth a line, e.g. another layout edit). */
  logId: number | null;
  /** What the server must be told, oldest first: the caller stores it in this transaction. */
  outgoing: OutgoingMessage[];
}

/** Self-transitions still logged: a regenerated package, a corrected recording or filing are facts staff want to see in the history. */
const LOGGED_SELF_TRANSITIONS: ReadonlySet<WorkflowEvent> = new Set(['DOCUMENTS_GENERATED', 'COUNTY_RECORDED', 'BLM_FILED']);

function refusal(result: { code: string; message: string }): AppError {
  return new AppError(result.code === 'role-required' ? 'forbidden' : 'workflow-refused', result.message);
}

function orderNumberOf(facts: Pick<WorkflowFactsRow, 'order_type' | 'order_id' | 'order_number'>): string {
  return facts.order_number || `${facts.order_type} ${facts.order_id}`;
}

/** An override on its way to the server as a domain event, exactly as the log recorded it (logId ties the two). */
function overrideRecord(facts: WorkflowFactsRow, entry: Omit<TransitionLogEntry, 'event'> & { event: string; at: string }, logId: number): OutgoingMessage {
  return {
    kind: 'event',
    payload: {
      orderType: facts.order_type,
      orderId: facts.order_id,
      orderNumber: orderNumberOf(facts),
      event: entry.event,
      from: entry.from,
      to: entry.to,
      overridden: entry.overridden,
      reason: entry.reason ?? '',
      actor: entry.actor.username,
      occurredAt: entry.at,
      logId,
    },
  };
}

/** The desk's release-on-hold setting, read only for a hold (the one event it decides). */
async function assignmentSettings(trx: Trx, event: WorkflowEvent): Promise<{ releaseOnHold: boolean }> {
  return { releaseOnHold: event === 'HOLD' ? (await getAppSettings(trx)).workflow.releaseOnHold : false };
}

/** A claim, release or take-over of the job's order on its way to the server's desk assignment. */
export function assignmentMessage(facts: Pick<WorkflowFactsRow, 'order_type' | 'order_id' | 'order_number'>, action: AssignmentChange, reason: string | null, to: string | null = null): OutgoingMessage {
  return { kind: 'assignment', payload: { orderType: facts.order_type, orderId: facts.order_id, orderNumber: orderNumberOf(facts), action, reason, to } };
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
  const jobFacts = await readJobFacts(trx, jobId, (facts) => transitionReadsJobCheck(facts.workflow_state, event));
  const { facts } = jobFacts;
  const result = transition(facts.workflow_state, event, contextOf(jobFacts, actor.username), actor, options);
  if (!result.ok) throw refusal(result);
  const entry = { ...result.logEntry, at: options.at };
  const logged = result.changed || entry.override || LOGGED_SELF_TRANSITIONS.has(event);
  if (result.changed || result.resumeTo !== facts.resume_to) await setWorkflowState(trx, jobId, result.to, result.resumeTo, options.at);
  const logId = logged ? await insertTransition(trx, jobId, entry) : null;
  const outgoing: OutgoingMessage[] = [];
  if (entry.override && logId !== null) {
    outgoing.push(overrideRecord(facts, entry, logId));
    // An accepted over-capacity override is the job's capacity decision too: Validate and Upload do not ask again.
    if (entry.overridden.includes('over-capacity') && facts.has_capacity_override !== 1) {
      const override = { reason: entry.reason ?? '', by: actor.username, at: options.at };
      await updateJobRow(trx, jobId, { capacity_override_json: JSON.stringify(override), updated_at: options.at });
    }
  }
  // Nothing is sent about an order the server already closed or stopped listing.
  const open = facts.order_status !== null && !isClosedOrderStatus(facts.order_status);
  // The claim goes first: a take-over must reach the server before the record of why it was made.
  const change = open ? assignmentAfter(event, result.from, entry.overridden, await assignmentSettings(trx, event)) : null;
  if (change) outgoing.unshift(assignmentMessage(facts, change, change === 'take_over' ? entry.reason : null));
  const status = serverStatusAfter(event, result.from);
  if (status && open) {
    const payload = { orderType: facts.order_type, orderId: facts.order_id, orderNumber: orderNumberOf(facts), status, reason: options.reason?.trim() || null };
    outgoing.push({ kind: 'status', payload });
  }
  return { from: result.from, to: result.to, changed: result.changed, logId, outgoing };
}

/**
 * For facts ClaimDesk reports by itself (an upload delivered, the server cancelled the order): applied when the
 * table allows it from the job's current state, silently skipped when not (a job already cancelled when its last
 * upload is answered has nothing to record). Never throws a refusal, and never has anything to send: system events
 * carry no override and set no order status.
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
 * override). It moves no state, but it is an override: logged as CAPACITY_OVERRIDE with the reason and sent to the
 * server as a domain event, like the overrides the machine grants on a transition.
 */
export async function recordCapacityOverride(trx: Trx, jobId: number, actor: Actor, reason: string, at: string): Promise<OutgoingMessage[]> {
  const { facts } = await readJobFacts(trx, jobId);
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
  return [overrideRecord(facts, entry, logId)];
}

/**
 * A manager's or admin's take-over of an order this desk already has a job for (the order's claim moves to them,
 * or to `to`): no state changes, but it is an override, logged as TAKE_OVER with the reason and sent to the server
 * as a domain event after the take-over itself.
 */
export async function recordTakeOver(trx: Trx, jobId: number, actor: Actor, reason: string, at: string, to: string | null = null): Promise<OutgoingMessage[]> {
  const { facts } = await readJobFacts(trx, jobId);
  const entry = {
    from: facts.workflow_state,
    to: facts.workflow_state,
    event: TAKE_OVER_EVENT,
    actor,
    at,
    reason,
    override: true,
    overridden: ['held-by-other' as const],
  };
  const logId = await insertTransition(trx, jobId, entry);
  return [assignmentMessage(facts, 'take_over', reason, to), overrideRecord(facts, entry, logId)];
}

/** Asks the machine without changing anything: throws the refusal a later applyTransition would (for a check before slow work). */
export async function assertTransition(db: Db, jobId: number, event: WorkflowEvent, actor: Actor): Promise<void> {
  const jobFacts = await readJobFacts(db, jobId);
  const result = transition(jobFacts.facts.workflow_state, event, contextOf(jobFacts, actor.username), actor);
  if (!result.ok) throw refusal(result);
}
