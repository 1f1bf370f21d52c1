/**
 * The guards named in the transition table: each says whether it blocks in a given context and, if so, why in
 * words a person at the desk understands. Kept beside the table (not in the UI) so the rules hold whoever sends
 * the event: the wizard, the job header, the CLI or a test (a rule is enforced where transitions happen).
 */
import { beingWorkedBy } from '../assignment/assignment-text';
import { blocksWork } from './payment-state';
import type { GuardCode, WorkflowContext, WorkflowState } from './workflow.types';
import { OVERRIDABLE_GUARDS } from './workflow.types';

export interface GuardBlock {
  code: GuardCode;
  /** One clause: "order CPO-2026-0002 is awaiting payment, and work does not start on an unpaid order". */
  why: string;
}

export function isOverridable(code: GuardCode): boolean {
  return (OVERRIDABLE_GUARDS as readonly GuardCode[]).includes(code);
}

export function orderLabel(context: WorkflowContext): string {
  return context.orderNumber ? `order ${context.orderNumber}` : 'this order';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** At most this many of the check's sentences are quoted in a refusal; the Validate step lists them all. */
const QUOTED_PROBLEMS = 8;

function listed(problems: readonly string[]): string {
  const quoted = problems.slice(0, QUOTED_PROBLEMS).map((problem) => problem.replace(/\.$/, ''));
  const more = problems.length > QUOTED_PROBLEMS ? ` (and ${problems.length - QUOTED_PROBLEMS} more)` : '';
  return `${quoted.join('; ')}${more}`;
}

type GuardCheck = (context: WorkflowContext, state: WorkflowState) => string | null;

const CHECKS: Readonly<Record<GuardCode, GuardCheck>> = {
  'awaiting-payment': (context) => {
    if (!blocksWork(context.paymentState)) return null;
    const what = context.paymentState === 'refunded' ? 'was refunded' : 'is awaiting payment';
    return `${orderLabel(context)} ${what}, and work does not start on an unpaid order`;
  },
  'over-capacity': (context) => {
    if (context.capacityOverride || context.claimsLaidOut <= context.claimsPurchased) return null;
    const extra = context.claimsLaidOut - context.claimsPurchased;
    return (
      `${plural(context.claimsLaidOut, 'claim is', 'claims are')} laid out but ${orderLabel(context)} purchased ` +
      `${context.claimsPurchased} (${extra} more than purchased), and no more claims may be delivered than were purchased`
    );
  },
  'reopen-closed': (context, state) =>
    state === 'delivered'
      ? `${orderLabel(context)} was delivered, and a delivered order stays closed`
      : `this job was cancelled, and a cancelled job stays closed`,
  'no-claims': (context) => (context.claimsLaidOut > 0 ? null : 'there are no claims laid out'),
  'layout-invalid': (context) => (context.layoutProblems.length > 0 ? `the layout does not pass validation yet: ${listed(context.layoutProblems)}` : null),
  'claimant-incomplete': (context) => (context.claimantProblems.length > 0 ? `the claimant is not complete: ${listed(context.claimantProblems)}` : null),
  'no-package': (context) => (context.hasPackage ? null : 'no package has been generated yet; generate the documents first'),
  'recording-missing': (context) => (context.countyRecorded ? null : 'no county recording is entered (date, office, instrument number or book and page, fee)'),
  'not-recorded': (context) =>
    context.countyRecorded ? null : 'the county recording is not entered yet, and the BLM filing is checked against the recorded package',
  'held-by-other': (context) => (context.heldBy ? beingWorkedBy(context.heldBy).replace(/^Being/, 'it is being') : null),
  'blm-filing-missing': (context) => (context.blmFiled ? null : 'no BLM filing is entered (date, a serial number per claim, fees)'),
  'crew-unassigned': (context) =>
    !context.crewRequired || context.crewAssigned
      ? null
      : `${orderLabel(context)} bought the staking service and no crew is assigned to it yet, so no posts can have been staked for it; a manager assigns a crew from the crews' interests first`,
};

/** The guards that read the job check (layoutProblems, claimantProblems): the check is made only for a row that has one. */
const CHECK_GUARDS: ReadonlySet<GuardCode> = new Set(['layout-invalid', 'claimant-incomplete']);

export function readsJobCheck(guards: readonly GuardCode[]): boolean {
  return guards.some((guard) => CHECK_GUARDS.has(guard));
}

/** Every guard of the row that blocks now, hard ones first, in the row's order otherwise. */
export function blockingGuards(guards: readonly GuardCode[], context: WorkflowContext, state: WorkflowState): GuardBlock[] {
  const blocks: GuardBlock[] = [];
  for (const code of guards) {
    const why = CHECKS[code](context, state);
    if (why !== null) blocks.push({ code, why });
  }
  return [...blocks.filter((b) => !isOverridable(b.code)), ...blocks.filter((b) => isOverridable(b.code))];
}

/** "a; and b" joined for one sentence, first letter capitalised by the caller when it starts one. */
export function joinReasons(blocks: readonly GuardBlock[]): string {
  return blocks.map((b) => b.why).join('; and ');
}
