import { describe, expect, it } from 'vitest';
import { jsonText, terminalText } from '../../cli/terminal-text';
import { storedEntry } from '../../core/sync/stored-entry';
import { normalizePendingOrder } from '../../shared/domain/normalize-order';
import { ORDER_LIMIT_CODES, ORDER_LIMITS } from '../../shared/domain/order-limits';
import { parseClaimPolygons } from '../../shared/geometry/claim-polygons';
import { goodOrder, nestedJson } from '../helpers/hostile-orders';

const square = (lon: number, name: string) => ({
  type: 'Feature',
  properties: { name },
  geometry: { type: 'Polygon', coordinates: [[[lon, 40], [lon + 0.005, 40], [lon + 0.005, 40.004], [lon, 40.004], [lon, 40]]] },
});

/** A simple ring with `vertices` positions on a circle (closed). */
function circle(vertices: number): number[][] {
  const ring = Array.from({ length: vertices }, (_, i) => [-116 + 0.01 * Math.cos((2 * Math.PI * i) / vertices), 40 + 0.01 * Math.sin((2 * Math.PI * i) / vertices)]);
  return [...ring, ring[0]!];
}

describe('the per-order caps', () => {
  it('refuses a ring over the per-ring vertex cap, naming the caps, and still reads the order’s other claims', () => {
    const big = { type: 'Feature', properties: { name: 'BIG' }, geometry: { type: 'Polygon', coordinates: [circle(ORDER_LIMITS.maxVerticesPerRing + 5)] } };
    const result = parseClaimPolygons({ type: 'FeatureCollection', features: [square(-116.5, 'OK 1'), big] });
    expect(result.claims.map((c) => c.name)).toEqual(['OK 1']);
    expect(result.problems).toEqual([
      {
        code: ORDER_LIMIT_CODES.tooManyVerticesInRing,
        claim: 'BIG',
        message: "Claim 'BIG': outer ring has 10,006 vertices; ClaimDesk checks at most 10,000 vertices per ring and 50,000 per order",
      },
    ]);
  });

  it('stops checking an order whose geometry runs past its time budget, saying how many claims were left', () => {
    let clock = 0;
    const now = () => (clock += 400); // every look at the clock costs 400 ms
    const features = [square(-116.5, 'A'), square(-116.4, 'B'), square(-116.3, 'C'), square(-116.2, 'D')];
    const result = parseClaimPolygons({ type: 'FeatureCollection', features }, { now });
    expect(result.claims.length).toBeLessThan(4);
    expect(result.problems.at(-1)).toEqual({
      code: ORDER_LIMIT_CODES.geometryTimedOut,
      message: expect.stringMatching(/^Checking the order's geometry ran past its 1 s budget; \d of its 4 claims were not checked$/),
    });
  });

  it('cuts text at the cap with a problem, drops over-long claimant fields, and names an over-long claim name', () => {
    const long = 'Z'.repeat(ORDER_LIMITS.maxTextChars + 1);
    const result = normalizePendingOrder(
      goodOrder(1, {
        order_number: long,
        claimant_info: { claimant_name: long },
        claim_polygons: { type: 'FeatureCollection', features: [square(-116.5, long)] },
      }),
      0,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.order.orderNumber).toHaveLength(ORDER_LIMITS.maxTextChars);
    expect(result.order.claimantInfo).toBeNull();
    expect(result.order.warnings.map((w) => w.code)).toContain('claimant_info_malformed');
    const problems = result.order.problems.filter((p) => p.code === ORDER_LIMIT_CODES.textTooLong);
    expect(problems.map((p) => p.message)).toEqual([
      'order_number is 1,001 characters long; ClaimDesk keeps at most 1,000 (cut there)',
      expect.stringMatching(/has a name 1,001 characters long; ClaimDesk keeps at most 1,000 \(cut there\)$/),
    ]);
    expect(result.order.claims[0]!.name).toHaveLength(ORDER_LIMITS.maxTextChars);
  });
});

describe('storedEntry', () => {
  it('keeps an ordinary entry exactly as JSON.stringify writes it', () => {
    const entry = goodOrder(3);
    expect(storedEntry(entry)).toEqual({ json: JSON.stringify(entry), problems: [] });
  });

  it('leaves out a field too deep to serialise and one too large to keep, naming each, and stays valid JSON', () => {
    const entry = { ...goodOrder(4), audit: JSON.parse(nestedJson(50_000)) as unknown, notes: 'n'.repeat(ORDER_LIMITS.maxStoredEntryChars + 10) };
    const stored = storedEntry(entry);
    expect(stored.problems.map((p) => p.code)).toEqual([ORDER_LIMIT_CODES.entryTooDeep, ORDER_LIMIT_CODES.entryTooLarge]);
    expect(stored.problems[1]!.message).toMatch(/^Field notes is 4\.0 MB \(4,000,012 characters\); an order may take at most 4\.0 MB in the cache/);
    const kept = JSON.parse(stored.json) as Record<string, unknown>;
    expect(kept).toMatchObject({ id: 4, order_number: 'CO-4', audit: expect.stringContaining('left out'), notes: expect.stringContaining('left out') });
    expect(storedEntry(entry).json).toBe(stored.json); // deterministic: an unchanged entry hashes the same
  });
});

describe('terminal text', () => {
  it('removes whole escape sequences and every other C0/C1 control, keeping tab and newline', () => {
    expect(terminalText('CO-\u001b]0;pwned\u0007-7\u001b[2J\u009b31m\tok\n')).toBe('CO--731m\tok\n');
    expect(terminalText('a\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\b\r\u0000\u007f')).toBe('alinkb');
  });

  it('escapes C1 characters in JSON without changing what the document says', () => {
    const text = JSON.stringify({ n: 'x\u009b31m\u001b[2J' });
    const safe = jsonText(text);
    expect(safe).not.toMatch(/[\u007f-\u009f]/);
    expect(JSON.parse(safe)).toEqual(JSON.parse(text));
  });
});
