/**
 * Greedy label de-cluttering: a label is drawn only if its box does not overlap one already drawn. Boxes are kept
 * in a uniform grid of cells so each test looks at a few neighbours, not at every label on screen.
 */
export type Box = { x0: number; y0: number; x1: number; y1: number };

const CELL_PX = 64;

export class CollisionGrid {
  private readonly cells = new Map<number, Box[]>();

  /** Inserts the box unless it overlaps one already in (force: insert anyway). True when inserted. */
  insert(box: Box, force = false): boolean {
    const keys = this.keys(box);
    if (!force) {
      for (const key of keys) {
        for (const other of this.cells.get(key) ?? []) {
          if (box.x0 < other.x1 && other.x0 < box.x1 && box.y0 < other.y1 && other.y0 < box.y1) return false;
        }
      }
    }
    for (const key of keys) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
    return true;
  }

  private keys(box: Box): number[] {
    const keys: number[] = [];
    // Offset so that slightly negative (just off-screen) coordinates still get distinct cells.
    const cx0 = Math.floor(box.x0 / CELL_PX) + 1000;
    const cx1 = Math.floor(box.x1 / CELL_PX) + 1000;
    const cy0 = Math.floor(box.y0 / CELL_PX) + 1000;
    const cy1 = Math.floor(box.y1 / CELL_PX) + 1000;
    for (let cx = cx0; cx <= cx1; cx += 1) for (let cy = cy0; cy <= cy1; cy += 1) keys.push(cx * 100_000 + cy);
    return keys;
  }
}

/** Rough rendered size of a label: measuring real text every frame would cost layout; this is close enough. */
export function labelBox(x: number, y: number, text: string, charPx: number, padPx: number, heightPx: number): Box {
  const w = text.length * charPx + padPx;
  return { x0: x - w / 2, y0: y - heightPx / 2, x1: x + w / 2, y1: y + heightPx / 2 };
}

/** The upright box around a w × h label centred at (x, y) and turned by `angleDeg`. */
export function rotatedBox(x: number, y: number, w: number, h: number, angleDeg: number): Box {
  const a = (angleDeg * Math.PI) / 180;
  const hw = (Math.abs(Math.cos(a)) * w + Math.abs(Math.sin(a)) * h) / 2;
  const hh = (Math.abs(Math.sin(a)) * w + Math.abs(Math.cos(a)) * h) / 2;
  return { x0: x - hw, y0: y - hh, x1: x + hw, y1: y + hh };
}
