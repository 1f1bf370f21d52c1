import { describe, expect, it } from 'vitest';
import { ClaimBoxes } from '../../shared/workflow/claim-boxes';
import { seededRandom } from '../helpers/seeded-random';

interface Box {
  order: number;
  claim: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Every pair by brute force: boxes meeting (touching included), different orders, the earlier order's first. */
function bruteForce(boxes: Box[], sameOrder: (a: number, b: number) => boolean): number[] {
  const found: number[] = [];
  boxes.forEach((a, i) => {
    boxes.forEach((b, j) => {
      if (b.order <= a.order || sameOrder(a.order, b.order)) return;
      if (b.minX > a.maxX || b.maxX < a.minX || b.minY > a.maxY || b.maxY < a.minY) return;
      found.push(i, j);
    });
  });
  return found;
}

describe('ClaimBoxes', () => {
  it('finds exactly the boxes of different orders that meet, each pair once, in the order the boxes were added', () => {
    const next = seededRandom(20);
    const boxes: Box[] = [];
    const store = new ClaimBoxes();
    // Enough boxes to grow the arrays past their first size and to give the index several levels.
    for (let order = 0; order < 700; order += 1) {
      const claims = 1 + Math.floor(next() * 4);
      const [x, y] = [next() * 2, next() * 2];
      for (let claim = 0; claim < claims; claim += 1) {
        // On a 0.01 grid so many boxes share an edge or a corner exactly.
        const minX = Math.round((x + claim * 0.02) * 100) / 100;
        const minY = Math.round(y * 100) / 100;
        const box = { order, claim, minX, minY, maxX: minX + 0.02, maxY: minY + 0.01 * (1 + Math.floor(next() * 3)) };
        boxes.push(box);
        store.add(order, claim, box.minX, box.minY, box.maxX, box.maxY);
      }
    }
    expect(store.length).toBe(boxes.length);
    // Orders 5k and 5k+1 stand for one order listed twice.
    const sameOrder = (a: number, b: number) => Math.floor(a / 2) === Math.floor(b / 2) && a % 5 === 0;
    const expected = bruteForce(boxes, sameOrder);
    expect(expected.length).toBeGreaterThan(1_000);
    const found = store.meeting(sameOrder);
    expect([...found]).toEqual(expected);
    for (let k = 0; k < found.length; k += 2) {
      expect(store.order(found[k]!)).toBe(boxes[found[k]!]!.order);
      expect(store.claim(found[k + 1]!)).toBe(boxes[found[k + 1]!]!.claim);
      expect(store.minX(found[k]!)).toBe(boxes[found[k]!]!.minX);
      expect(store.maxX(found[k]!)).toBe(boxes[found[k]!]!.maxX);
    }
  });

  it('answers no pairs for no boxes, or for the claims of one order alone', () => {
    expect(new ClaimBoxes().meeting(() => false)).toHaveLength(0);
    const one = new ClaimBoxes();
    one.add(0, 0, 0, 0, 1, 1);
    one.add(0, 1, 0.5, 0.5, 2, 2);
    expect(one.meeting(() => false)).toHaveLength(0);
  });
});
