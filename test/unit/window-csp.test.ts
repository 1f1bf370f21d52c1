import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, parseCsp, RENDERER_SECURITY_HEADERS } from '../../core/platform/csp';

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
    expect(RENDERER_SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(RENDERER_SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it('the html has no inline script that the policy would block', () => {
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].filter((m) => (m[1] ?? '').trim() !== '');
    expect(inline).toEqual([]);
  });
});
