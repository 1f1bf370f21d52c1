#!/usr/bin/env node
/**
 * Builds the `claimdesk` executable's JavaScript: cli/main.ts bundled by esbuild into out/cli/claimdesk.cjs, with
 * the package worker beside it (worker_threads load it by path, core/documents/worker-pool.ts), and the list of
 * source files it was built from (out/cli/inputs.json), so bin/claimdesk.cjs can tell a stale build and run the
 * sources through tsx instead. Dependencies stay in node_modules (not bundled): only our code is compiled.
 *
 * Runs as the `prepare` script, so a fresh clone has it right after `npm ci` / `npm install`; also `npm run build:cli`.
 * Where esbuild is not installed (a production install without dev dependencies) it says so and exits 0: the
 * launcher then uses tsx, or tells the user how to build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'out', 'cli');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('build-cli: esbuild is not installed; `claimdesk` will run the TypeScript sources through tsx.');
  process.exit(0);
}

const started = Date.now();
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { claimdesk: 'cli/main.ts', 'package.worker': 'core/documents/package.worker.ts' },
  outdir: outDir,
  outExtension: { '.js': '.js' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
mkdirSync(outDir, { recursive: true });
const inputs = Object.keys(result.metafile.inputs).map((file) => relative(root, join(root, file)));
writeFileSync(join(outDir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
console.log(`build-cli: out/cli/claimdesk.js from ${inputs.length} source files in ${Date.now() - started} ms`);
