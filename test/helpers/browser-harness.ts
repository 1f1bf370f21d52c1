/**
 * The whole app, for real, under Chromium: the reference GeoDB server (temp SQLite), ClaimDesk's back-end
 * (createClaimDeskApp over a temp cache, memory token store) behind the browser host serving the built renderer,
 * and Debian Chromium driven by playwright-core. Nothing of ours is mocked. Periodic sync is off
 * (syncIntervalMs 0) so each test decides when a sync happens.
 *
 * One harness per test file (started in beforeAll, closed in afterAll): starting Chromium is the slow part.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_STAFF, type ReferenceServer, type SeedOption } from '../../server';
import { createClaimDeskApp } from '../../core/app/create-app';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { createMemoryTokenStore } from '../../core/session/token-store';
import { startBrowserHost, type BrowserHost } from '../../host/host-server';
import { startTestServer } from './back-end';
import { makeTempDir } from './temp-dir';

const ROOT = resolve(import.meta.dirname, '../..');
const STATIC_DIR = join(ROOT, 'out', 'renderer');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
export const CHROMIUM = process.env['CLAIMDESK_CHROMIUM'] ?? '/usr/bin/chromium';

// Flags that work in this container: no sandbox (root, no user namespaces), WebGL through SwiftShader (software
// GL: the MapLibre map needs WebGL, which --disable-gpu would switch off), and nothing that phones home, so a
// failed request in the log is always one of ours.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface HarnessOptions {
  seed?: SeedOption;
  viewport?: { width: number; height: number };
  /** Draw scrollbars as a desktop does (headless Chromium hides them unless told), for tests that look for one. */
  showScrollbars?: boolean;
}

