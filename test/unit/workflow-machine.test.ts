import { describe, expect, it } from 'vitest';
import { EVENT_SOURCES, TRANSITIONS } from '../../shared/workflow/workflow.table';
import { transition } from '../../shared/workflow/workflow.machine';
import {
  WORKFLOW_EVENTS,
  WORKFLOW_STATES,
  transitionLogEntrySchema,
  type Actor,
  type WorkflowContext,
  type WorkflowEvent,
  type WorkflowState,
} from '../../shared/workflow/workflow.types';
import { ctx } from './workflow-test-helpers';

const admin: Actor = { username: 'demo-admin', role: 'admin' };
const system: Actor = { username: 'claimdesk', role: 'system' };

/**
 * The specification, written out independently of the table: every (state, event) that is possible and where
 * it goes with a paid order, 12 of 12 claims laid out, a package, nothing delivered and no remembered state.
 * Computed targets resolve to: @resume → documents_ready (package, nothing remembered), @delivery → laying_out
 * (nothing delivered yet).
 */
const EXPECTED: Record<WorkflowState, Partial<Record<WorkflowEvent, WorkflowState>>> = {
  queued: { PULL: 'pulled', HOLD: 'on_hold', CANCEL: 'cancelled', SERVER_CANCELLED: 'cancelled', SERVER_COMPLETED: 'delivered' },
  pulled: { EDIT_LAYOUT: 'laying_out', AS_STAKED_ACCEPTED: 'laying_out', HOLD: 'on_hold', CANCEL: 'cancelled', SERVER_CANCELLED: 'needs_review', SERVER_COMPLETED: 'needs_review', ASSIGNMENT_LOST: 'needs_review' },
  laying_out: {
    EDIT_LAYOUT: 'laying_out',
    AS_STAKED_ACCEPTED: 'laying_out',
    VALIDATE_FAILED: 'laying_out',
    VALIDATE_OK: 'validated',
    HOLD: 'on_hold',
    CANCEL: 'cancelled',
    SERVER_CANCELLED: 'needs_review',
    SERVER_COMPLETED: 'needs_review',
    ASSIGNMENT_LOST: 'needs_review',
  },
  validated: {
    EDIT_LAYOUT: 'laying_out',
    AS_STAKED_ACCEPTED: 'laying_out',
    VALIDATE_FAILED: 'laying_out',
    VALIDATE_OK: 'validated',
    CONFIRM_CLAIMANT: 'validated',
    DOCUMENTS_GENERATED: 'documents_ready',
    HOLD: 'on_hold',
    CANCEL: 'cancelled',
    SERVER_CANCELLED: 'needs_review',
    SERVER_COMPLETED: 'needs_review',
    ASSIGNMENT_LOST: 'needs_review',
  },
  documents_ready: {
    EDIT_LAYOUT: 'laying_out',
    AS_STAKED_ACCEPTED: 'laying_out',
    VALIDATE_FAILED: 'laying_out',
    CONFIRM_CLAIMANT: 'documents_ready',
    DOCUMENTS_GENERATED: 'documents_ready',
    UPLOAD_QUEUED: 'uploading',
    HOLD: 'on_hold',
    CANCEL: 'cancelled',
    SERVER_CANCELLED: 'needs_review',
    SERVER_COMPLETED: 'needs_review',
    ASSIGNMENT_LOST: 'needs_review',
  },
  uploading: {
    UPLOAD_DELIVERED: 'laying_out',
    UPLOAD_NEEDS_REVIEW: 'needs_review',
    UPLOAD_DISCARDED: 'documents_ready',
    SERVER_CANCELLED: 'needs_review',
    SERVER_COMPLETED: 'needs_review',
    ASSIGNMENT_LOST: 'needs_review',
  },
  // Field work after delivery: the crew's posts amend what was delivered.
  delivered: { REOPEN: 'documents_ready', AS_STAKED_ACCEPTED: 'laying_out', COUNTY_RECORDED: 'recorded', BLM_FILED: 'filed' },
  recorded: { COUNTY_RECORDED: 'recorded', BLM_FILED: 'filed' },
  filed: { BLM_FILED: 'filed', COUNTY_RECORDED: 'filed' },
  on_hold: { RESUME: 'documents_ready', CANCEL: 'cancelled', SERVER_CANCELLED: 'needs_review', SERVER_COMPLETED: 'needs_review', ASSIGNMENT_LOST: 'needs_review' },
  cancelled: { REOPEN: 'documents_ready' },
  needs_review: {
    UPLOAD_QUEUED: 'uploading',
    UPLOAD_DELIVERED: 'laying_out',
    UPLOAD_DISCARDED: 'documents_ready',
    RESUME: 'documents_ready',
    CANCEL: 'cancelled',
  },
};

