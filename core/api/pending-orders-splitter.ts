/**
 * Cuts the pending-orders answer, as its bytes arrive, into the raw bytes of each entry of its "orders" list, so
 * the sync never holds the whole body, nor the whole list parsed: each entry is parsed on its own (JSON.parse, by
 * the caller) and hashed over exactly the bytes the server sent for it.
 *
 * This reads only the envelope's structure: the top-level object, its keys, and where each value starts and ends
 * (strings with their escapes, nesting counted with an integer, so 50,000 levels cost nothing). Every other field
 * of the envelope is passed over unread, as the contract asks (`count` among them); the entries' own syntax is
 * left to JSON.parse, so one malformed entry is that entry's problem, not the sync's. A streaming tokenizer
 * (stream-json) would assemble every number and string of 10,000 orders in JavaScript: measured on the
 * benchmark's 24 MB list it takes four to six times as long as JSON.parse of the same bytes.
 */

/** One element of the "orders" list: its bytes as sent, and how deeply it nests (deep ones are stored with care). */
export interface RawEntry {
  bytes: Buffer;
  depth: number;
}

/** The answer is not the JSON object the contract describes (the message says where it went wrong). */
export class SplitError extends Error {}

/** A UTF-8 byte-order mark before the envelope is skipped, as JSON readers do. */
const BOM = [0xef, 0xbb, 0xbf];
/** Keys longer than this are never "orders" and are not kept. */
const MAX_KEPT_KEY = 64;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** A scalar's bytes run to the next delimiter. */
function endsScalar(byte: number): boolean {
  return isSpace(byte) || byte === COMMA || byte === CLOSE_ARRAY || byte === CLOSE_OBJECT;
}

type Where =
  | 'start' // before the envelope's "{"
  | 'key-or-end' // in the envelope: a key, or "}" (only right after "{")
  | 'key' // after a ",": a key
  | 'colon'
  | 'value' // an envelope field's value, passed over
  | 'after-value' // "," or "}"
  | 'entry-or-end' // in the list: an entry, or "]" (only right after "[")
  | 'entry' // after a ",": an entry
  | 'after-entry' // "," or "]"
  | 'done';

export class PendingOrdersSplitter {
  private where: Where = 'start';
  /** Inside a value being read (an entry, a key, or a passed-over field): its nesting and string state. */
  private inValue = false;
  private depth = 0;
  private maxDepth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;
  /** The value's bytes from earlier chunks (an entry or a key), when it is being kept. */
  private parts: Buffer[] = [];
  private kept = 0;
  private keeping: 'entry' | 'key' | null = null;
  private isOrdersKey = false;
  private sawOrders = false;
  private notList = false;
  private bytesSeen = 0;

  /**
   * Whether the envelope has an "orders" list (known once it ends). Only the list is needed: `count`, which the
   * contract's own view does not even send, is never read, so a missing or malformed count cannot fail a sync.
   */
  get listed(): boolean {
    return this.sawOrders && !this.notList;
  }

