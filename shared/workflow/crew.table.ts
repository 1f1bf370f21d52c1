/**
 * The crew track of a staking-service order, as a table beside the fulfilment workflow's (workflow.table.ts):
 * awaiting crew → crew assigned. It runs beside the job's own states because the crew is found while staff lay out
 * and document the claims, and no job need exist on the desk that decides it (a crew member's desk has none).
 *
 * The state is derived, never stored: a staking-service order is `crew_assigned` when the crew cache names an
 * assigned crew (crew_board_orders.assigned_crew, the server's answer), else `awaiting_crew`; any other order has no
 * crew track. The server decides again on receipt; this table is what the desk enforces before queueing a decision,
 * and what the workflow's `crew-unassigned` guard on AS_STAKED_ACCEPTED reads.
 */
import type { CrewState } from '../crews/crew.types';
import type { ActorRole } from './workflow.types';

export const CREW_COMMANDS = ['REGISTER_INTEREST', 'WITHDRAW_INTEREST', 'ASSIGN_CREW'] as const;
export type CrewCommand = (typeof CREW_COMMANDS)[number];

export const CREW_GUARDS = ['outside-coverage', 'own-interest-missing', 'chosen-interest-missing', 'reason-missing'] as const;
export type CrewGuard = (typeof CREW_GUARDS)[number];

export interface CrewRule {
  readonly command: CrewCommand;
  readonly from: readonly CrewState[];
  readonly to: CrewState;
  readonly roles: readonly ActorRole[];
  readonly guards: readonly CrewGuard[];
}

export const CREW_TRANSITIONS: readonly CrewRule[] = [
  // Registering again revises the offer: the server keeps one active interest per crew member and order.
  { command: 'REGISTER_INTEREST', from: ['awaiting_crew'], to: 'awaiting_crew', roles: ['crew'], guards: ['outside-coverage'] },
  { command: 'WITHDRAW_INTEREST', from: ['awaiting_crew'], to: 'awaiting_crew', roles: ['crew'], guards: ['own-interest-missing'] },
  // The other active interests are rejected with the same reason, so it is required.
  { command: 'ASSIGN_CREW', from: ['awaiting_crew'], to: 'crew_assigned', roles: ['manager', 'admin'], guards: ['chosen-interest-missing', 'reason-missing'] },
];

export const CREW_COMMAND_LABELS: Readonly<Record<CrewCommand, string>> = {
  REGISTER_INTEREST: 'Register interest',
  WITHDRAW_INTEREST: 'Withdraw the interest',
  ASSIGN_CREW: 'Assign the crew',
};

/** What the crew guards read for one order and one person. */
export interface CrewContext {
  orderNumber: string;
  stakingService: boolean;
  assignedCrew: string | null;
  /** The signed-in crew member's coverage holds the order. */
  inCoverage: boolean;
  /** The signed-in crew member has an active interest (or one on its way to the server). */
  ownInterestActive: boolean;
  /** ASSIGN_CREW: the chosen crew member has an active interest. */
  chosenInterestActive?: boolean;
  reason?: string;
}

export type CrewDecision = { ok: true; from: CrewState; to: CrewState } | { ok: false; code: 'no-crew' | 'not-allowed' | 'role-required' | 'guard'; message: string };

export function crewStateOf(order: { stakingService: boolean; assignedCrew: string | null }): CrewState | null {
  if (!order.stakingService) return null;
  return order.assignedCrew === null ? 'awaiting_crew' : 'crew_assigned';
}

const GUARD_CHECKS: Readonly<Record<CrewGuard, (c: CrewContext) => string | null>> = {
  'outside-coverage': (c) => (c.inCoverage ? null : `order ${c.orderNumber} lies outside your coverage`),
  'own-interest-missing': (c) => (c.ownInterestActive ? null : `you have no active interest in order ${c.orderNumber}`),
  'chosen-interest-missing': (c) => (c.chosenInterestActive ? null : 'that crew has no active interest in this order (withdrawn, expired or rejected)'),
  'reason-missing': (c) => ((c.reason ?? '').trim().length >= 3 ? null : 'give a reason of at least 3 characters: the other crews are told it'),
};

export function decideCrewCommand(command: CrewCommand, context: CrewContext, role: ActorRole): CrewDecision {
  const label = CREW_COMMAND_LABELS[command];
  const state = crewStateOf(context);
  if (state === null) return { ok: false, code: 'no-crew', message: `${label} is not possible: order ${context.orderNumber} did not buy the staking service, so no crew goes out for it.` };
  const rule = CREW_TRANSITIONS.find((r) => r.command === command && r.from.includes(state));
  if (!rule) return { ok: false, code: 'not-allowed', message: `${label} is not possible: ${context.assignedCrew ?? 'a crew'} is already assigned to order ${context.orderNumber}.` };
  if (!rule.roles.includes(role)) {
    const who = command === 'ASSIGN_CREW' ? 'a manager or admin' : 'a crew member';
    return { ok: false, code: 'role-required', message: `${label} is for ${who}; you are signed in as ${role}.` };
  }
  const blocks = rule.guards.map((guard) => GUARD_CHECKS[guard](context)).filter((why): why is string => why !== null);
  if (blocks.length > 0) return { ok: false, code: 'guard', message: `${label} is not possible: ${blocks.join('; and ')}.` };
  return { ok: true, from: state, to: rule.to };
}
