/** What the environment and command line may change in the desktop app, and notification text on Linux. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSignIn, launchDataDir, notificationBody } from '../../electron/main/platform/launch-options';

const DEMO = { CLAIMDESK_DEMO_SERVER: 'http://127.0.0.1:8765', CLAIMDESK_DEMO_USERNAME: 'demo-staff', CLAIMDESK_DEMO_PASSWORD: 'claimdesk-demo' };

describe('a packaged app ignores the development variables', () => {
  it('CLAIMDESK_DATA_DIR is honoured in development only', () => {
    const env = { CLAIMDESK_DATA_DIR: '/tmp/elsewhere' };
    expect(launchDataDir([], env, false)).toBe(resolve('/tmp/elsewhere'));
    expect(launchDataDir([], env, true)).toBeUndefined();
  });

  it('--data-dir=DIR, typed by the person starting the app, works in every build and wins', () => {
    const argv = ['/opt/ClaimDesk/claimdesk', '--data-dir=/srv/claimdesk-b'];
    expect(launchDataDir(argv, {}, true)).toBe(resolve('/srv/claimdesk-b'));
    expect(launchDataDir(argv, { CLAIMDESK_DATA_DIR: '/tmp/x' }, false)).toBe(resolve('/srv/claimdesk-b'));
  });

  it('the demo auto sign-in is never used by a packaged app', () => {
    expect(demoSignIn(DEMO, false)).toEqual({ serverUrl: DEMO.CLAIMDESK_DEMO_SERVER, username: 'demo-staff', password: 'claimdesk-demo' });
    expect(demoSignIn(DEMO, true)).toBeUndefined();
    expect(demoSignIn({ ...DEMO, CLAIMDESK_DEMO_PASSWORD: '' }, false)).toBeUndefined();
  });
});

describe('notification text', () => {
  const hostile = 'Order <b>CO-1</b> & <a href="https://evil.example">pay here</a><img src="https://evil.example/t.png">';

  it('is escaped for Linux notification daemons, which read the body as markup', () => {
    const body = notificationBody(hostile, 'linux');
    expect(body).not.toMatch(/[<>]/);
    expect(body).toBe('Order &lt;b&gt;CO-1&lt;/b&gt; &amp; &lt;a href="https://evil.example"&gt;pay here&lt;/a&gt;&lt;img src="https://evil.example/t.png"&gt;');
  });

  it('is left as it is elsewhere (shown as plain text there)', () => {
    expect(notificationBody(hostile, 'darwin')).toBe(hostile);
    expect(notificationBody(hostile, 'win32')).toBe(hostile);
  });
});
