import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appProtocolHandler } from '../../electron/main/window/app-protocol';
import { basemapOriginOf, buildContentSecurityPolicy, CONTENT_SECURITY_POLICY, parseCsp, rendererSecurityHeaders, secureRendererFile } from '../../core/platform/csp';

const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8');

function metaCsp(source: string): string | null {
  const tag = source.match(/<meta\s+[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i)?.[0];
  return tag?.match(/content="([^"]*)"/i)?.[1] ?? null;
}

describe('Content-Security-Policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('equals the meta tag in renderer/index.html', () => {
    expect(metaCsp(html)).toBe(CONTENT_SECURITY_POLICY);
  });

  it("allows scripts from 'self' only", () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('never allows inline or eval for scripts, anywhere', () => {
    for (const name of ['script-src', 'default-src', 'script-src-elem', 'script-src-attr', 'worker-src']) {
      const sources = csp.get(name) ?? [];
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain("'wasm-unsafe-eval'");
      expect(sources).not.toContain('*');
      expect(sources).not.toContain('data:');
    }
  });

  it("sets object-src and base-uri to 'none'", () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });

  it("lets maplibre's worker start from 'self' and blob:", () => {
    expect(csp.get('worker-src')).toEqual(expect.arrayContaining(["'self'", 'blob:']));
  });

  it('has a default-src fallback and no framing', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
  });

  it('is sent as a header together with nosniff', () => {
    const headers = rendererSecurityHeaders({ basemapOrigin: null });
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it("connects to the app's own origin only, when no basemap is configured", () => {
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('names the configured basemap origin and nothing else, for any basemap URL on it', () => {
    for (const url of ['https://tiles.example.com/{z}/{x}/{y}.png', 'https://tiles.example.com/styles/topo/style.json?key=abc']) {
      const origin = basemapOriginOf(url);
      expect(origin).toBe('https://tiles.example.com');
      const policy = parseCsp(buildContentSecurityPolicy({ basemapOrigin: origin }));
      expect(policy.get('connect-src')).toEqual(["'self'", 'https://tiles.example.com']);
      // Only connect-src widens: scripts, workers and frames stay the app's own.
      for (const name of ['script-src', 'worker-src', 'default-src', 'frame-src', 'img-src']) expect(policy.get(name)).toEqual(csp.get(name));
    }
    expect(basemapOriginOf('https://tiles.example.com:8443/a/{z}/{x}/{y}')).toBe('https://tiles.example.com:8443');
  });

  it('never widens for a basemap that is not plain https (a hand-edited cache)', () => {
    for (const url of [null, '', 'http://tiles.example.com/{z}/{x}/{y}.png', 'https://u:p@tiles.example.com/x', 'javascript:alert(1)', 'not a url']) {
      expect(basemapOriginOf(url), String(url)).toBeNull();
    }
  });

  it('writes the policy it sends as a header into the served page, and leaves other files alone', () => {
    const headersAndPage = secureRendererFile(Buffer.from(html), 'text/html; charset=utf-8', { basemapOrigin: 'https://tiles.example.com' });
    const served = headersAndPage.body.toString('utf8');
    expect(metaCsp(served)).toBe(headersAndPage.headers['Content-Security-Policy']);
    expect(parseCsp(metaCsp(served)!).get('connect-src')).toEqual(["'self'", 'https://tiles.example.com']);
    const script = Buffer.from('export {};');
    expect(secureRendererFile(script, 'text/javascript', { basemapOrigin: null }).body).toBe(script);
  });

  it("the desktop window's app:// page carries the policy for the basemap configured when it loads, header and <meta> alike", async () => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'claimdesk-csp-'));
    try {
      writeFileSync(join(rendererDir, 'index.html'), html);
      let configured: string | null = null;
      const handle = appProtocolHandler(rendererDir, () => null, async () => configured);
      const served = async () => {
        const response = await handle(new Request('app://claimdesk/'));
        return { header: response.headers.get('content-security-policy'), meta: metaCsp(await response.text()) };
      };
      expect(await served()).toEqual({ header: CONTENT_SECURITY_POLICY, meta: CONTENT_SECURITY_POLICY });
      configured = 'https://tiles.example.com';
      const widened = await served();
      expect(widened.meta).toBe(widened.header);
      expect(parseCsp(widened.header!).get('connect-src')).toEqual(["'self'", 'https://tiles.example.com']);
    } finally {
      rmSync(rendererDir, { recursive: true, force: true });
    }
  });

  it('the html has no inline script that the policy would block', () => {
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].filter((m) => (m[1] ?? '').trim() !== '');
    expect(inline).toEqual([]);
  });
});
