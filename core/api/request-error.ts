/** The error a failed GeoDB request throws: its RequestFailure (what the pure classifier in shared/sync reads) and a readable message. */
import { formatLimitBytes, formatLimitSeconds, type RequestFailure } from '../../shared/sync/classify-failure';

export class RequestError extends Error {
  readonly failure: RequestFailure;

  constructor(failure: RequestFailure) {
    super(describeFailure(failure));
    this.name = 'RequestError';
    this.failure = failure;
  }
}

function describeFailure(failure: RequestFailure): string {
  switch (failure.kind) {
    case 'network':
    case 'bad-response':
    case 'unusable-answer':
      return failure.message;
    case 'timeout':
      return 'timed out';
    case 'too-large':
      return `the answer is larger than ${formatLimitBytes(failure.limitBytes)}`;
    case 'deadline':
      return `the answer did not finish within ${formatLimitSeconds(failure.ms)}`;
    case 'aborted':
      return 'stopped';
    case 'http':
      return `HTTP ${failure.status}${failure.serverMessage ? `: ${failure.serverMessage}` : ''}`;
  }
}
