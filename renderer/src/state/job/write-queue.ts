/**
 * The open job's writes to main, run one after another in the order they were asked for: an older layout can never
 * land after a newer one, and a command or a step save sees every edit made before it.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private count = 0;

  /** `onCount` is told whenever the number of writes queued or on the wire changes. */
  constructor(private readonly onCount: () => void) {}

  /** Writes queued or on the wire. */
  get inFlight(): number {
    return this.count;
  }

  /** Runs `work` after every earlier write; its failure is its caller's, never the next write's. */
  run<T>(work: () => Promise<T>): Promise<T> {
    this.count += 1;
    this.onCount();
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined).finally(() => {
      this.count -= 1;
      this.onCount();
    });
    return run;
  }

  /** Resolves once every write queued so far has been answered. */
  settled(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
