/**
 * The set-up most browser test files share: one Chromium and one back-end per file, signed in as demo-staff with
 * the whole demo queue synced. Vitest hooks belong to the file that registers them, so each file calls this at its
 * top level; the harness it returns is filled in by the file's beforeAll, before the first test runs.
 */
import { afterAll, beforeAll } from 'vitest';
import { listedOrders, startBrowserHarness, type BrowserHarness, type HarnessOptions } from './browser-harness';

export function signedInHarnessForFile(options: HarnessOptions = {}): BrowserHarness {
  const harness = {} as BrowserHarness;
  let started: BrowserHarness | undefined;
  beforeAll(async () => {
    started = await startBrowserHarness(options);
    Object.assign(harness, started);
    await harness.signInAndSync((await listedOrders(harness.server)).length);
  });
  afterAll(async () => {
    await started?.close();
  });
  return harness;
}
