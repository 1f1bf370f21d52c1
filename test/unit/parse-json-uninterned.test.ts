import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { padShortValues, parseJsonUninterned } from '../../core/sync/parse-json-uninterned';

const DEL = '\u007f';

/** What JSON.parse makes of `text`: the value, or its error message. */
function outcome(parse: (text: string) => unknown, text: string): { value: unknown } | { error: string } {
  try {
    return { value: parse(text) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** A small deterministic generator (tests must not depend on Math.random). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('parseJsonUninterned', () => {
  it('reads exactly what JSON.parse reads: values, keys, escapes, DEL as sent, __proto__ and deep nesting', () => {
    const texts = [
      '{"order_type":"claim_order","id":7,"status":"paid","claims":[{"name":"B4437 1"},{"name":"X"},{"name":""}]}',
      '{ "a" : "ab" , "b":["cd", "ef" ,"gh"] , "c" :\n"\\"q\\"", "d": "\\\\", "e": "a\\\\\\"b"}',
      `{"del":"${DEL}${DEL}","pad":"${DEL.repeat(11)}","long":"${'x'.repeat(30)}${DEL.repeat(11)}","tail":"${DEL.repeat(22)}"}`,
      '{"esc":"\\u007f\\u007f\\u007f\\u007f\\u007f\\u007f\\u007f\\u007f\\u007f\\u007f\\u007f","mixed":"ab\\u007F","u":"\\u00e9\\u2713"}',
      '{"__proto__":"short","x":{"__proto__":["ab"]}}',
      '{"looks":"\\":\\"","colon after":"v" , "k" : "w":1}',
      '"short"',
      `"${DEL.repeat(11)}"`,
      '["ab","cd",1,null,true,{"ef":"gh"}]',
      '{"emoji":"✓é","text":"déjà vu ✓ 12345678901"}',
      '{"id": 2, "status": tru}',
      '{"a":"ab',
      '{"a":"ab"}}',
      '',
    ];
    for (const text of texts) {
      expect(outcome(parseJsonUninterned, text), text.slice(0, 80)).toEqual(outcome(JSON.parse, text));
    }
    // 10,000 levels (the splitter passes any depth): read without recursion, down to the one value at the bottom.
    let deep = parseJsonUninterned(`${'['.repeat(10_000)}"ab"${']'.repeat(10_000)}`);
    for (let level = 0; level < 10_000; level += 1) deep = (deep as unknown[])[0];
    expect(deep).toBe('ab');
    // The parsed "__proto__" stays an own property with its text; the prototype is untouched.
    const parsed = parseJsonUninterned('{"__proto__":"short"}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toBe('short');
  });

  it('agrees with JSON.parse on thousands of generated entries full of quotes, backslashes, colons and DEL', () => {
    const random = seeded(20);
    const alphabet = ['a', 'B', '1', ' ', '"', '\\', ':', DEL, '\u0000', 'é', '✓', '\n', '{', ']'];
    const text = (): string => {
      const length = Math.floor(random() * 16);
      let out = '';
      for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(random() * alphabet.length)];
      return random() < 0.1 ? out + DEL.repeat(11) : out;
    };
    const value = (depth: number): unknown => {
      const pick = random();
      if (depth > 3 || pick < 0.4) return text();
      if (pick < 0.5) return Math.floor(random() * 1000) / 8;
      if (pick < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [text(), value(depth + 1)]));
    };
    for (let i = 0; i < 3_000; i += 1) {
      const sent = JSON.stringify(value(0));
      // As sent by any server: with spacing, and with some characters escaped that JSON.stringify leaves as they are.
      const spaced = sent.replaceAll('":', '" :').replaceAll(DEL, random() < 0.5 ? '\\u007f' : DEL);
      for (const variant of [sent, spaced]) expect(parseJsonUninterned(variant)).toEqual(JSON.parse(variant));
    }
  });

  it('reads a text over 256 KiB (parsed as it is: one large entry has few short texts against its size) as JSON.parse does', () => {
    const large = JSON.stringify({ names: ['B4437 1'], ring: Array.from({ length: 30_000 }, (_, i) => [i / 7, -i / 3]) });
    expect(large.length).toBeGreaterThan(256 * 1024);
    expect(parseJsonUninterned(large)).toEqual(JSON.parse(large));
  });

  it('pads only string values that V8 would put in its string table, never keys', () => {
    expect(padShortValues('{"name":"B4437 1","number":"CPO-2026-2501","x":"a"}')).toBe(`{"name":"B4437 1${DEL.repeat(11)}","number":"CPO-2026-2501","x":"a"}`);
    expect(padShortValues('{"number":"CPO-2026-2501","n":1}')).toBeNull();
    expect(padShortValues('{"a":"unterminated')).toBeNull();
  });

  it('leaves V8 string table as it was, where JSON.parse grows it with every unique short text', () => {
    // 400,000 unique claim names, as in 50,000 orders × 8 claims. V8 reports its string table (held outside the
    // heap, kept until a full collection) as part of malloced_memory; JSON.parse grows it by some 8–16 MB here.
    const entry = (order: number): string =>
      JSON.stringify({ id: order, features: Array.from({ length: 8 }, (_, claim) => ({ properties: { name: `B${order} ${claim + 1}` } })) });
    const growth = (parse: (text: string) => unknown, from: number): number => {
      const before = getHeapStatistics().malloced_memory;
      for (let order = from; order < from + 50_000; order += 1) parse(entry(order));
      return getHeapStatistics().malloced_memory - before;
    };
    const ours = growth(parseJsonUninterned, 1);
    const plain = growth(JSON.parse, 1_000_000);
    expect(plain).toBeGreaterThan(6 * 1_048_576); // the measure sees the table
    expect(ours).toBeLessThan(2 * 1_048_576);
  });
});
