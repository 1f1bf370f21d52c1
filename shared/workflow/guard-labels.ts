import { EVENT_LABELS } from './workflow.table';
import { WORKFLOW_EVENTS, type GuardCode, type WorkflowEvent } from './workflow.types';

/** The log's name for a manager's or admin's take-over of an order this desk already has a job for (no state changes). */
export const TAKE_OVER_EVENT = 'TAKE_OVER';

/**
 * What an overridden guard stood for, in staff's words: the history, the override badges and the outbox's summary
 * of an override record all read it, so a guard's code never reaches a sentence on screen.
 */
export const GUARD_LABELS: Readonly<Record<GuardCode, string>> = {
  'awaiting-payment': 'awaiting payment',
  'over-capacity': 'more claims than purchased',
  'reopen-closed': 'reopening a closed job',
  'no-claims': 'no claims laid out',
  'layout-invalid': 'a layout that does not pass validation',
  'claimant-incomplete': 'an incomplete claimant',
  'no-package': 'no package generated',
  'recording-missing': 'no county recording entered',
  'not-recorded': 'a BLM filing before the county recording',
  'blm-filing-missing': 'no BLM filing entered',
  'held-by-other': 'an order another staff member is working on',
  'crew-unassigned': 'no crew assigned',
};

export function guardList(guards: readonly GuardCode[]): string {
  return guards.map((guard) => GUARD_LABELS[guard]).join(', ');
}

/** A guard or event read back from a stored record (the history, an outbox payload): unknown codes get a plain phrase, never the code. */
const guardLabel = (code: string): string => (GUARD_LABELS as Readonly<Record<string, string>>)[code] ?? 'a workflow rule';
export function eventLabel(event: string): string {
  // MIGRATED is the history's first row for a job that existed before the workflow was recorded.
  if (event === 'MIGRATED') return 'Given its first state (upgrade)';
  if (event === TAKE_OVER_EVENT) return 'Take the order over';
  return (WORKFLOW_EVENTS as readonly string[]).includes(event) ? EVENT_LABELS[event as WorkflowEvent] : 'A workflow step';
}

/** "Override by pat (reopening a closed job): Reopen — customer asked", for the outbox's list. */
export function overrideSummary(record: { actor: string; event: string; overridden: readonly string[]; reason: string }): string {
  return `Override by ${record.actor} (${record.overridden.map(guardLabel).join(', ')}): ${eventLabel(record.event)} — ${record.reason}`;
}
