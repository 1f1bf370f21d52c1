import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, pushHistory, redo, redoLabel, undo, undoLabel } from '../../shared/layout/layout-history';

describe('layout history', () => {
  it('undoes and redoes a sequence of edits, with labels', () => {
    let h = createHistory<number[]>([1]);
    expect(canUndo(h)).toBe(false);
    expect(canRedo(h)).toBe(false);
    h = pushHistory(h, [1, 2], 'add');
    h = pushHistory(h, [2], 'delete');
    h = pushHistory(h, [3], 'rename');
    expect(undoLabel(h)).toBe('rename');
    h = undo(h);
    expect(h.present).toEqual([2]);
    expect(redoLabel(h)).toBe('rename');
    h = undo(h);
    expect(h.present).toEqual([1, 2]);
    expect(undoLabel(h)).toBe('add');
    h = redo(h);
    expect(h.present).toEqual([2]);
    h = undo(undo(h));
    expect(h.present).toEqual([1]);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(redo(redo(h)));
    expect(h.present).toEqual([3]);
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it('a new edit after undo clears redo', () => {
    let h = pushHistory(pushHistory(createHistory('a'), 'b', 'x'), 'c', 'y');
    h = undo(h);
    h = pushHistory(h, 'd', 'z');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('keeps at most `limit` undo steps and never mutates a history', () => {
    const start = createHistory(0, 3);
    let h = start;
    for (let i = 1; i <= 10; i += 1) h = pushHistory(h, i, `set ${i}`);
    expect(h.past.map((e) => e.value)).toEqual([7, 8, 9]);
    expect(start.past).toEqual([]);
    const frozen = Object.freeze(h);
    expect(() => undo(frozen)).not.toThrow();
    expect(pushHistory(h, h.present, 'no-op')).toBe(h);
  });
});
