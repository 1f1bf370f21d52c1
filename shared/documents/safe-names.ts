/**
 * File and folder names made from things people typed (order numbers, claim names): safe on Windows, macOS and
 * Linux, inside a ZIP, and never able to leave the package folder ("../../etc/passwd" becomes "etc_passwd").
 * Letters from any script and spaces are kept: "Łukasz Peña & O'Brien" is a fine name everywhere.
 *
 * Lengths are counted in UTF-8 bytes because that is what the limits are in (255 bytes per name on ext4 and
 * APFS, ZIP entry names), and we stay well under them so the folder and a suffix like " (2)" still fit.
 */

export const DEFAULT_MAX_NAME_BYTES = 120;
const MIN_NAME_BYTES = 16;
const MAX_NAME_BYTES = 255;
export const FALLBACK_NAME = 'unnamed';

export interface SafeNameOptions {
  /** Limit in UTF-8 bytes (default 120, clamped to 16..255). */
  maxLength?: number;
  /** Used when nothing usable is left (default "unnamed"); must itself be a safe name. */
  fallback?: string;
}

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0, DEL and C1 controls: invisible, and NUL ends a path in C, so a name could mean two different files.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
// Bidi overrides and isolates can make "invoice\u202Efdp.exe" display as "invoiceexe.pdf"; the BOM and
// direction marks are invisible. Zero-width joiners stay: emoji sequences need them.
const INVISIBLE_FORMATTING = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// Path separators and the characters Windows forbids in a name.
const FORBIDDEN = /[/\\<>:"|?*]/g;
// Device names Windows reserves in every folder, with or without an extension ("con.txt" is the console too).
const RESERVED = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])\s*(\..*)?$/i;
// A short extension worth keeping when a name is shortened or numbered ("notice (2).pdf", not "notice.pdf (2)").
const EXTENSION = /\.[A-Za-z][A-Za-z0-9]{0,4}$/;

function clampMax(maxLength: number | undefined): number {
  const value = maxLength === undefined || !Number.isFinite(maxLength) ? DEFAULT_MAX_NAME_BYTES : Math.floor(maxLength);
  return Math.min(MAX_NAME_BYTES, Math.max(MIN_NAME_BYTES, value));
}

export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** User-perceived characters where the runtime can tell (so "👍🏽" is never cut in half), else code points. */
function characters(text: string): string[] {
  if (typeof Intl.Segmenter === 'function') {
    return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
  }
  return [...text];
}

/** The longest prefix of whole characters (never half a surrogate pair) within maxBytes. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const cut = (units: string[]): string => {
    let out = '';
    let used = 0;
    for (const unit of units) {
      const bytes = utf8ByteLength(unit);
      if (used + bytes > maxBytes) break;
      out += unit;
      used += bytes;
    }
    return out;
  };
  const byCharacter = cut(characters(text));
  // One enormous cluster (a stack of combining marks) would leave nothing; fall back to whole code points.
  return byCharacter === '' && text !== '' ? cut([...text]) : byCharacter;
}

function trimEnds(text: string): string {
  // Leading dots hide files on macOS/Linux; Windows drops trailing dots and spaces, so "a." and "a" would clash.
  return text.replace(/^[\s._]+|[\s._]+$/g, '');
}

/** After shortening only the end is tidied: the start was already clean, and a reserved-name "_" must stay. */
function trimTail(text: string): string {
  return text.replace(/[\s._]+$/, '');
}

function splitExtension(name: string): { stem: string; extension: string } {
  const match = EXTENSION.exec(name);
  if (!match || match.index === 0) return { stem: name, extension: '' };
  return { stem: name.slice(0, match.index), extension: match[0] };
}

/** Shortens to maxBytes, keeping a short extension when there is room for a stem. */
function fitBytes(name: string, maxBytes: number, suffix = ''): string {
  const { stem, extension } = splitExtension(name);
  const room = maxBytes - utf8ByteLength(suffix) - utf8ByteLength(extension);
  if (utf8ByteLength(stem) <= room) return `${stem}${suffix}${extension}`;
  const shortStem = trimTail(truncateUtf8(stem, Math.max(0, room)));
  if (shortStem !== '') return `${shortStem}${suffix}${extension}`;
  return trimTail(truncateUtf8(`${stem}${suffix}`, maxBytes));
}

/** A single safe file or folder name (never a path) for `raw`. */
export function safeFileName(raw: string, options: SafeNameOptions = {}): string {
  const maxBytes = clampMax(options.maxLength);
  let name = String(raw ?? '')
    .replace(LONE_SURROGATES, '')
    .normalize('NFC')
    .replace(CONTROLS, ' ')
    .replace(INVISIBLE_FORMATTING, '')
    .replace(FORBIDDEN, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ');
  name = trimEnds(name);
  if (utf8ByteLength(name) > maxBytes) name = fitBytes(name, maxBytes);
  if (RESERVED.test(name)) name = fitBytes(`_${name}`, maxBytes);
  return name === '' ? (options.fallback ?? FALLBACK_NAME) : name;
}

/** How file systems that ignore case (NTFS, APFS and HFS+ by default) compare names. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Safe names for a list, unique without regard to case: ["CO-1", "co-1", "CO-1"] → ["CO-1", "co-1 (2)", "CO-1 (3)"].
 * A name keeps its plain form when it is the first of its kind; later duplicates are numbered, skipping numbers
 * another entry already uses ("a", "a", "a (2)" → "a", "a (3)", "a (2)").
 */
export function uniqueSafeNames(raws: readonly string[], options: SafeNameOptions = {}): string[] {
  const maxBytes = clampMax(options.maxLength);
  const names = raws.map((raw) => safeFileName(raw, options));
  const taken = new Set<string>();
  const keeps = names.map((name) => {
    const key = nameKey(name);
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  });
  return names.map((name, k) => {
    if (keeps[k]) return name;
    for (let n = 2; ; n += 1) {
      const candidate = fitBytes(name, maxBytes, ` (${n})`);
      const key = nameKey(candidate);
      if (!taken.has(key)) {
        taken.add(key);
        return candidate;
      }
    }
  });
}

/**
 * The package folder for an order: "CP-2026-0042 (claim_purchase 42)". The order type and id make it unique per
 * order even when two order numbers clean up to the same text; only the order number is ever shortened.
 */
export function safeOrderFolderName(orderType: string, orderNumber: string, orderId: number | string, options: SafeNameOptions = {}): string {
  const maxBytes = clampMax(options.maxLength);
  const id = typeof orderId === 'number' && Number.isSafeInteger(orderId) ? String(orderId) : safeFileName(String(orderId), { maxLength: 24, fallback: '0' });
  const tag = ` (${safeFileName(orderType, { maxLength: 32, fallback: 'order' })} ${id})`;
  const number = trimTail(truncateUtf8(safeFileName(orderNumber, { maxLength: MAX_NAME_BYTES, fallback: 'order' }), maxBytes - utf8ByteLength(tag)));
  return `${number || 'order'}${tag}`;
}
