import { describe, expect, it } from 'vitest';
import { safeFileName, safeOrderFolderName, truncateUtf8, uniqueSafeNames, utf8ByteLength } from '../../shared/documents/safe-names';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[/\\<>:"|?*\u0000-\u001F\u007F]/;
const RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\s*\..*)?$/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What every produced name must satisfy, whatever went in. */
function expectSafe(name: string, maxBytes = 120): void {
  expect(name).not.toBe('');
  expect(name).not.toMatch(FORBIDDEN);
  expect(name).not.toMatch(RESERVED);
  expect(name).not.toMatch(LONE_SURROGATE);
  expect(name).not.toContain('..');
  expect(name).not.toMatch(/^[\s.]|[\s.]$/);
  expect(name.normalize('NFC')).toBe(name);
  expect(utf8ByteLength(name)).toBeLessThanOrEqual(maxBytes);
  expect(new TextEncoder().encode(name).length).toBe(utf8ByteLength(name));
}

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'etc_passwd'],
    ['a/b\\c', 'a_b_c'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['LPT9', '_LPT9'],
    ['nul .pdf', '_nul .pdf'],
    ['  .hidden. ', 'hidden'],
    ['', 'unnamed'],
    ['....', 'unnamed'],
    ['a\u0000b', 'a b'],
    ['tab\there\r\nnew\u0007line\u009F', 'tab here new line'],
    ['what?<is>:this|"*', 'what__is__this'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['Łukasz Peña & O\'Brien', 'Łukasz Peña & O\'Brien'],
    ['CONSOLE', 'CONSOLE'],
    ['COM10', 'COM10'],
  ])('%j → %j', (raw, expected) => {
    const name = safeFileName(raw);
    expect(name).toBe(expected);
    expectSafe(name);
  });

  it('normalises to NFC, so a name typed on macOS (NFD) and on Windows is the same file', () => {
    expect(safeFileName('Pen\u0303a')).toBe('Peña');
    expect(safeFileName('Peña')).toBe(safeFileName('Pen\u0303a'));
  });

  it('caps long names by UTF-8 bytes, keeping a short extension', () => {
    const plain = safeFileName('x'.repeat(500));
    expect(plain).toBe('x'.repeat(120));
    const polish = safeFileName('Ł'.repeat(500));
    expect(utf8ByteLength(polish)).toBe(120);
    expect(polish).toBe('Ł'.repeat(60));
    const pdf = safeFileName(`${'notice '.repeat(50)}.pdf`, { maxLength: 40 });
    expect(pdf.endsWith('.pdf')).toBe(true);
    expect(pdf).not.toMatch(/\s\.pdf$/);
    expectSafe(pdf, 40);
  });

  it('never splits an emoji at the byte limit', () => {
    for (let pad = 0; pad < 4; pad += 1) {
      const name = safeFileName(`${'a'.repeat(pad)}${'😀'.repeat(40)}`);
      expectSafe(name);
      expect(utf8ByteLength(name)).toBeGreaterThan(116);
      expect(name.replace(/^a*/, '')).toMatch(/^(😀)+$/u);
    }
    // A skin-toned thumbs-up is one character of two code points: kept whole or left out whole.
    const thumbs = '👍🏽';
    const cut = truncateUtf8(`ab${thumbs}`, 2 + 4 + 2);
    expect(cut).toBe('ab');
    expect(truncateUtf8(`ab${thumbs}`, 10)).toBe(`ab${thumbs}`);
  });

  it('keeps a reserved device name harmless even when it had to be shortened', () => {
    const name = safeFileName(`con.${'x'.repeat(200)}`);
    expect(name.startsWith('_con.')).toBe(true);
    expectSafe(name);
  });

  it('makes any input safe, and is idempotent', () => {
    // Deterministic pseudo-random strings over the awkward parts of Unicode.
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pool = ['.', ' ', '/', '\\', ':', '*', '?', '"', '<', '>', '|', '\u0000', '\u001F', '\u0085', '\uD83D', '\uDE00', '😀', 'Ł', 'e\u0301', 'a', 'Z', 'CON', 'lpt1', '\u202E', '\uFEFF', '~', '-', '_'];
    for (let k = 0; k < 400; k += 1) {
      const raw = Array.from({ length: next(80) }, () => pool[next(pool.length)]!).join('');
      const maxLength = [16, 40, 120][next(3)]!;
      const name = safeFileName(raw, { maxLength });
      expectSafe(name, maxLength);
      expect(safeFileName(name, { maxLength })).toBe(name);
    }
  });
});

describe('uniqueSafeNames', () => {
  it('makes duplicates unique without regard to case, as macOS and Windows compare names', () => {
    expect(uniqueSafeNames(['CO-1', 'co-1'])).toEqual(['CO-1', 'co-1 (2)']);
    expect(uniqueSafeNames(['CO-1', 'co-1', 'Co-1'])).toEqual(['CO-1', 'co-1 (2)', 'Co-1 (3)']);
    expect(uniqueSafeNames(['a', 'a', 'a (2)'])).toEqual(['a', 'a (3)', 'a (2)']);
    expect(uniqueSafeNames(['notice.pdf', 'NOTICE.PDF'])).toEqual(['notice.pdf', 'NOTICE (2).PDF']);
    // Different raw names that clean up to the same name are duplicates too.
    expect(uniqueSafeNames(['a/b', 'a\\b', 'a:b'])).toEqual(['a_b', 'a_b (2)', 'a_b (3)']);
    expect(uniqueSafeNames(['', '...', 'CON', 'con'])).toEqual(['unnamed', 'unnamed (2)', '_CON', '_con (2)']);
  });

  it('keeps numbered names within the byte limit', () => {
    const names = uniqueSafeNames(Array.from({ length: 12 }, () => 'Ł'.repeat(100)), { maxLength: 40 });
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(12);
    for (const name of names) expectSafe(name, 40);
    expect(names[11]!.endsWith(' (12)')).toBe(true);
  });
});

describe('safeOrderFolderName', () => {
  it('names the folder after the order number and keeps it unique per order', () => {
    expect(safeOrderFolderName('claim_purchase', 'CP-2026-0042', 42)).toBe('CP-2026-0042 (claim_purchase 42)');
    const folders = [
      safeOrderFolderName('claim_purchase', 'CP/2026', 1),
      safeOrderFolderName('claim_purchase', 'CP:2026', 2),
      safeOrderFolderName('claim_order', 'CP/2026', 1),
      safeOrderFolderName('claim_order', 'cp/2026', 2),
    ];
    expect(new Set(folders.map((f) => f.toLowerCase())).size).toBe(folders.length);
    for (const folder of folders) expectSafe(folder);
  });

  it('survives hostile and empty order numbers without losing the order identity', () => {
    expect(safeOrderFolderName('claim_order', '../..', 7)).toBe('order (claim_order 7)');
    expect(safeOrderFolderName('claim_order', 'CON', 7)).toBe('_CON (claim_order 7)');
    const long = safeOrderFolderName('claim_purchase', '😀'.repeat(100), 123456);
    expectSafe(long);
    expect(long.endsWith(' (claim_purchase 123456)')).toBe(true);
  });
});
