/** Errors a route throws to answer with a specific status and DRF-style body. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly body: Record<string, unknown>;

  constructor(statusCode: number, body: Record<string, unknown>) {
    super(typeof body['detail'] === 'string' ? body['detail'] : `HTTP ${statusCode}`);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.body = body;
  }
}

export const NOT_AUTHENTICATED = 'Authentication credentials were not provided.';
export const INVALID_TOKEN = 'Invalid token.';
export const BAD_CREDENTIALS = 'Unable to log in with provided credentials.';
export const STAFF_REQUIRED = 'Staff access required';

export const notAuthenticated = (): HttpError => new HttpError(401, { detail: NOT_AUTHENTICATED });
export const invalidToken = (): HttpError => new HttpError(401, { detail: INVALID_TOKEN });
export const staffRequired = (): HttpError => new HttpError(403, { error: STAFF_REQUIRED });
