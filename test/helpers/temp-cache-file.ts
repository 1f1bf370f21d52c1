/** Test-only (it registers vitest hooks): kept apart from temp-dir.ts, which the benchmarks run under plain tsx. */
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { makeTempDir } from './temp-dir';

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
