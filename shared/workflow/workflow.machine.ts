/**
 * The interpreter of the fulfilment workflow table (workflow.table.ts; why a table rather than XState is said
 * there). Pure: given a state, an event, the context, the actor and the options it answers either the target
 * and the log entry to persist, or a refusal with a code and a message for the person who asked.
 *
 * Checks, in order (the first that fails answers):
 *   role-required      customers never change a job; ClaimDesk itself (`system`) never sends a person's event
 *   not-allowed        no row for (state, event)
 *   guard              a hard guard blocks (nothing to validate, nothing to upload): no override helps
 *   override-required  an overridable guard blocks and no override was asked for
 *   role-required      an override was asked for by someone who is not a manager or admin
 *   reason-required    a manager or admin asked for an override without a reason of at least 3 characters
 * An accepted override is recorded in the log entry (override: true, which guards, the reason); the caller
 * also sends it to the server as a domain event and, for over-capacity, records it on the job.
 */
import { isFullyDelivered } from './order-progress';
import { EVENT_LABELS, EVENT_SOURCES, STATE_LABELS, TRANSITIONS, findRule, type TransitionTarget } from './workflow.table';
import { blockingGuards, isOverridable, joinReasons, readsJobCheck, type GuardBlock } from './workflow.guards';
import {
  MIN_OVERRIDE_REASON_LENGTH,
  OVERRIDE_ROLES,
  FINISHED_STATES,
  PAUSE_STATES,
  isDeliveredState,
  STAFF_ROLES,
  WORKFLOW_EVENTS,
  type Actor,
  type ActorRole,
  type AvailableEvent,
  type TransitionOptions,
  type TransitionRefusal,
  type TransitionResult,
  type WorkflowContext,
  type WorkflowEvent,
  type WorkflowState,
} from './workflow.types';

export function isPauseState(state: WorkflowState): boolean {
  return (PAUSE_STATES as readonly WorkflowState[]).includes(state);
}

export function canOverride(role: ActorRole): boolean {
  return (OVERRIDE_ROLES as readonly ActorRole[]).includes(role);
}

function isStaff(role: ActorRole): boolean {
  return (STAFF_ROLES as readonly ActorRole[]).includes(role);
}

/** Where work resumes after a pause: never a pause state, never mid-upload (that upload is what was paused). */
function restingState(state: WorkflowState): WorkflowState {
  return state === 'uploading' ? 'documents_ready' : state;
}

function resumeTarget(context: WorkflowContext): WorkflowState {
  const remembered = context.resumeTo;
  if (remembered !== null && !isPauseState(remembered) && !isDeliveredState(remembered)) return restingState(remembered);
  return context.hasPackage ? 'documents_ready' : 'pulled';
}

function resolveTarget(target: TransitionTarget, context: WorkflowContext): WorkflowState {
  if (target === '@resume') return resumeTarget(context);
  if (target === '@delivery') return isFullyDelivered(context.claimsPurchased, context.claimsDelivered) ? 'delivered' : 'laying_out';
  // A delivered job was validated and packaged; saying after a reopen that its layout changed would be false.
  if (target === '@reopen') return context.hasPackage ? 'documents_ready' : 'laying_out';
  return target;
}

/** Pause states remember the working state they interrupted; a pause entered from a pause keeps the first. */
function nextResumeTo(from: WorkflowState, to: WorkflowState, context: WorkflowContext): WorkflowState | null {
  if (!isPauseState(to)) return null;
  return isPauseState(from) ? context.resumeTo : restingState(from);
}

