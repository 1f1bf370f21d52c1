/**
 * The code a worker thread is started with, for a worker entry module of the back-end, in each way the back-end
 * runs: bundled (electron-vite writes `<name>.js` beside the main bundle; inside a packaged app that is in app.asar,
 * which Electron's worker threads read since 17.3, when asar support was initialised in workers), or from source
 * through tsx (CLI, tests, benchmarks, browser host). An eval'd CommonJS stub, so one pool loads either.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * `sourceDir` is the folder of the entry's TypeScript source, which is also where the caller sits when it runs from
 * source; bundled, the caller is the main bundle (or one of its chunks, one folder below it). null when neither the
 * built entry nor tsx is there: the caller then does the work on its own thread.
 */
export function workerEntryCode(name: string, sourceDir: string): string | null {
  for (const dir of [sourceDir, dirname(sourceDir)]) {
    const built = join(dir, `${name}.js`);
    if (existsSync(built)) return `require(${JSON.stringify(built)});`;
  }
  // From source: register tsx's CommonJS hooks inside the worker, then load the TypeScript entry.
  const source = join(sourceDir, `${name}.ts`);
  if (!existsSync(source)) return null;
  try {
    const tsx = createRequire(join(sourceDir, 'package.json')).resolve('tsx/cjs');
    return `require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`;
  } catch {
    return null;
  }
}
