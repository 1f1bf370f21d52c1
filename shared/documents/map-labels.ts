/**
 * Greedy label placement on a map sheet: every label offers a few candidate boxes (in order of preference) and
 * takes the first that overlaps nothing already placed, else the one that overlaps least. Not optimal, but
 * deterministic and cheap, and on a claim block (regular grids, shared corners) it keeps corner numbers, post
 * numbers and monument labels readable. Boxes are paper points; a coarse grid of buckets keeps it linear.
 */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const BUCKET = 36; // points: half an inch

export function boxAt(cx: number, cy: number, w: number, h: number): Box {
  return { x0: cx - w / 2, y0: cy - h / 2, x1: cx + w / 2, y1: cy + h / 2 };
}

/** The upright box around a w × h label centred on (cx, cy) and turned by `angle` radians. */
export function rotatedBox(cx: number, cy: number, w: number, h: number, angle: number): Box {
  const c = Math.abs(Math.cos(angle));
  const s = Math.abs(Math.sin(angle));
  return boxAt(cx, cy, w * c + h * s, w * s + h * c);
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

export class LabelSpace {
  private readonly buckets = new Map<string, Box[]>();

  /** `bounds`: the map frame; a label reaching outside it costs as much as covering another label. */
  constructor(private readonly bounds: Box) {}

  private keys(box: Box): string[] {
    const out: string[] = [];
    for (let i = Math.floor(box.x0 / BUCKET); i <= Math.floor(box.x1 / BUCKET); i += 1) {
      for (let j = Math.floor(box.y0 / BUCKET); j <= Math.floor(box.y1 / BUCKET); j += 1) out.push(`${i},${j}`);
    }
    return out;
  }

  /** Mark a box as taken (a symbol, a line label) without choosing it from candidates. */
  occupy(box: Box): void {
    for (const key of this.keys(box)) {
      const list = this.buckets.get(key);
      if (list) list.push(box);
      else this.buckets.set(key, [box]);
    }
  }

  /** Overlap with placed boxes plus whatever lies outside the frame, in square points. */
  cost(box: Box): number {
    const seen = new Set<Box>();
    let total = 0;
    for (const key of this.keys(box)) {
      for (const other of this.buckets.get(key) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        total += overlapArea(box, other);
      }
    }
    const area = (box.x1 - box.x0) * (box.y1 - box.y0);
    return total + (area - overlapArea(box, this.bounds));
  }

  /** Index of the chosen candidate (which is then occupied); -1 when there were none. */
  place(candidates: readonly Box[]): number {
    let best = -1;
    let bestCost = Infinity;
    for (let k = 0; k < candidates.length; k += 1) {
      const c = this.cost(candidates[k]!);
      if (c < bestCost - 1e-9) [best, bestCost] = [k, c];
      if (c <= 1e-9) break;
    }
    if (best >= 0) this.occupy(candidates[best]!);
    return best;
  }
}
