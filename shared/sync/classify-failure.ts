/**
 * One pure decision for every failed request to the server: retry it, ask the user to sign in again, or give up
 * with a reason the user can read. Used by sync (and by the upload outbox later).
 */
import type { ErrorCode } from '../errors';

export type RequestFailure =
  | { kind: 'network'; message: string }
  | { kind: 'timeout' }
  | { kind: 'http'; status: number; serverMessage: string | null; retryAfterMs: number | null }
  | { kind: 'bad-response'; message: string }
  /** A 2xx whose body lacks what ClaimDesk must keep: the server did the work, the answer cannot be used. */
  | { kind: 'unusable-answer'; status: number; message: string }
  /** The answer grew past the bytes ClaimDesk accepts for it (counted after decompression). */
  | { kind: 'too-large'; limitBytes: number }
  /** The answer did not finish within the overall deadline (however steadily it trickled). */
  | { kind: 'deadline'; ms: number }
  /** ClaimDesk itself stopped the request (it is closing). */
  | { kind: 'aborted' };

/** "100 MB", "512 kB": for limits in messages. */
export function formatLimitBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1000)} kB`;
}

export function formatLimitSeconds(ms: number): string {
  return ms >= 120_000 ? `${Math.round(ms / 6_000) / 10} minutes` : `${Math.round(ms / 100) / 10} s`;
}

export type FailureDecision =
  | { action: 'retry'; code: ErrorCode; retryAfterMs: number | null; message: string }
  | { action: 'stop'; code: ErrorCode; message: string };

export function classifyFailure(failure: RequestFailure, serverLabel: string): FailureDecision {
  switch (failure.kind) {
    case 'network':
      return { action: 'retry', code: 'offline', retryAfterMs: null, message: `Cannot reach ${serverLabel} (${failure.message}).` };
    case 'timeout':
      return { action: 'retry', code: 'offline', retryAfterMs: null, message: `${serverLabel} did not answer in time.` };
    case 'bad-response':
      return { action: 'stop', code: 'bad-response', message: `${serverLabel} sent an answer ClaimDesk does not understand: ${failure.message}` };
    case 'unusable-answer':
      return { action: 'stop', code: 'bad-response', message: `${serverLabel} answered HTTP ${failure.status} but ${failure.message}` };
    case 'too-large':
      return { action: 'stop', code: 'limit-exceeded', message: `${serverLabel} sent more than ${formatLimitBytes(failure.limitBytes)}, the most ClaimDesk reads for this answer.` };
    case 'deadline':
      return { action: 'stop', code: 'limit-exceeded', message: `${serverLabel} did not finish its answer within ${formatLimitSeconds(failure.ms)}.` };
    case 'aborted':
      return { action: 'stop', code: 'cancelled', message: `The request to ${serverLabel} was stopped.` };
    case 'http':
      return classifyStatus(failure, serverLabel);
  }
}

function classifyStatus(failure: Extract<RequestFailure, { kind: 'http' }>, serverLabel: string): FailureDecision {
  const said = failure.serverMessage ? `: ${failure.serverMessage}` : '';
  const { status } = failure;
  if (status === 401) {
    return { action: 'stop', code: 'auth-required', message: `Your sign-in has expired or was revoked${said}. Please sign in again.` };
  }
  if (status === 403) {
    return { action: 'stop', code: 'staff-required', message: `Staff access required${said}. This account cannot list pending orders.` };
  }
  if (status === 429) {
    return { action: 'retry', code: 'rate-limited', retryAfterMs: failure.retryAfterMs, message: `${serverLabel} asked us to slow down (429)${said}.` };
  }
  if (status === 408 || status >= 500) {
    return {
      action: 'retry',
      code: 'server-error',
      retryAfterMs: failure.retryAfterMs,
      message: `${serverLabel} had a problem (HTTP ${status})${said}.`,
    };
  }
  return { action: 'stop', code: 'bad-response', message: `${serverLabel} refused the request (HTTP ${status})${said}.` };
}
