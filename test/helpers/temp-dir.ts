import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test; removed by the returned cleanup. */
export function makeTempDir(prefix = 'claimdesk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * For a describe block whose tests open a cache file themselves: a fresh folder and file name per test, the folder
 * removed after it. Read the getter inside a test (the folder does not exist before beforeEach).
 */
export function useTempCacheFile(): () => { dir: string; file: string } {
  let current: { dir: string; cleanup: () => void } | null = null;
  beforeEach(() => {
    current = makeTempDir();
  });
  afterEach(() => {
    current?.cleanup();
    current = null;
  });
  return () => {
    if (!current) throw new Error('useTempCacheFile: read inside a test, not at collection time.');
    return { dir: current.dir, file: join(current.dir, 'claimdesk.sqlite') };
  };
}