export interface BrowserHarness {
  server: ReferenceServer;
  app: ClaimDeskApp;
  host: BrowserHost;
  context: BrowserContext;
  page: Page;
  /** console.error output and uncaught page errors, in order. */
  consoleErrors: string[];
  /** Requests that failed at the network level or answered 4xx/5xx. */
  failedRequests: string[];
  /** Opens the app and signs in through the form (the renderer starts a sync right after a staff sign-in). */
  signIn(username?: string, password?: string): Promise<void>;
  /**
   * Signs in (demo-staff unless told) and waits until the first sync has filled the queue with `expected` orders.
   * Sign-in lands on the dashboard; this opens the queue, where every test that uses it starts.
   */
  signInAndSync(expected: number, username?: string): Promise<void>;
  /** Signs out through the account menu and waits for the sign-in form. */
  signOut(): Promise<void>;
  /**
   * Signs out and signs in as `username` on the same page, without a reload: what is open in the window (a job
   * and its undo history) stays, as it does when people take turns at one desk.
   */
  switchUser(username: string, password?: string): Promise<void>;
  /** Presses "Sync now" and waits until the bar is no longer syncing. */
  syncNow(timeoutMs?: number): Promise<void>;
  /** Resolves once the order-count reads "<n> order(s)" (formatted like the app, e.g. 10,000). */
  waitForCount(n: number, timeoutMs?: number): Promise<void>;
  rows(): Locator;
  /** Order numbers of the rendered rows in row order (aria-rowindex), not DOM order. */
  renderedOrderNumbers(): Promise<string[]>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export function countText(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'order' : 'orders'}`;
}

export async function startBrowserHarness(options: HarnessOptions = {}): Promise<BrowserHarness> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(`The built renderer is missing (${STATIC_DIR}): run npx electron-vite build`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium`);
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  // Every started part registers its own shutdown, so a failure half-way through start-up still cleans up.
  const stops: (() => Promise<void> | void)[] = [];
  const close = async (): Promise<void> => {
    const errors: unknown[] = [];
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'browser harness: shutdown failed');
  };

  try {
    const server = await startTestServer(options.seed ?? 'demo');
    stops.push(() => server.cleanup());

    const data = makeTempDir('claimdesk-browser-cache-');
    stops.push(() => data.cleanup());
    const app = await createClaimDeskApp({
      dataDir: data.dir,
      runtime: 'browser-host',
      tokenStore: createMemoryTokenStore(),
      syncIntervalMs: 0,
    });
    stops.push(() => app.close());
    await app.start();

    const host = await startBrowserHost({ app, staticDir: STATIC_DIR, port: 0, log: () => {} });
    stops.push(() => host.close());

    const profile = makeTempDir('claimdesk-chromium-');
    stops.push(() => profile.cleanup());
    const context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1440, height: 900 },
      locale: 'en-US',
      timezoneId: 'UTC',
      ...(options.showScrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
    });
    stops.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);

    const consoleErrors: string[] = [];
    const failedRequests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    page.on('requestfailed', (request) => {
      // ERR_ABORTED is the page itself cancelling: a navigation (tests reload between steps) drops the SSE stream
      // and any in-flight IPC call. Refused connections, resets and HTTP errors are still recorded.
      const reason = request.failure()?.errorText ?? 'failed';
      if (reason === 'net::ERR_ABORTED') return;
      failedRequests.push(`${request.method()} ${request.url()}: ${reason}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    });

    const rows = () => page.getByTestId('order-row');
    const syncBar = page.getByTestId('sync-bar');

    const harness: BrowserHarness = {
      server,
      app,
      host,
      context,
      page,
      consoleErrors,
      failedRequests,
      async signIn(username = DEMO_STAFF.username, password = DEMO_PASSWORD) {
        await page.goto(host.url);
        await page.getByTestId('sign-in-form').waitFor();
        await page.getByTestId('sign-in-server-url').fill(server.url);
        await page.getByTestId('sign-in-username').fill(username);
        await page.getByTestId('sign-in-password').fill(password);
        await page.getByTestId('sign-in-submit').click();
      },
      async signInAndSync(expected, username) {
        await harness.signIn(username);
        await page.getByTestId('app-header').waitFor();
        await page.getByTestId('nav-queue').click();
        await harness.waitForCount(expected, 60_000);
        await waitFor('the first sync to finish', () => syncBar.getAttribute('data-state'), (s) => s === 'idle', 60_000);
      },
      async signOut() {
        await page.getByTestId('account-menu-button').click();
        await page.getByTestId('sign-out').click();
        await page.getByTestId('sign-in-form').waitFor();
      },
      async switchUser(username, password = DEMO_PASSWORD) {
        await harness.signOut();
        await page.getByTestId('sign-in-server-url').fill(server.url);
        await page.getByTestId('sign-in-username').fill(username);
        await page.getByTestId('sign-in-password').fill(password);
        await page.getByTestId('sign-in-submit').click();
        await page.getByTestId('app-header').waitFor();
      },
      async syncNow(timeoutMs = 60_000) {
        const button = page.getByTestId('sync-button');
        await waitFor('the sync button to be enabled', () => button.isEnabled(), Boolean, timeoutMs);
        await button.click();
        // The button is disabled from the click until main answers, whatever the outcome.
        await waitFor('the sync to end', () => button.isEnabled(), Boolean, timeoutMs);
        await waitFor('the sync bar to leave "syncing"', () => syncBar.getAttribute('data-state'), (s) => s !== 'syncing', timeoutMs);
      },
      async waitForCount(n, timeoutMs = 15_000) {
        const count = page.getByTestId('order-count');
        const wanted = `${countText(n)} ·`;
        await waitFor(`order-count "${wanted}"`, () => count.textContent(), (text) => text?.startsWith(wanted) === true, timeoutMs);
      },
      rows,
      async renderedOrderNumbers() {
        const found = await rows().evaluateAll((elements) =>
          elements.map((el) => [Number(el.getAttribute('aria-rowindex')), el.getAttribute('data-order-number') ?? ''] as const),
        );
        return [...found].sort((a, b) => a[0] - b[0]).map(([, number]) => number);
      },
      async screenshot(name) {
        const path = join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path, fullPage: false });
        return path;
      },
      close,
    };
    return harness;
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/**
 * Polls until `read()` satisfies `done`. Not vitest's expect.poll: that only works inside a test, and the harness
 * also waits in beforeAll. The error names what was awaited and the last value seen.
 */
export async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (done(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The pending documents the server lists right now, parsed just enough for test oracles. */
export interface ListedOrder {
  order_type: 'claim_purchase' | 'claim_order';
  id: number;
  order_number: string;
  created_at: string;
  customer_email: string;
  company_name: string;
  project_name: string;
}

export async function listedOrders(server: ReferenceServer): Promise<ListedOrder[]> {
  return (await server.store.pendingOrderDocs()).map((doc) => JSON.parse(doc) as ListedOrder);
}
