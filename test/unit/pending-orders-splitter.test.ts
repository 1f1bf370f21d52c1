import { describe, expect, it } from 'vitest';
import { PendingOrdersSplitter, SplitError } from '../../core/api/pending-orders-splitter';

/** Splits `text` fed `size` bytes at a time: the entries as text, and whether the envelope had a list. */
function split(text: string, size = 1_000_000): { entries: string[]; depths: number[]; listed: boolean } {
  const bytes = Buffer.from(text, 'utf8');
  const splitter = new PendingOrdersSplitter();
  const found = [];
  for (let at = 0; at < bytes.length; at += size) found.push(...splitter.push(bytes.subarray(at, at + size)));
  splitter.end();
  return { entries: found.map((entry) => entry.bytes.toString('utf8')), depths: found.map((entry) => entry.depth), listed: splitter.listed };
}

describe('PendingOrdersSplitter', () => {
  const body = '\ufeff { "meta" : {"next": null, "deep": [[["]"]]], "s": "a\\"}{"}, "orders" : [ {"id":1,"s":"x\\\\","a":[1,{"b":"]"}]} ,\n 7, "text", null,[] ,{"id":"é✓"}], "count": "a great many" } ';

  it('hands over each entry as sent, whatever the chunk size, and passes over every other field unread', () => {
    const expected = ['{"id":1,"s":"x\\\\","a":[1,{"b":"]"}]}', '7', '"text"', 'null', '[]', '{"id":"é✓"}'];
    for (const size of [1, 2, 3, 7, 64, 1_000_000]) {
      const { entries, listed } = split(body, size);
      expect(entries).toEqual(expected);
      expect(listed).toBe(true);
    }
    expect(split(body).depths).toEqual([3, 0, 0, 0, 1, 1]);
    // Each entry is the JSON it was: what JSON.parse of the whole answer would have read.
    expect(split(body).entries.map((text) => JSON.parse(text) as unknown)).toEqual((JSON.parse(body.slice(1)) as { orders: unknown[] }).orders);
  });

  it('counts nesting without recursion: 50,000 levels are one entry like any other', () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const { entries, depths } = split(`{"orders":[${deep},{"id":2}]}`, 4096);
    expect(entries).toEqual([deep, '{"id":2}']);
    expect(depths[0]).toBe(50_000);
  });

  it('reads the key however it is spelled, never count, and knows when there is no list', () => {
    expect(split('{"\\u006frders":[1]}').entries).toEqual(['1']);
    expect(split('{"orders":[],"count":-1}')).toMatchObject({ entries: [], listed: true });
    expect(split('{"results":[{"id":1}],"count":1}')).toMatchObject({ entries: [], listed: false });
    expect(split('{"orders":{"id":1}}')).toMatchObject({ entries: [], listed: false });
    expect(split('{}')).toMatchObject({ entries: [], listed: false });
  });

  it('refuses what is not the JSON object the contract describes, saying where', () => {
    const refused = (text: string) => {
      try {
        split(text, 5);
        return 'accepted';
      } catch (error) {
        expect(error).toBeInstanceOf(SplitError);
        return (error as Error).message;
      }
    };
    expect(refused('[{"id":1}]')).toBe('the answer is not a JSON object (byte 0)');
    expect(refused('')).toBe('the answer is empty (byte 0)');
    expect(refused('{"orders":[{"id":1},{"id":2')).toMatch(/^the answer ended before its closing "}"/);
    expect(refused('{"orders":[{"id":1} {"id":2}]}')).toBe('"," or "]" was expected between two orders (byte 20)');
    expect(refused('{"orders":[1,,2]}')).toMatch(/^an order was expected in the orders list/);
    expect(refused('{"orders":[1],"orders":[2]}')).toMatch(/^the answer has two "orders" fields/);
    expect(refused('{"orders":[1]} x')).toMatch(/^the answer goes on after its closing "}"/);
    expect(refused('{orders:[1]}')).toMatch(/^a field name was expected/);
  });
});
