/**
 * The claims' bounding boxes for the possible-duplicate check (duplicate-orders.ts), and which of them meet.
 *
 * Held in typed arrays, not an object per box: at 10,000 orders × 8 claims the objects (four boxed doubles and two
 * numbers each) and an R-tree of nodes over them were some 20 MB of heap that the garbage collector sized its heap
 * by, and four times the orders cost four times that. The index is flatbush's packed static R-tree, built once over
 * every box in one buffer: the check adds every box before it asks anything, so rbush's dynamic tree (kept where
 * claims move, shared/claims/layout-check-memo.ts) would only cost memory here.
 */
import Flatbush from 'flatbush';

/** Boxes before the first growth of the arrays. */
const INITIAL = 1024;

/** Every claim's lon/lat box, with the order it belongs to (its place in the list) and its place among the order's claims. */
export class ClaimBoxes {
  private bounds = new Float64Array(4 * INITIAL);
  private owners = new Int32Array(2 * INITIAL);
  private count = 0;

  get length(): number {
    return this.count;
  }

  add(order: number, claim: number, minX: number, minY: number, maxX: number, maxY: number): void {
    if (this.count * 4 === this.bounds.length) this.grow();
    const at = this.count;
    this.bounds[at * 4] = minX;
    this.bounds[at * 4 + 1] = minY;
    this.bounds[at * 4 + 2] = maxX;
    this.bounds[at * 4 + 3] = maxY;
    this.owners[at * 2] = order;
    this.owners[at * 2 + 1] = claim;
    this.count += 1;
  }

  order(box: number): number {
    return this.owners[box * 2]!;
  }

  claim(box: number): number {
    return this.owners[box * 2 + 1]!;
  }

  minX(box: number): number {
    return this.bounds[box * 4]!;
  }

  maxX(box: number): number {
    return this.bounds[box * 4 + 2]!;
  }

  /**
   * Claims of different orders whose boxes meet (edges and corners touching count, as the exact comparison decides),
   * as pairs of box numbers, each pair once with the earlier order's claim first, in the order the boxes were added
   * and then the other box's. `sameOrder(i, j)` says whether orders i and j are one order listed twice.
   */
  meeting(sameOrder: (a: number, b: number) => boolean): Int32Array {
    const { count, bounds, owners } = this;
    if (count === 0) return new Int32Array(0);
    const index = new Flatbush(count);
    for (let box = 0; box < count; box += 1) index.add(bounds[box * 4]!, bounds[box * 4 + 1]!, bounds[box * 4 + 2]!, bounds[box * 4 + 3]!);
    index.finish();
    let found = new Int32Array(2 * INITIAL);
    let size = 0;
    for (let box = 0; box < count; box += 1) {
      const order = owners[box * 2]!;
      const hits = index.search(bounds[box * 4]!, bounds[box * 4 + 1]!, bounds[box * 4 + 2]!, bounds[box * 4 + 3]!, (hit) => owners[hit * 2]! > order);
      if (hits.length === 0) continue;
      hits.sort((x, y) => x - y);
      for (const hit of hits) {
        if (sameOrder(order, owners[hit * 2]!)) continue;
        if (size + 2 > found.length) found = grown(found);
        found[size++] = box;
        found[size++] = hit;
      }
    }
    return found.slice(0, size);
  }

  private grow(): void {
    this.bounds = grown(this.bounds);
    this.owners = grown(this.owners);
  }
}

function grown<T extends Float64Array | Int32Array>(array: T): T {
  const next = new (array.constructor as new (length: number) => T)(array.length * 2);
  next.set(array);
  return next;
}
