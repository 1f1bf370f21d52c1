/**
 * The outbox's one decision per answer (issue: upload outbox). Pure, so every branch is tested without a
 * network: 2xx → done; network error, timeout, 408, 429, 5xx → retry later (capped exponential backoff with
 * jitter, a server's Retry-After wins); 401 → pause the whole queue until the user signs in again, without
 * counting the attempt; 409, an order the server says is no longer pending, or a 2xx whose answer lacks what
 * ClaimDesk must keep (the work was applied) → needs review by a person; any other 4xx or an answer we cannot
 * read → failed, kept with the server's message until retried or discarded. Nothing here deletes work: the states only say what happens next.
 */
import { formatLimitBytes, type RequestFailure } from '../sync/classify-failure';
import { backoffDelay, type BackoffPolicy } from '../sync/retry-policy';

export const OUTBOX_BACKOFF: Pick<BackoffPolicy, 'baseMs' | 'capMs'> = { baseMs: 2_000, capMs: 10 * 60_000 };

export type SendResult = { kind: 'ok'; status: number } | RequestFailure;

export type SendOutcome =
  | { state: 'done' }
  | { state: 'retry'; delayMs: number; message: string }
  | { state: 'paused-auth'; message: string }
  | { state: 'needs-review'; message: string }
  | { state: 'failed'; message: string }
  /**
   * The server answered, and there is nothing to send again (a server without desk assignment, our extension; a
   * claim on an order someone else holds): never retried, kept as discarded with why, so it holds nothing back.
   */
  | { state: 'not-applied'; message: string };

/** Server messages that mean "this order cannot take this any more" whatever the status code. */
const NOT_PENDING = /\b(no longer pending|not pending|cancell?ed|already completed)\b/i;

export function classifySend(result: SendResult, attempt: number, random: () => number, policy = OUTBOX_BACKOFF): SendOutcome {
  const retry = (message: string, retryAfterMs: number | null = null): SendOutcome => ({
    state: 'retry',
    delayMs: retryAfterMs ?? backoffDelay(attempt, policy, random),
    message,
  });
  switch (result.kind) {
    case 'ok':
      return result.status >= 200 && result.status < 300
        ? { state: 'done' }
        : { state: 'failed', message: `The server answered HTTP ${result.status}, which ClaimDesk does not expect here.` };
    case 'network':
      return retry(`The server could not be reached (${result.message}); it will be tried again.`);
    case 'timeout':
      return retry('The server did not answer in time; it will be tried again.');
    case 'bad-response':
      return { state: 'failed', message: `The server's answer could not be read: ${result.message}` };
    case 'deadline':
      return retry('The server did not finish answering in time; it will be tried again.');
    case 'aborted':
      return retry('Sending was interrupted; it will be tried again.');
    // The server took it (2xx) or was already answering: it was most likely applied, so a blind resend could
    // do the work twice. A person checks the order on the server and then discards or resends the entry.
    case 'unusable-answer':
      return { state: 'needs-review', message: `The server accepted it (HTTP ${result.status}) but ${result.message}. Check the order on the server, then discard this entry or send it again.` };
    case 'too-large':
      return { state: 'needs-review', message: `The server's answer was larger than ${formatLimitBytes(result.limitBytes)} and was not read; it was probably applied. Check the order on the server, then discard this entry or send it again.` };
    case 'http': {
      const { status, serverMessage, retryAfterMs } = result;
      // Servers end their messages with a full stop or not; ours add one, so drop theirs.
      const said = serverMessage ? `: ${serverMessage.trim().replace(/[.\s]+$/, '')}` : '';
      if (status === 401) return { state: 'paused-auth', message: `Sign in again to continue sending${said}.` };
      if (status === 408 || status === 429 || status >= 500) return retry(`The server answered HTTP ${status}${said}.`, retryAfterMs);
      if (status === 409 || (status >= 400 && status < 500 && serverMessage !== null && NOT_PENDING.test(serverMessage))) {
        return { state: 'needs-review', message: `The server refused it (HTTP ${status})${said}. Decide what happens to it.` };
      }
      return { state: 'failed', message: `The server refused it (HTTP ${status})${said}.` };
    }
  }
}
