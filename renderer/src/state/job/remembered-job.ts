/**
 * Which job was open, kept in the window's local storage: the renderer restarts on a reload while the job itself
 * lives in main, so the app reopens it from this id.
 */
const OPEN_JOB_KEY = 'claimdesk.openJobId';

/** The job id to reopen after a reload (the renderer restarts; the job itself lives in main). */
export function rememberedJobId(): number | null {
  try {
    const value = Number(window.localStorage.getItem(OPEN_JOB_KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

export function rememberJob(jobId: number | null): void {
  try {
    if (jobId === null) window.localStorage.removeItem(OPEN_JOB_KEY);
    else window.localStorage.setItem(OPEN_JOB_KEY, String(jobId));
  } catch {
    // Storage can be unavailable (private mode); resuming from the jobs list still works.
  }
}
