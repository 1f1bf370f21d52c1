/**
 * Typed errors shared by every layer. A `code` is a stable reason the UI and CLI can branch on;
 * the message is written for a staff member, not for a developer.
 */
export const ERROR_CODES = [
  'invalid-request', // an IPC payload or CLI argument failed validation
  'untrusted-sender', // an IPC message came from a frame we did not load
  'auth-required', // no session, or the server rejected the token (401): sign in again
  'auth-failed', // the username or password was refused
  'other-server', // this data folder holds another server's work: sign in there, or use a separate data folder
  'staff-required', // the server answered 403: this user is not staff
  'offline', // the server could not be reached (network error, timeout) after retries
  'server-error', // 5xx after retries
  'rate-limited', // 429 after retries
  'bad-response', // the server answered something that does not match the contract
  'limit-exceeded', // an answer went past a limit ClaimDesk sets (download size or time); see the message
  'not-found', // the requested record does not exist locally
  'db-too-new', // the cache was written by a newer ClaimDesk
  'db-failed', // the cache could not be opened or migrated
  'busy', // an operation of the same kind is already running
  'cancelled', // the user cancelled the operation (e.g. a batch export)
  'not-ready', // the job or order cannot be used for this yet (e.g. documents without a claimant); see the message
  'io-failed', // a file or folder could not be read or written
  'workflow-refused', // the fulfilment workflow refused a transition (not allowed now, a guard, a missing override or role); see the message
  'assignment-held', // another staff member works the order (desk assignment); the message names them and since when
  'forbidden', // the signed-in user's role may not do this (e.g. an override by a staff member)
  'bad-file', // an imported file cannot be read as what it should be (e.g. not CadNSDI PLSS data); nothing was changed
  'internal', // a bug: anything not classified above
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** The message of anything thrown (a rejected promise may carry a string, or nothing at all). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns anything thrown into the envelope we send across IPC; unknown errors never leak stack traces. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (isAppError(error)) return error.toInfo();
  return { code: 'internal', message: `Unexpected error: ${errorMessage(error)}` };
}

/** The structural part of a zod failure, so this module needs no zod import (the sandboxed preload bundles it). */
interface ZodLikeError {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/**
 * Human-readable summary of a zod failure, naming the field (`serverUrl: Enter the server address…`).
 * Uses only zod's messages and paths, never the received values: a request may carry a password.
 */
export function describeZodError(error: ZodLikeError, subject: string): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const field = issue.path.map(String).join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return `Invalid ${subject}: ${parts.join('; ')}${more}`;
}
