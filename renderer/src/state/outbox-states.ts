/**
 * How the outbox's states read to staff, and which actions each allows. The allowed actions mirror what main
 * accepts (core/outbox/outbox.service.ts), so a button is never offered only to be refused.
 */
import type { OutboxEntryState } from '../../../shared/outbox/outbox.types';
import type { ChipTone } from '../lib/tone';

export const STATE_LABELS: Record<OutboxEntryState, string> = {
  queued: 'Queued',
  sending: 'Sending',
  retry: 'Waiting to retry',
  paused: 'Paused',
  needs_review: 'Needs review',
  failed: 'Failed',
  done: 'Delivered',
  discarded: 'Discarded',
};

export const STATE_TONES: Record<OutboxEntryState, ChipTone> = {
  queued: 'blue',
  sending: 'blue',
  retry: 'amber',
  paused: 'amber',
  needs_review: 'red',
  failed: 'red',
  done: 'green',
  discarded: 'grey',
};

/** Still owed to the server: what the badge counts and what "Open" lists. */
export const OPEN_STATES: readonly OutboxEntryState[] = ['queued', 'sending', 'retry', 'paused', 'needs_review', 'failed'];
/** A person has to act: these turn the badge red. */
export const ATTENTION_STATES: readonly OutboxEntryState[] = ['failed', 'needs_review'];

const RETRYABLE: readonly OutboxEntryState[] = ['failed', 'needs_review', 'paused', 'retry'];
// Never an entry being sent: its answer may still arrive and must be recorded.
const DISCARDABLE: readonly OutboxEntryState[] = ['queued', 'retry', 'paused', 'needs_review', 'failed'];

export const canRetry = (state: OutboxEntryState): boolean => RETRYABLE.includes(state);
export const canDiscard = (state: OutboxEntryState): boolean => DISCARDABLE.includes(state);
export const isOpen = (state: OutboxEntryState): boolean => OPEN_STATES.includes(state);

function sum(counts: Record<string, number>, states: readonly OutboxEntryState[]): number {
  return states.reduce((total, state) => total + (counts[state] ?? 0), 0);
}

export const openCount = (counts: Record<string, number>): number => sum(counts, OPEN_STATES);
export const attentionCount = (counts: Record<string, number>): number => sum(counts, ATTENTION_STATES);
