/**
 * Long loops in the back-end share the event loop with the window's IPC (Electron main): one that runs for seconds
 * freezes every answer the window waits for. A loop that calls `await turn()` each step gives the loop back once
 * `budgetMs` of its own work has passed: setImmediate lets timers, I/O and IPC run, and costs nothing when not due.
 * Database work stays consistent across a turn: Kysely's single SQLite connection is held by a transaction until
 * it commits, so other queries wait for it rather than run inside it.
 */
import { performance } from 'node:perf_hooks';

/** Long enough that the turns themselves cost nothing measurable, short enough that the window never notices. */
export const TURN_BUDGET_MS = 10;

export type Turn = () => Promise<void> | undefined;

export function createTurn(budgetMs: number = TURN_BUDGET_MS): Turn {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}
