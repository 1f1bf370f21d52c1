/**
 * `npm start` as a staff user runs it (scripts/start.mjs: the demo server and the browser host as its children,
 * here on free ports and a temp data folder): stopping the demo server leaves ClaimDesk running offline, an
 * upload queued meanwhile waits in the outbox, and when the server comes back the upload is delivered and
 * "Offline" goes away within seconds (any answer from the server proves it reachable; the next scheduled sync is
 * minutes away).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOT_DIR } from '../helpers/browser-harness';
import { openUploadStep } from '../helpers/browser-outbox';
import { makeTempDir } from '../helpers/temp-dir';

vi.setConfig({ expect: { poll: { timeout: 30_000 } } });

const ROOT = resolve(import.meta.dirname, '../..');
const temp = makeTempDir('claimdesk-start-');
let start: ChildProcessWithoutNullStreams;
let output = '';
let context: BrowserContext;
let page: Page;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/** Resolves once start.mjs (or a child) has printed text matching `pattern` after `from` (an offset into the output). */
function printed(pattern: RegExp, from = 0, timeoutMs = 120_000): Promise<RegExpMatchArray> {
  return new Promise((done, fail) => {
    const check = (): boolean => {
      const match = output.slice(from).match(pattern);
      if (match) done(match);
      return match !== null;
    };
    if (check()) return;
    const timer = setTimeout(() => fail(new Error(`start.mjs never printed ${pattern}; output:\n${output}`)), timeoutMs);
    const listener = (): void => {
      if (check()) {
        clearTimeout(timer);
        start.stdout.off('data', listener);
      }
    };
    start.stdout.on('data', listener);
  });
}

beforeAll(async () => {
  start = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      CLAIMDESK_SERVER_PORT: String(await freePort()),
      CLAIMDESK_HOST_PORT: String(await freePort()),
      CLAIMDESK_DEV_DIR: temp.dir,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  start.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  start.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [, url] = await printed(/browser host: open (http:\/\/\S+)/);
  context = await chromium.launchPersistentContext(join(temp.dir, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  await page.goto(url!);
  await page.getByTestId('app-header').waitFor({ timeout: 60_000 });
}, 240_000);

afterAll(async () => {
  await context?.close();
  if (start && start.exitCode === null) {
    const exited = new Promise((done) => start.once('exit', done));
    start.kill('SIGTERM');
    await exited;
  }
  temp.cleanup();
});

const offlineChip = () => page.getByTestId('header-offline');
const stepEntry = () => page.getByTestId('upload-step').getByTestId('outbox-entry').first();

describe('npm start: the demo server stops and comes back', () => {
  it('keeps the app running offline, holds the upload, delivers it when the server is back and clears Offline', async () => {
    await page.getByTestId('nav-queue').click();
    await expect.poll(() => page.getByTestId('order-row').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await openUploadStep(page, 'CO-10');

    const before = output.length;
    start.stdin.write('s\n');
    await printed(/The reference server stopped \(as asked\)\. ClaimDesk keeps running offline/, before);
    expect(start.exitCode).toBeNull();

    // The app, still up, finds the server gone at its next request.
    await page.getByTestId('sync-button').click();
    await expect.poll(() => offlineChip().count(), { timeout: 90_000 }).toBe(1);
    await page.getByTestId('queue-upload').click();
    await expect.poll(() => stepEntry().getAttribute('data-state')).toBe('retry');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'start-offline-waiting.png') });

    const restart = output.length;
    start.stdin.write('s\n');
    await printed(/Starting the reference server/, restart);
    // The outbox retries by itself (no click): delivered, and the Offline chip gone within seconds of it.
    await expect.poll(() => stepEntry().getAttribute('data-state'), { timeout: 90_000 }).toBe('done');
    await expect.poll(() => offlineChip().count(), { timeout: 5_000 }).toBe(0);
    expect(await page.getByTestId('offline-banner').count()).toBe(0);
    expect(start.exitCode).toBeNull();
  }, 300_000);
});
