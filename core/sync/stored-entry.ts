/**
 * The text of one pending-orders entry as the cache keeps it (order_payloads.raw_json, and what its hash is taken
 * over). Normally that is the entry exactly as received. An entry that cannot be serialised (nested so deeply that
 * JSON.stringify overflows the stack) or is larger than ORDER_LIMITS.maxStoredEntryChars is kept field by field:
 * every top-level field that fits is kept as sent, each one that does not is replaced by a note and named in a
 * problem. The result is deterministic, so an unchanged hostile entry still reads as unchanged next time.
 */
import type { OrderIssue } from '../../shared/domain/order.types';
import { formatCount, ORDER_LIMIT_CODES, ORDER_LIMITS } from '../../shared/domain/order-limits';

export interface StoredEntry {
  json: string;
  /** What had to be left out, one problem per field. */
  problems: OrderIssue[];
}

/** JSON text, or null when serialising throws (RangeError on deep nesting; a toJSON that throws cannot occur in parsed JSON). */
function tryStringify(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function megabytes(chars: number): string {
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}

const LIMIT = ORDER_LIMITS.maxStoredEntryChars;
const MAX_NAMED = 10;

export function storedEntry(entry: unknown): StoredEntry {
  const whole = tryStringify(entry);
  if (whole !== null && whole.length <= LIMIT) return { json: whole, problems: [] };
  if (!isRecord(entry)) {
    const why = whole === null ? 'nested too deeply to be stored' : `${megabytes(whole.length)}, over the ${megabytes(LIMIT)} kept per order`;
    return { json: JSON.stringify({ claimdesk_note: `entry left out: ${why}` }), problems: [] };
  }
  const parts: string[] = [];
  const problems: OrderIssue[] = [];
  let omitted = 0;
  const leftOut = (problem: OrderIssue): void => {
    omitted += 1;
    // Named one by one up to a point: an entry with a million oversized fields gets one line for the rest.
    if (omitted <= MAX_NAMED) problems.push(problem);
  };
  let size = 2;
  for (const key of Object.keys(entry)) {
    const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
    const text = tryStringify(entry[key]);
    let kept: string;
    if (text === null) {
      leftOut({ code: ORDER_LIMIT_CODES.entryTooDeep, message: `Field ${shown} is nested too deeply to be read or stored; it was left out` });
      kept = JSON.stringify('[left out by ClaimDesk: nested too deeply]');
    } else if (size + key.length + text.length + 4 > LIMIT) {
      const message = `Field ${shown} is ${megabytes(text.length)} (${formatCount(text.length)} characters); an order may take at most ${megabytes(LIMIT)} in the cache, so it was left out of the stored copy`;
      leftOut({ code: ORDER_LIMIT_CODES.entryTooLarge, message });
      kept = JSON.stringify(`[left out by ClaimDesk: ${formatCount(text.length)} characters]`);
    } else {
      kept = text;
    }
    // Keys as sent can be anything, including megabytes: a cut key still identifies the field.
    const part = `${JSON.stringify(key.length > 1000 ? key.slice(0, 1000) : key)}:${kept}`;
    size += part.length + 1;
    parts.push(part);
  }
  if (omitted > MAX_NAMED) {
    problems.push({ code: ORDER_LIMIT_CODES.entryTooLarge, message: `${formatCount(omitted - MAX_NAMED)} more fields were left out of the stored copy for the same reasons` });
  }
  return { json: `{${parts.join(',')}}`, problems };
}
