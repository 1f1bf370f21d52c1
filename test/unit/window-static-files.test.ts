import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, readStaticFile, resolveStaticPath } from '../../core/platform/static-files';

const base = mkdtempSync(join(tmpdir(), 'claimdesk-static-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'do not serve');
mkdirSync(join(base, 'renderer-evil'));
writeFileSync(join(base, 'renderer-evil', 'x.js'), 'sibling');

describe('resolveStaticPath', () => {
  it('maps paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/../renderer-evil/x.js',
    '/index.html%00.js',
    '/%E0%A4%A',
    '//etc/passwd/..',
  ])('refuses %s', (pathname) => {
    expect(resolveStaticPath(root, pathname)).toBeNull();
  });
});

describe('readStaticFile', () => {
  it('reads a file with its content type', async () => {
    const file = await readStaticFile(root, '/assets/app.js');
    expect(file.status).toBe(200);
    if (file.status === 200) {
      expect(file.body.toString()).toBe('console.log(1)');
      expect(file.contentType).toMatch(/^text\/javascript/);
    }
  });

  it('refuses traversal with 403 and missing files or directories with 404', async () => {
    expect((await readStaticFile(root, '/..%2fsecret.txt')).status).toBe(403);
    expect((await readStaticFile(root, '/nope.js')).status).toBe(404);
    expect((await readStaticFile(root, '/assets')).status).toBe(404);
  });

  it('only answers GET and HEAD', async () => {
    expect((await readStaticFile(root, '/index.html', 'POST')).status).toBe(405);
    expect((await readStaticFile(root, '/index.html', 'HEAD')).status).toBe(200);
  });

  it('knows the module worker and wasm types', () => {
    expect(contentTypeFor('maplibre-gl-worker.mjs')).toMatch(/javascript/);
    expect(contentTypeFor('x.wasm')).toBe('application/wasm');
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});
