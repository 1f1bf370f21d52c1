/**
 * The crew track of a staking-service order (shared/workflow/crew.table.ts): every row, its roles, guards and
 * refusals; and the main workflow's crew-unassigned guard on accepting posts as staked.
 */
import { describe, expect, it } from 'vitest';
import { CREW_TRANSITIONS, crewStateOf, decideCrewCommand, type CrewContext } from '../../shared/workflow/crew.table';
import { transition } from '../../shared/workflow/workflow.machine';
import { isOverridable } from '../../shared/workflow/workflow.guards';
import { as, ctx } from './workflow-test-helpers';

const awaiting: CrewContext = { orderNumber: 'CPO-2026-0001', stakingService: true, assignedCrew: null, inCoverage: true, ownInterestActive: false };
const assigned: CrewContext = { ...awaiting, assignedCrew: 'crew-two' };

describe('the crew track', () => {
  it('derives its state from the order and the assigned crew: none without the staking service', () => {
    expect(crewStateOf({ stakingService: false, assignedCrew: null })).toBeNull();
    expect(crewStateOf({ stakingService: true, assignedCrew: null })).toBe('awaiting_crew');
    expect(crewStateOf({ stakingService: true, assignedCrew: 'demo-crew' })).toBe('crew_assigned');
  });

  it('has one row per command, each leaving awaiting crew only', () => {
    expect(CREW_TRANSITIONS.map((r) => [r.command, r.from, r.to])).toEqual([
      ['REGISTER_INTEREST', ['awaiting_crew'], 'awaiting_crew'],
      ['WITHDRAW_INTEREST', ['awaiting_crew'], 'awaiting_crew'],
      ['ASSIGN_CREW', ['awaiting_crew'], 'crew_assigned'],
    ]);
  });

  it('REGISTER_INTEREST: a crew member inside their coverage; refused outside it, to other roles, once assigned, without the service', () => {
    expect(decideCrewCommand('REGISTER_INTEREST', awaiting, 'crew')).toEqual({ ok: true, from: 'awaiting_crew', to: 'awaiting_crew' });
    expect(decideCrewCommand('REGISTER_INTEREST', { ...awaiting, inCoverage: false }, 'crew')).toMatchObject({ ok: false, code: 'guard', message: expect.stringMatching(/outside your coverage/) });
    for (const role of ['staff', 'manager', 'admin', 'customer'] as const) {
      expect(decideCrewCommand('REGISTER_INTEREST', awaiting, role)).toMatchObject({ ok: false, code: 'role-required', message: expect.stringMatching(/for a crew member/) });
    }
    expect(decideCrewCommand('REGISTER_INTEREST', assigned, 'crew')).toMatchObject({ ok: false, code: 'not-allowed', message: expect.stringMatching(/crew-two is already assigned/) });
    expect(decideCrewCommand('REGISTER_INTEREST', { ...awaiting, stakingService: false }, 'crew')).toMatchObject({ ok: false, code: 'no-crew' });
  });

  it('WITHDRAW_INTEREST: only an active interest of one\'s own', () => {
    expect(decideCrewCommand('WITHDRAW_INTEREST', { ...awaiting, ownInterestActive: true }, 'crew')).toMatchObject({ ok: true });
    expect(decideCrewCommand('WITHDRAW_INTEREST', awaiting, 'crew')).toMatchObject({ ok: false, code: 'guard', message: expect.stringMatching(/no active interest/) });
    expect(decideCrewCommand('WITHDRAW_INTEREST', { ...assigned, ownInterestActive: true }, 'crew')).toMatchObject({ ok: false, code: 'not-allowed' });
  });

  it('ASSIGN_CREW: a manager or admin, a chosen crew with an active interest and a reason', () => {
    const ready = { ...awaiting, chosenInterestActive: true, reason: 'Nearest crew' };
    for (const role of ['manager', 'admin'] as const) expect(decideCrewCommand('ASSIGN_CREW', ready, role)).toEqual({ ok: true, from: 'awaiting_crew', to: 'crew_assigned' });
    for (const role of ['staff', 'crew'] as const) expect(decideCrewCommand('ASSIGN_CREW', ready, role)).toMatchObject({ ok: false, code: 'role-required', message: expect.stringMatching(/manager or admin/) });
    expect(decideCrewCommand('ASSIGN_CREW', { ...ready, chosenInterestActive: false }, 'manager')).toMatchObject({ ok: false, code: 'guard', message: expect.stringMatching(/no active interest/) });
    expect(decideCrewCommand('ASSIGN_CREW', { ...ready, reason: ' x ' }, 'manager')).toMatchObject({ ok: false, code: 'guard', message: expect.stringMatching(/at least 3 characters/) });
    expect(decideCrewCommand('ASSIGN_CREW', { ...ready, chosenInterestActive: false, reason: '' }, 'manager')).toMatchObject({ message: expect.stringMatching(/no active interest.*; and give a reason/) });
    expect(decideCrewCommand('ASSIGN_CREW', { ...assigned, chosenInterestActive: true, reason: 'Again' }, 'manager')).toMatchObject({ ok: false, code: 'not-allowed' });
  });
});

describe('accepting posts as staked needs an assigned crew on a staking-service order', () => {
  it('is refused without a crew, for every role, and no override helps', () => {
    expect(isOverridable('crew-unassigned')).toBe(false);
    for (const role of ['staff', 'manager', 'admin'] as const) {
      const refused = transition('validated', 'AS_STAKED_ACCEPTED', ctx({ crewRequired: true, crewAssigned: false }), as(role), { override: { reason: 'Crew went anyway' } });
      expect(refused).toMatchObject({ ok: false, code: 'guard', blockedBy: ['crew-unassigned'] });
      if (!refused.ok) expect(refused.message).toMatch(/bought the staking service and no crew is assigned/);
    }
    expect(transition('delivered', 'AS_STAKED_ACCEPTED', ctx({ crewRequired: true, crewAssigned: false }), as('staff'))).toMatchObject({ ok: false, code: 'guard' });
  });

  it('goes ahead with a crew assigned, and for orders that need none', () => {
    expect(transition('validated', 'AS_STAKED_ACCEPTED', ctx({ crewRequired: true, crewAssigned: true }), as('staff'))).toMatchObject({ ok: true, to: 'laying_out' });
    expect(transition('delivered', 'AS_STAKED_ACCEPTED', ctx({ crewRequired: false, crewAssigned: false }), as('staff'))).toMatchObject({ ok: true, to: 'laying_out' });
  });
});
