import { useEffect, useRef } from 'react';

type Keys = { undo(): void; redo(): void; cancel(): void; deleteSelection(): void };

/** True when the key belongs to a text field: its own undo (and Delete) must keep working there. */
function inField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Layout shortcuts while the step is shown: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo, Esc leaves
 * pick mode, Delete removes the selected claims. Bound once on window; handlers are read through a ref.
 */
export function useLayoutKeys(keys: Keys): void {
  const ref = useRef(keys);
  useEffect(() => {
    ref.current = keys;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        ref.current.cancel();
        return;
      }
      if (inField(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) ref.current.redo();
        else ref.current.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        ref.current.redo();
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        e.preventDefault();
        ref.current.deleteSelection();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