function refuse(code: TransitionRefusal, message: string, blocks: readonly GuardBlock[] = []): TransitionResult {
  return { ok: false, code, message, blockedBy: blocks.map((b) => b.code) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function quoted(event: WorkflowEvent): string {
  return `"${EVENT_LABELS[event]}"`;
}

/** Events that work from an accepted layout: refused before it with a pointer to the Validate step. */
const AFTER_VALIDATION: ReadonlySet<WorkflowEvent> = new Set(['CONFIRM_CLAIMANT', 'DOCUMENTS_GENERATED', 'UPLOAD_QUEUED']);

function notAllowedMessage(state: WorkflowState, event: WorkflowEvent): string {
  const base = `${quoted(event)} is not possible while the job is ${STATE_LABELS[state]}.`;
  if (state === 'uploading') return `${base} A package is being sent: wait until it is delivered, or discard it in the outbox first.`;
  if ((state === 'pulled' || state === 'laying_out') && AFTER_VALIDATION.has(event)) {
    return `${base} The layout changed since it was validated, or was never validated: accept it on the Validate step first.`;
  }
  if (state === 'on_hold' && EVENT_SOURCES[event] === 'staff' && event !== 'HOLD') return `${base} Resume the job first.`;
  if ((FINISHED_STATES as readonly WorkflowState[]).includes(state) && EVENT_SOURCES[event] === 'staff') {
    return `${base.slice(0, -1)}: the job is closed. A manager or admin can reopen it first, with a reason.`;
  }
  const possible = TRANSITIONS.filter((r) => r.from.includes(state) && EVENT_SOURCES[r.event] === EVENT_SOURCES[event]).map((r) => quoted(r.event));
  return possible.length > 0 ? `${base} From here: ${[...new Set(possible)].join(', ')}.` : base;
}

function actorRefusal(event: WorkflowEvent, actor: Actor): TransitionResult | null {
  if (actor.role === 'system') {
    if (EVENT_SOURCES[event] === 'system') return null;
    return refuse('role-required', `${quoted(event)} is a decision for a person signed in as staff, not something ClaimDesk does by itself.`);
  }
  if (!isStaff(actor.role)) return refuse('role-required', `${quoted(event)} is for staff: a ${actor.role} account cannot change a fulfilment job.`);
  return null;
}

/** Whether `transition` reads the job check for `event` from `state` (a guard of its row does), so a caller reads the job only then. */
export function transitionReadsJobCheck(state: WorkflowState, event: WorkflowEvent): boolean {
  return readsJobCheck(findRule(state, event)?.guards ?? []);
}

export function transition(
  state: WorkflowState,
  event: WorkflowEvent,
  context: WorkflowContext,
  actor: Actor,
  options: TransitionOptions = {},
): TransitionResult {
  const actorProblem = actorRefusal(event, actor);
  if (actorProblem) return actorProblem;
  const rule = findRule(state, event);
  if (!rule) return refuse('not-allowed', notAllowedMessage(state, event));

  const blocks = blockingGuards(rule.guards ?? [], context, state);
  const hard = blocks.filter((b) => !isOverridable(b.code));
  const label = quoted(event);
  if (hard.length > 0) return refuse('guard', `${label} is not possible: ${joinReasons(hard)}.`, hard);

  let overridden: GuardBlock[] = [];
  if (blocks.length > 0) {
    const why = `${label} is blocked: ${joinReasons(blocks)}.`;
    const override = options.override;
    if (!override) {
      const who = canOverride(actor.role)
        ? 'As a manager or admin you can override this with a reason.'
        : 'Only a manager or admin can override this, with a reason.';
      return refuse('override-required', `${why} ${who}`, blocks);
    }
    if (!canOverride(actor.role)) {
      return refuse('role-required', `${why} Only a manager or admin can override this; you are signed in as ${actor.role}.`, blocks);
    }
    if (override.reason.trim().length < MIN_OVERRIDE_REASON_LENGTH) {
      return refuse('reason-required', `${why} An override needs a reason of at least ${MIN_OVERRIDE_REASON_LENGTH} characters saying why it should go ahead.`, blocks);
    }
    overridden = blocks;
  }

  const to = resolveTarget(rule.to, context);
  const reasonText = (options.override?.reason ?? options.reason)?.trim();
  return {
    ok: true,
    from: state,
    to,
    changed: to !== state,
    resumeTo: nextResumeTo(state, to, context),
    logEntry: {
      from: state,
      to,
      event,
      actor: { username: actor.username, role: actor.role },
      at: options.at ?? null,
      reason: reasonText ? reasonText : null,
      override: overridden.length > 0,
      overridden: overridden.map((b) => b.code),
    },
  };
}

/**
 * Every event this role sends (people the staff events, `system` the system ones, customers none), each with
 * where it would go and whether it can go ahead now, needs this role's override, is blocked, or is not a step
 * the job's state has at all, with the machine's own message when not allowed. The workflow view lists these so
 * the UI asks nothing of its own.
 */
export function eventViews(state: WorkflowState, context: WorkflowContext, role: ActorRole): AvailableEvent[] {
  if (role !== 'system' && !isStaff(role)) return [];
  const source = role === 'system' ? 'system' : 'staff';
  const actor: Actor = { username: '', role };
  return WORKFLOW_EVENTS.filter((event) => EVENT_SOURCES[event] === source).map((event): AvailableEvent => {
    const rule = findRule(state, event);
    const to = rule ? resolveTarget(rule.to, context) : state;
    const result = transition(state, event, context, actor);
    if (result.ok) return { event, to, status: 'allowed', message: null, blockedBy: [] };
    const status = result.code === 'not-allowed' ? 'not-allowed' : result.code === 'override-required' && canOverride(role) ? 'needs-override' : 'blocked';
    return { event, to, status, message: result.message, blockedBy: result.blockedBy };
  });
}

/** The events a row allows from this state (what the UI offers as actions), in the table's order. */
export function allowedEvents(state: WorkflowState, context: WorkflowContext, role: ActorRole): AvailableEvent[] {
  const views = new Map(eventViews(state, context, role).map((view) => [view.event, view]));
  return [...new Set(TRANSITIONS.filter((rule) => rule.from.includes(state)).map((rule) => rule.event))].flatMap((event) => {
    const view = views.get(event);
    return view && view.status !== 'not-allowed' ? [view] : [];
  });
}

/** For a status line: "Laying out" etc. */
export function stateLabel(state: WorkflowState): string {
  return capitalise(STATE_LABELS[state]);
}
