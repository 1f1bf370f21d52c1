/**
 * The renderer's defences as a real browser applies them: the strict CSP (header and meta) stops eval and
 * injected inline script — what would turn hostile order data into code — the browser-host page has no Node or
 * preload globals, and the host refuses IPC calls sent by any other origin (CSRF from a page the user has open).
 */
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, CONTENT_SECURITY_POLICY } from '../../core/platform/csp';
import { methodPath } from '../../shared/ipc/http-bridge';
import { listedOrders, startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness';
import { HOST_KEY_HEADER } from '../../host/host-key';

let h: BrowserHarness;
let foreign: Server;
let foreignUrl: string;

beforeAll(async () => {
  h = await startBrowserHarness();
  // Signed in, so a cross-origin getSession would have something worth stealing.
  await h.signInAndSync((await listedOrders(h.server)).length);
  // "Another site": any page on a different origin, here another port on 127.0.0.1.
  foreign = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>elsewhere</title>'));
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await h?.close();
  // Chromium keeps connections alive; close() alone would wait for them to time out.
  foreign?.closeAllConnections();
  await new Promise((resolve) => foreign?.close(resolve));
});

/** Collects CSP violation reports the page fires from now on (the page's own record of what it blocked). */
async function watchViolations(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective));
  })()`);
}
const violations = (page: Page) => page.evaluate<string[]>('window.__violations');

async function withForeignPage(use: (page: Page) => Promise<void>): Promise<void> {
  const page = await h.context.newPage();
  try {
    await page.goto(foreignUrl);
    await use(page);
  } finally {
    await page.close();
  }
}

/**
 * Tries eval and new Function. Code run by page.evaluate itself is exempt from the eval check (DevTools'
 * Runtime.evaluate allows it), so the attempt runs later in a timer callback, as the page's own code.
 */
async function probeEval(page: Page): Promise<string[] | null> {
  await page.evaluate(`(() => {
    const tryIt = (f) => { try { return 'ran:' + f(); } catch (e) { return e.name; } };
    setTimeout(() => { window.__evalOutcome = [tryIt(() => eval('1')), tryIt(() => new Function('return 2')())]; }, 0);
  })()`);
  let outcome: string[] | null = null;
  await expect.poll(async () => (outcome = await page.evaluate<string[] | null>('window.__evalOutcome ?? null'))).not.toBeNull();
  return outcome;
}

/** Injects an inline <script> and an element with an inline onclick (the shape of XSS in order data). */
async function probeInline(page: Page): Promise<{ script: boolean; handler: boolean }> {
  return page.evaluate(`(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    const div = document.createElement('div');
    div.setAttribute('onclick', 'window.__handlerRan = true');
    document.body.append(div);
    div.click();
    return { script: window.__inlineRan === true, handler: window.__handlerRan === true };
  })()`);
}

describe('renderer security in the browser host', () => {
  it('serves the strict CSP both as a header and as the meta tag', async () => {
    const response = await h.page.goto(h.host.url);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['x-content-type-options']).toBe('nosniff');
    const meta = await h.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/); // no 'unsafe-inline' / 'unsafe-eval'
    await h.page.getByTestId('app-header').waitFor(); // the app itself runs under that policy
  });

  it('blocks eval and new Function (which run on a page without the policy)', async () => {
    await watchViolations(h.page);
    expect(await probeEval(h.page)).toEqual(['EvalError', 'EvalError']);
    await expect.poll(() => violations(h.page)).toContain('script-src');
    // Control: the same probe on a page without our CSP does run, so the probe can tell the difference.
    await withForeignPage(async (page) => expect(await probeEval(page)).toEqual(['ran:1', 'ran:2']));
  });

  it('blocks an injected inline <script> and inline event handlers', async () => {
    await watchViolations(h.page);
    expect(await probeInline(h.page)).toEqual({ script: false, handler: false });
    await expect.poll(() => violations(h.page)).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
    await withForeignPage(async (page) => expect(await probeInline(page)).toEqual({ script: true, handler: true }));
    // The app's own bundle, from its own origin, is what the policy lets through.
    expect(await h.page.locator('script[type="module"][src^="./assets/"]').count()).toBe(1);
  });

  it('exposes no require, process or window.claimdesk: the page talks to the host over HTTP only', async () => {
    const globals = await h.page.evaluate<string[]>(`[typeof require, typeof process, typeof module, typeof window.claimdesk]`);
    expect(globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    // ...and the HTTP bridge works from the page's own origin.
    const own = await h.page.evaluate<{ ok: boolean; value?: { username: string | null } }>(`fetch(${JSON.stringify(methodPath('getSession'))}, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
    }).then((r) => r.json())`);
    expect(own).toMatchObject({ ok: true, value: { username: 'demo-staff' } });
  });

  it('refuses IPC calls from a page on another origin', async () => {
    await withForeignPage(async (page) => {
      const target = `${h.host.origin}${methodPath('getSession')}`;

      // JSON needs a CORS preflight; the host refuses it, so the browser never sends the call.
      const corsOutcome = await page.evaluate<string>(`fetch(${JSON.stringify(target)}, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
      }).then((r) => 'answered ' + r.status, (e) => 'blocked: ' + e.name)`);
      expect(corsOutcome).toBe('blocked: TypeError');

      // A "simple" no-cors POST is sent without a preflight: the host itself must say no (Origin check).
      const answer = page.waitForResponse((r) => r.url() === target && r.request().method() === 'POST');
      await page.evaluate(`fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' }).catch(() => null)`);
      expect((await answer).status()).toBe(403);
    });

    // The same refusal seen from outside a browser, with the body the host sends (even holding the launch key).
    const forged = await fetch(`${h.host.origin}${methodPath('getSession')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example', [HOST_KEY_HEADER]: h.host.key },
      body: '{}',
    });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });
  it('answers nothing to a local process without the launch key, and the page it opened works only with it', async () => {
    const noKey = await fetch(`${h.host.origin}${methodPath('getSession')}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noKey.status).toBe(403);
    expect((await fetch(`${h.host.origin}/`)).status).toBe(403);
    // The page got the key as an HttpOnly cookie when it opened the printed address: its scripts cannot read it.
    expect(await h.page.evaluate<string>('document.cookie')).not.toContain(h.host.key);
    expect((await h.context.cookies(h.host.origin)).find((c) => c.value === h.host.key)).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });

  it('lets the page connect to its own origin and the configured basemap origin only', async () => {
    /** Starts a fetch from the page's own code and reports whether the policy blocked it (no network needed). */
    const blocked = async (url: string): Promise<boolean> => {
      await watchViolations(h.page);
      await h.page.evaluate(`setTimeout(() => { fetch(${JSON.stringify(url)}).catch(() => null); }, 0)`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return (await violations(h.page)).includes('connect-src');
    };
    await h.page.goto(h.host.url);
    await h.page.getByTestId('app-header').waitFor();
    expect(await blocked('https://collector.example.net/steal')).toBe(true);

    await h.app.handlers.saveSettings({ basemapUrl: 'https://tiles.example.com/{z}/{x}/{y}.png' });
    try {
      const response = await h.page.goto(h.host.url);
      expect(response!.headers()['content-security-policy']).toBe(buildContentSecurityPolicy({ basemapOrigin: 'https://tiles.example.com' }));
      await h.page.getByTestId('app-header').waitFor();
      expect(await blocked('https://tiles.example.com/1/1/1.png')).toBe(false);
      expect(await blocked('https://collector.example.net/steal')).toBe(true);
    } finally {
      await h.app.handlers.saveSettings({ basemapUrl: null });
      await h.page.goto(h.host.url);
    }
  });
});
