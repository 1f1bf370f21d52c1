/** Which addresses ClaimDesk signs in to, and the one spelling used to compare servers. */
import { describe, expect, it } from 'vitest';
import { canonicalServerUrl, isLoopbackHost, sameServer, serverUrlProblem } from '../../shared/domain/server-url';
import { signInRequestSchema } from '../../shared/domain/session.types';

describe('serverUrlProblem', () => {
  it.each(['https://api.geodb.io', 'https://api.geodb.io/', 'https://geodb.example.com:8443/api', 'http://127.0.0.1:8765', 'http://127.8.9.10', 'http://localhost:3000', 'http://LOCALHOST', 'http://[::1]:8080'])(
    'accepts %s',
    (url) => expect(serverUrlProblem(url)).toBeNull(),
  );

  it.each(['http://api.geodb.io', 'http://192.168.1.20:8765', 'http://10.0.0.1', 'http://128.0.0.1', 'http://localhost.evil.example', 'http://127.0.0.1.nip.io', 'http://[::2]', 'http://0.0.0.0'])(
    'refuses plain http to %s, saying why',
    (url) => expect(serverUrlProblem(url)).toMatch(/Use https:\/\/ .*unencrypted.*only for this computer/),
  );

  it.each(['https://user:secret@api.geodb.io', 'https://user@api.geodb.io', 'http://demo:pw@127.0.0.1:8765'])('refuses user info in %s', (url) => {
    expect(serverUrlProblem(url)).toMatch(/must not contain a username or password.*plain text/);
  });

  it.each(['api.geodb.io', 'ftp://api.geodb.io', 'javascript:alert(1)', ''])('asks for an address for %s', (url) => {
    expect(serverUrlProblem(url)).toMatch(/Enter the server address/);
  });

  it('is what the sign-in form and the IPC contract check', () => {
    const refused = signInRequestSchema.safeParse({ serverUrl: 'http://api.geodb.io', username: 'a', password: 'b' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/https/);
    expect(signInRequestSchema.safeParse({ serverUrl: ' https://api.geodb.io ', username: 'a', password: 'b' }).data?.serverUrl).toBe('https://api.geodb.io');
  });
});

describe('loopback and the canonical address', () => {
  it('knows loopback by address, not by a name that merely starts like one', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.255.255.254')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
  });

  it('spells one server one way and tells two servers apart', () => {
    expect(canonicalServerUrl('HTTPS://API.GeoDB.io:443/')).toBe('https://api.geodb.io');
    expect(canonicalServerUrl('https://api.geodb.io/v2//')).toBe('https://api.geodb.io/v2');
    expect(sameServer('https://api.geodb.io/', 'https://API.geodb.io')).toBe(true);
    expect(sameServer('http://127.0.0.1:8765', 'http://127.0.0.1:8766')).toBe(false);
    expect(sameServer('https://api.geodb.io', 'http://api.geodb.io')).toBe(false);
    expect(sameServer('not a url', 'not a url')).toBe(false);
  });
});
