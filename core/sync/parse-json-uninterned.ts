/**
 * JSON.parse without filling V8's string table with the text's short string values (the sync parses each entry of
 * the pending-orders list with it).
 *
 * V8's JSON.parse internalizes every string value of ten characters or fewer: it goes into the isolate's string
 * table, allocated in the old generation, with a slot in a hash table kept outside the heap that doubles as it grows
 * and keeps its earlier copies until the next full collection. Unique ones, such as claim names ("B4437 1"), are
 * garbage as soon as their order is checked, but only a full collection removes them, and V8 runs none while a sync
 * downloads. Measured on the benchmark's corpus: at 40,000 orders × 8 claims the table and its strings held some
 * 18 MB more than at 10,000 (the table alone 15.8 MB against 3.2), and with the same names made 11 characters long
 * the 40,000-order sync peaked 4 MB above the 10,000-order one instead of 22.
 *
 * So each short string value is parsed with PAD (eleven DEL characters) before its closing quote, too long to be
 * internalized, and PAD is taken off again. Keys are left as they are: an order has a few dozen, the same in every
 * order. The mapping is exact: every value that could end with PAD as sent (one ending in DEL, raw or escaped) is
 * padded too, so a parsed value ends with PAD if and only if PAD was added to it. PAD is only ever added inside
 * what this reads as a string; where that is not what JSON.parse reads (the entry is not valid JSON), the padded
 * text is not valid either, and the entry is parsed as sent, so a broken entry is reported with JSON.parse's own
 * message for what the server sent.
 */

const BACKSLASH = 0x5c;
const COLON = 0x3a;
const DEL = 0x7f;
const LOWER_F = 0x66;
const UPPER_F = 0x46;
/** Longer than the ten characters V8 internalizes (newer V8: nine). */
const PAD_LENGTH = 11;
const PAD = '\u007f'.repeat(PAD_LENGTH);
const SHORT = 10;
/**
 * Longer texts are parsed as they are. What fills the table is many orders, each with a few short texts; one large
 * entry has few against its size, while its padded copy and the walk to take PAD off cost in proportion to it (the
 * benchmark's 4 MB hostile order: 150–200 ms more, and a copy of it). An order of 8 claims is some 2.5 kB.
 */
const MAX_PADDED_CHARS = 256 * 1024;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * `text` with PAD before the closing quote of each short string value, or null when it has none or does not scan
 * as JSON strings (then the entry is parsed as sent). A value is short by its characters as JSON.parse counts them:
 * one with an escape is padded when its text is short, whatever it decodes to.
 */
export function padShortValues(text: string): string | null {
  const parts: string[] = [];
  let copied = 0;
  let from = 0;
  for (;;) {
    const open = text.indexOf('"', from);
    if (open === -1) break;
    let close = text.indexOf('"', open + 1);
    // A quote preceded by an odd number of backslashes is part of the string.
    for (;;) {
      if (close === -1) return null;
      let backslashes = 0;
      while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes += 1;
      if (backslashes % 2 === 0) break;
      close = text.indexOf('"', close + 1);
    }
    from = close + 1;
    const length = close - open - 1;
    // One character is never added to the table (V8 keeps one string per character). A longer value is padded
    // only when it may end in DEL, so that PAD is never found where it was not added.
    if (length < 2 || (length > SHORT && !mayEndInDel(text, close))) continue;
    let next = close + 1;
    while (isSpace(text.charCodeAt(next))) next += 1;
    if (text.charCodeAt(next) === COLON) continue; // a key
    parts.push(text.slice(copied, close), PAD);
    copied = close;
  }
  if (parts.length === 0) return null;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** The string closed at `close` ends in DEL as sent, or perhaps in its escape (\u007f). */
function mayEndInDel(text: string, close: number): boolean {
  const last = text.charCodeAt(close - 1);
  return last === DEL || ((last === LOWER_F || last === UPPER_F) && text.charCodeAt(close - 6) === BACKSLASH);
}

/** The entry's text parsed, as JSON.parse(text) parses it; throws JSON.parse's own error when it is not JSON. */
export function parseJsonUninterned(text: string): unknown {
  const padded = text.length <= MAX_PADDED_CHARS ? padShortValues(text) : null;
  if (padded === null) return JSON.parse(text);
  let value: unknown;
  try {
    value = JSON.parse(padded);
  } catch {
    return JSON.parse(text);
  }
  if (typeof value === 'string') return unpadded(value);
  return typeof value === 'object' && value !== null ? unpadValues(value) : value;
}

function isPadded(value: string): boolean {
  return value.length >= PAD_LENGTH && value.charCodeAt(value.length - 1) === DEL && value.endsWith(PAD);
}

function unpadded(value: string): string {
  return isPadded(value) ? value.slice(0, -PAD_LENGTH) : value;
}

/** Nesting walked by recursion (an order nests about nine levels); deeper, without it (an entry may nest thousands). */
const RECURSION_DEPTH = 64;

/** Takes PAD off every string value of `node`, in place. */
function unpadValues(node: object, depth = 0): object {
  if (depth >= RECURSION_DEPTH) return unpadDeep(node);
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i += 1) {
      const value: unknown = node[i];
      if (typeof value === 'string') {
        if (isPadded(value)) node[i] = value.slice(0, -PAD_LENGTH);
      } else if (typeof value === 'object' && value !== null) unpadValues(value, depth + 1);
    }
    return node;
  }
  const record = node as Record<string, unknown>;
  // for…in rather than Object.keys: a third of the time, on objects JSON.parse made (own properties only, checked).
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const value = record[key];
    if (typeof value === 'string') {
      if (isPadded(value)) unpadProperty(record, key, value);
    } else if (typeof value === 'object' && value !== null) unpadValues(value, depth + 1);
  }
  return node;
}

/** The same without recursion, for what nests deeper than RECURSION_DEPTH. */
function unpadDeep(root: object): object {
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i += 1) {
        const value: unknown = node[i];
        if (typeof value === 'string') {
          if (isPadded(value)) node[i] = value.slice(0, -PAD_LENGTH);
        } else if (typeof value === 'object' && value !== null) stack.push(value);
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (typeof value === 'string') {
        if (isPadded(value)) unpadProperty(record, key, value);
      } else if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return root;
}

function unpadProperty(record: Record<string, unknown>, key: string, value: string): void {
  // JSON.parse makes "__proto__" an own property; plain assignment would set the prototype instead.
  if (key === '__proto__') Object.defineProperty(record, key, { value: value.slice(0, -PAD_LENGTH), writable: true, enumerable: true, configurable: true });
  else record[key] = value.slice(0, -PAD_LENGTH);
}
