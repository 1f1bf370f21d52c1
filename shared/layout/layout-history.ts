/**
 * Undo/redo for layout edits: an immutable value a zustand store can hold and replace. Each entry keeps the
 * label of the edit that produced the NEXT value, so the UI can say "Undo move" / "Redo rotate".
 */
export interface HistoryEntry<T> {
  value: T;
  label: string;
}

export interface History<T> {
  /** Oldest first; past[past.length - 1] is what undo returns to. */
  readonly past: readonly HistoryEntry<T>[];
  readonly present: T;
  /** The label of the edit that made `present` ('' for the initial value). */
  readonly presentLabel: string;
  /** Nearest first; future[0] is what redo returns to. */
  readonly future: readonly HistoryEntry<T>[];
  readonly limit: number;
}

export function createHistory<T>(present: T, limit = 100): History<T> {
  return { past: [], present, presentLabel: '', future: [], limit: Math.max(1, Math.floor(limit)) };
}

/** Records an edit; clears redo (a new branch) and drops the oldest steps beyond `limit`. */
export function pushHistory<T>(h: History<T>, next: T, label: string): History<T> {
  if (Object.is(next, h.present)) return h;
  const past = [...h.past, { value: h.present, label: h.presentLabel }];
  return { ...h, past: past.slice(Math.max(0, past.length - h.limit)), present: next, presentLabel: label, future: [] };
}

export function canUndo<T>(h: History<T>): boolean {
  return h.past.length > 0;
}

export function canRedo<T>(h: History<T>): boolean {
  return h.future.length > 0;
}

/** Label of the edit undo would revert, or null. */
export function undoLabel<T>(h: History<T>): string | null {
  return canUndo(h) ? h.presentLabel : null;
}

/** Label of the edit redo would re-apply, or null. */
export function redoLabel<T>(h: History<T>): string | null {
  return h.future[0]?.label ?? null;
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past[h.past.length - 1];
  if (!previous) return h;
  return {
    ...h,
    past: h.past.slice(0, -1),
    present: previous.value,
    presentLabel: previous.label,
    future: [{ value: h.present, label: h.presentLabel }, ...h.future],
  };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (!next) return h;
  return {
    ...h,
    past: [...h.past, { value: h.present, label: h.presentLabel }],
    present: next.value,
    presentLabel: next.label,
    future: rest,
  };
}
