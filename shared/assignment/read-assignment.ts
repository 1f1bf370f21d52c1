/**
 * The desk assignment a pending-orders entry carries, read as tolerantly as every other server answer
 * (shared/api/answer-readers.ts): a server without assignment sends neither field and the order is simply
 * unassigned; a field we cannot read counts as absent rather than breaking the order.
 */
export interface OrderHolder {
  username: string;
  /** Full name as staff know them; the username when the server gave none. */
  name: string;
  /** ISO 8601: since when. */
  since: string;
  /** ISO 8601: the last activity the server saw (null: not said). */
  activeAt: string | null;
  /** Username of the previous holder when a manager or admin took the order over. */
  takenOverFrom: string | null;
  reason: string | null;
}

export interface ExpiredClaim {
  username: string;
  name: string;
  since: string;
  expiredAt: string;
}

export interface OrderAssignment {
  holder: OrderHolder | null;
  expired: ExpiredClaim | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, max = 200): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;
}

function time(value: unknown): string | null {
  const raw = text(value, 64);
  return raw !== null && !Number.isNaN(Date.parse(raw)) ? raw : null;
}

export function readHolder(value: unknown): OrderHolder | null {
  if (!isRecord(value)) return null;
  const username = text(value.username, 150);
  const since = time(value.since);
  if (username === null || since === null) return null;
  return {
    username,
    name: text(value.name) ?? username,
    since,
    activeAt: time(value.active_at),
    takenOverFrom: text(value.taken_over_from, 150),
    reason: text(value.reason, 500),
  };
}

function readExpired(value: unknown): ExpiredClaim | null {
  if (!isRecord(value)) return null;
  const username = text(value.username, 150);
  const since = time(value.since);
  const expiredAt = time(value.expired_at);
  if (username === null || since === null || expiredAt === null) return null;
  return { username, name: text(value.name) ?? username, since, expiredAt };
}

export function readOrderAssignment(entry: unknown): OrderAssignment {
  if (!isRecord(entry)) return { holder: null, expired: null };
  return { holder: readHolder(entry.assigned_to), expired: readExpired(entry.assignment_expired) };
}

/** The cached columns back into the shapes above (written by the sync from the readers above); unreadable: null. */
function parseStored<T>(json: string | null): T | null {
  if (json === null) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

export const parseStoredHolder = (json: string | null): OrderHolder | null => parseStored<OrderHolder>(json);
export const parseStoredExpired = (json: string | null): ExpiredClaim | null => parseStored<ExpiredClaim>(json);
