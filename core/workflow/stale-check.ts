/**
 * The scheduled stale-work check: once at start, then on a timer while the app is open. The check
 * itself is the workflow service's; this only runs it and never lets a failure escape the timer.
 */
export interface StaleCheck {
  start(): void;
  stop(): void;
}

export function createStaleCheck(deps: { check: () => Promise<unknown>; intervalMs: number; onError: (error: unknown) => void }): StaleCheck {
  let timer: NodeJS.Timeout | null = null;
  const run = (): void => {
    deps.check().catch(deps.onError);
  };
  return {
    start() {
      run();
      if (deps.intervalMs > 0 && !timer) {
        timer = setInterval(run, deps.intervalMs);
        timer.unref();
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
