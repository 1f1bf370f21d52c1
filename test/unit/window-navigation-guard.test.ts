import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, createAppUrlGuard, isAppUrl, isSameOrigin } from '../../electron/main/window/navigation-guard';

describe('isAppUrl', () => {
  it.each(['app://claimdesk/', 'app://claimdesk/index.html', 'app://claimdesk/assets/index-abc.js?x=1#top', APP_ENTRY_URL])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://claimdesk.evil.com/',
    'app://claimdesk.evil.com/index.html',
    'app://evil.com/claimdesk',
    'app://claimdesk@evil.com/',
    'app://user:pass@claimdesk/',
    'app://claimdesk:8080/',
    'app://claimdeskx/',
    'https://example.com/?next=app://claimdesk',
    'https://example.com/#app://claimdesk/',
    'http://claimdesk/',
    'javascript:alert(1)//app://claimdesk/',
    'javascript:alert(1)',
    'file:///',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'apps://claimdesk/',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('createAppUrlGuard', () => {
  it('without a dev server trusts only the app origin', () => {
    const guard = createAppUrlGuard(undefined);
    expect(guard('app://claimdesk/')).toBe(true);
    expect(guard('http://localhost:5173/')).toBe(false);
  });

  it('with a dev server trusts exactly that origin as well', () => {
    const guard = createAppUrlGuard('http://localhost:5173');
    expect(guard('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(guard('app://claimdesk/index.html')).toBe(true);
    expect(guard('http://localhost:5174/')).toBe(false);
    expect(guard('http://localhost.evil.com:5173/')).toBe(false);
    expect(guard('http://user@localhost:5173/')).toBe(false);
    expect(guard('https://localhost:5173/')).toBe(false);
  });

  it('isSameOrigin refuses non-http schemes', () => {
    expect(isSameOrigin('file:///x', 'file:///x')).toBe(false);
  });
});