  /** Feeds the next bytes; answers the entries they completed, in order. */
  push(chunk: Buffer): RawEntry[] {
    const entries: RawEntry[] = [];
    let start = this.inValue ? 0 : -1;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i]!;
      if (this.inValue) {
        if (!this.step(byte)) continue;
        // The value ended at i (a scalar ends before its delimiter, which is looked at again below).
        const end = this.scalar ? i : i + 1;
        this.finishValue(chunk, start, end, entries);
        start = -1;
        if (this.scalar) {
          this.scalar = false;
          i -= 1;
        }
        continue;
      }
      if (isSpace(byte) || (this.where === 'start' && this.bytesSeen + i < 3 && BOM[this.bytesSeen + i] === byte)) continue;
      start = this.structural(byte, i);
    }
    if (this.inValue && this.keeping) this.keep(chunk.subarray(start === -1 ? 0 : start));
    this.bytesSeen += chunk.length;
    return entries;
  }

  /** The body ended: anything but a closed envelope is a truncated or broken answer. */
  end(): void {
    if (this.where !== 'done') this.fail(this.where === 'start' ? 'the answer is empty' : 'the answer ended before its closing "}"', 0);
  }

  /** One byte inside a value; true when the value ended with it. */
  private step(byte: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (byte === BACKSLASH) this.escaped = true;
      else if (byte === QUOTE) {
        this.inString = false;
        return this.depth === 0;
      }
      return false;
    }
    if (this.scalar) return endsScalar(byte);
    if (byte === QUOTE) this.inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      this.depth += 1;
      if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      this.depth -= 1;
      return this.depth === 0;
    }
    return false;
  }

  /** A byte between values; answers where a value starting here begins (-1: none). */
  private structural(byte: number, at: number): number {
    switch (this.where) {
      case 'start':
        if (byte !== OPEN_OBJECT) this.fail('the answer is not a JSON object', at);
        this.where = 'key-or-end';
        return -1;
      case 'key-or-end':
      case 'key':
        if (byte === CLOSE_OBJECT && this.where === 'key-or-end') {
          this.where = 'done';
          return -1;
        }
        if (byte !== QUOTE) this.fail('a field name was expected in the answer', at);
        this.beginValue(byte, 'key');
        return at;
      case 'colon':
        if (byte !== COLON) this.fail('":" was expected after a field name in the answer', at);
        this.where = 'value';
        return -1;
      case 'value':
        if (this.isOrdersKey) {
          // A second list would make the first one's entries, already on their way to the cache, a guess.
          if (this.sawOrders) this.fail('the answer has two "orders" fields', at);
          this.sawOrders = true;
          if (byte === OPEN_ARRAY) {
            this.where = 'entry-or-end';
            return -1;
          }
          this.notList = true; // passed over like any field: the answer then has no list to sync
        }
        this.beginValue(byte, null);
        return at;
      case 'after-value':
        if (byte === COMMA) this.where = 'key';
        else if (byte === CLOSE_OBJECT) this.where = 'done';
        else this.fail('"," or "}" was expected after a field of the answer', at);
        return -1;
      case 'entry-or-end':
      case 'entry':
        if (byte === CLOSE_ARRAY && this.where === 'entry-or-end') {
          this.where = 'after-value';
          return -1;
        }
        if (byte === COMMA || byte === CLOSE_ARRAY || byte === COLON || byte === CLOSE_OBJECT) this.fail('an order was expected in the orders list', at);
        this.beginValue(byte, 'entry');
        return at;
      case 'after-entry':
        if (byte === COMMA) this.where = 'entry';
        else if (byte === CLOSE_ARRAY) this.where = 'after-value';
        else this.fail('"," or "]" was expected between two orders', at);
        return -1;
      case 'done':
        return this.fail('the answer goes on after its closing "}"', at);
    }
  }

  private beginValue(byte: number, keeping: 'entry' | 'key' | null): void {
    this.inValue = true;
    this.keeping = keeping;
    this.parts = [];
    this.kept = 0;
    this.depth = 0;
    this.maxDepth = 0;
    this.escaped = false;
    this.inString = byte === QUOTE;
    this.scalar = false;
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      this.depth = 1;
      this.maxDepth = 1;
    } else if (byte !== QUOTE) {
      this.scalar = true;
    }
  }

  /** Bytes of a kept value that go on into the next chunk; a key is kept only while it could still be "orders". */
  private keep(bytes: Buffer): void {
    this.kept += bytes.length;
    if (this.keeping === 'key' && this.kept > MAX_KEPT_KEY) this.parts = [];
    else this.parts.push(bytes);
  }

  private finishValue(chunk: Buffer, start: number, end: number, entries: RawEntry[]): void {
    this.inValue = false;
    const keeping = this.keeping;
    this.keeping = null;
    if (keeping === null) {
      this.where = 'after-value';
      return;
    }
    const own = chunk.subarray(Math.max(0, start), end);
    const longKey = keeping === 'key' && this.kept + own.length > MAX_KEPT_KEY;
    const bytes = this.parts.length === 0 ? own : Buffer.concat([...this.parts, own]);
    this.parts = [];
    this.kept = 0;
    if (keeping === 'entry') {
      entries.push({ bytes, depth: this.maxDepth });
      this.where = 'after-entry';
      return;
    }
    this.isOrdersKey = !longKey && isOrdersKey(bytes);
    this.where = 'colon';
  }

  private fail(message: string, at: number): never {
    throw new SplitError(`${message} (byte ${(this.bytesSeen + at).toLocaleString('en-US')})`);
  }
}

/** The key as JSON reads it ("orders", or the same spelled with escapes); a long key is never it. */
function isOrdersKey(bytes: Buffer): boolean {
  if (bytes.length === 8) return bytes.toString('latin1') === '"orders"';
  if (bytes.length > 64 || !bytes.includes(BACKSLASH)) return false;
  try {
    return JSON.parse(bytes.toString('utf8')) === 'orders';
  } catch {
    return false;
  }
}
