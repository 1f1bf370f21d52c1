import { describe, expect, it, vi } from 'vitest';
import { checkExternalUrl, safeOpenExternal } from '../../core/platform/external-links';

describe('safeOpenExternal', () => {
  it('opens https links, passing the normalised URL', async () => {
    const open = vi.fn(async () => {});
    const result = await safeOpenExternal('https://GeoDB.io/orders?id=1', open);
    expect(result).toEqual({ opened: true, url: 'https://geodb.io/orders?id=1' });
    expect(open).toHaveBeenCalledExactlyOnceWith('https://geodb.io/orders?id=1');
  });

  it.each([
    ['http', 'http://geodb.io/'],
    ['file', 'file:///etc/passwd'],
    ['file (Windows)', 'file://C:/Windows/System32/calc.exe'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,hi'],
    ['smb', 'smb://attacker/share'],
    ['custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['app scheme', 'app://claimdesk/index.html'],
    ['credentials', 'https://user:pass@geodb.io/'],
    ['user only', 'https://geodb.io@evil.example/'],
    ['leading space', ' https://geodb.io/'],
    ['embedded newline', 'https://geo\ndb.io/'],
    ['relative', '/orders/1'],
    ['empty', ''],
    ['too long', `https://geodb.io/${'a'.repeat(2100)}`],
  ])('refuses %s', async (_label, url) => {
    const open = vi.fn(async () => {});
    const result = await safeOpenExternal(url, open);
    expect(result.opened).toBe(false);
    if (!result.opened) expect(result.reason.length).toBeGreaterThan(5);
    expect(open).not.toHaveBeenCalled();
  });

  it.each([[undefined], [null], [42], [{ href: 'https://geodb.io' }], [['https://geodb.io']], [new URL('https://geodb.io')]])(
    'refuses non-strings (%s)',
    async (value) => {
      const open = vi.fn(async () => {});
      expect((await safeOpenExternal(value, open)).opened).toBe(false);
      expect(open).not.toHaveBeenCalled();
    },
  );

  it('reports a failing OS call instead of throwing', async () => {
    const result = await safeOpenExternal('https://geodb.io/', async () => {
      throw new Error('xdg-open not found');
    });
    expect(result).toEqual({ opened: false, reason: expect.stringContaining('xdg-open not found') });
  });

  it('checkExternalUrl names the refused scheme', () => {
    expect(checkExternalUrl('http://geodb.io')).toEqual({ ok: false, reason: expect.stringContaining('http:') });
  });
});