/** A person's events are sent by an admin overriding whatever blocks, so only the table decides; facts by ClaimDesk. */
function send(state: WorkflowState, event: WorkflowEvent, context = ctx()) {
  return EVENT_SOURCES[event] === 'staff'
    ? transition(state, event, context, admin, { override: { reason: 'matrix check' } })
    : transition(state, event, context, system);
}

describe('the transition table', () => {
  it('has exactly the transitions of the specification, for every state × event pair', () => {
    let possible = 0;
    for (const state of WORKFLOW_STATES) {
      for (const event of WORKFLOW_EVENTS) {
        const result = send(state, event);
        const expected = EXPECTED[state][event];
        if (expected === undefined) {
          expect(result, `${state} + ${event}`).toMatchObject({ ok: false, code: 'not-allowed', blockedBy: [] });
        } else {
          possible += 1;
          expect(result, `${state} + ${event}`).toMatchObject({ ok: true, from: state, to: expected, changed: expected !== state });
        }
      }
    }
    expect(possible).toBe(Object.values(EXPECTED).reduce((n, row) => n + Object.keys(row).length, 0));
  });

  it('names each (state, event) pair at most once, with known states and events', () => {
    const seen = new Set<string>();
    for (const rule of TRANSITIONS) {
      expect(WORKFLOW_EVENTS).toContain(rule.event);
      for (const from of rule.from) {
        expect(WORKFLOW_STATES).toContain(from);
        const pair = `${from}:${rule.event}`;
        expect(seen.has(pair), pair).toBe(false);
        seen.add(pair);
      }
    }
  });

  it('is plain data: it survives JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(TRANSITIONS))).toEqual(TRANSITIONS);
  });

  it('lets every state but delivered and cancelled be left by a person or a fact, and every state be reached', () => {
    const reached = new Set<WorkflowState>(['queued']);
    for (const row of Object.values(EXPECTED)) for (const to of Object.values(row)) reached.add(to);
    expect([...reached].sort()).toEqual([...WORKFLOW_STATES].sort());
  });

  it('writes a log entry that matches the persisted schema, with the actor, time and trimmed reason', () => {
    const result = transition('pulled', 'HOLD', ctx(), { username: 'demo-staff', role: 'staff' }, { reason: '  waiting for the claimant  ', at: '2026-11-02T10:00:00Z' });
    expect(result).toEqual({
      ok: true,
      from: 'pulled',
      to: 'on_hold',
      changed: true,
      resumeTo: 'pulled',
      logEntry: {
        from: 'pulled',
        to: 'on_hold',
        event: 'HOLD',
        actor: { username: 'demo-staff', role: 'staff' },
        at: '2026-11-02T10:00:00Z',
        reason: 'waiting for the claimant',
        override: false,
        overridden: [],
      },
    });
    if (result.ok) expect(transitionLogEntrySchema.parse(result.logEntry)).toEqual(result.logEntry);
  });

  it('records no time when none is given, no reason when it is blank, and a self-transition as unchanged', () => {
    const result = transition('documents_ready', 'DOCUMENTS_GENERATED', ctx(), { username: 'demo-staff', role: 'staff' }, { reason: '   ' });
    expect(result).toMatchObject({ ok: true, to: 'documents_ready', changed: false, logEntry: { at: null, reason: null } });
  });
});

describe('walking an order from the queue to delivered', () => {
  it('goes queued → pulled → laying out → validated → documents ready → uploading → delivered and logs each step', () => {
    const steps: [WorkflowEvent, Actor, Partial<WorkflowContext>, WorkflowState][] = [
      ['PULL', { username: 'demo-staff', role: 'staff' }, { claimsLaidOut: 0, hasPackage: false }, 'pulled'],
      ['EDIT_LAYOUT', { username: 'demo-staff', role: 'staff' }, { claimsLaidOut: 12, hasPackage: false }, 'laying_out'],
      ['VALIDATE_OK', { username: 'demo-staff', role: 'staff' }, { hasPackage: false }, 'validated'],
      ['DOCUMENTS_GENERATED', { username: 'demo-staff', role: 'staff' }, {}, 'documents_ready'],
      ['UPLOAD_QUEUED', { username: 'demo-staff', role: 'staff' }, {}, 'uploading'],
      ['UPLOAD_DELIVERED', system, { claimsDelivered: 12 }, 'delivered'],
    ];
    let state: WorkflowState = 'queued';
    const log = [];
    for (const [event, actor, context, expected] of steps) {
      const result = transition(state, event, ctx(context), actor, { at: `2026-11-0${log.length + 1}T12:00:00Z` });
      expect(result, event).toMatchObject({ ok: true, to: expected });
      if (!result.ok) return;
      log.push(result.logEntry);
      state = result.to;
    }
    expect(log.map((e) => `${e.from}→${e.to}`)).toEqual([
      'queued→pulled',
      'pulled→laying_out',
      'laying_out→validated',
      'validated→documents_ready',
      'documents_ready→uploading',
      'uploading→delivered',
    ]);
    expect(log.every((e) => !e.override)).toBe(true);
  });
});
