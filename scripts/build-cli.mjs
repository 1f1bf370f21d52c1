#!/usr/bin/env node
/**
 * Builds the `claimdesk` executable's JavaScript: cli/main.ts bundled by esbuild into out/cli/claimdesk.cjs, with
 * the package worker beside it (worker_threads load it by path, core/documents/worker-pool.ts), and the list of
 * source files it was built from (out/cli/inputs.json), so bin/claimdesk.cjs can tell a stale build and run the
 * sources through tsx instead. Dependencies stay in node_modules (not bundled): only our code is compiled, except
 * the few in WORKER_INLINED below.
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

/**
 * Libraries whose CommonJS entry loads every function they have although a package uses a handful: @turf/turf
 * requires some hundred @turf packages, date-fns its ~250 functions. Each package worker of a batch export loaded
 * them when it started (about a third of a worker's start-up CPU). In the worker's bundle they are built from their
 * ES modules, so only what it imports is there; everything they import in turn is bundled with them. The CLI's own
 * bundle keeps them external: it loads each command lazily, and which command loads which library is tested
 * (test/integration/cli-lazy-modules.test.ts).
 */
const WORKER_INLINED = new Set(['@turf/turf', 'date-fns']);

const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Bare imports from our code stay external (loaded from node_modules) unless `inlined`; inlined code's are bundled. */
const externalDependencies = (inlined) => ({
  name: 'external-dependencies',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || args.kind === 'entry-point') return undefined;
      if (args.importer.includes(`${'/'}node_modules${'/'}`)) return undefined;
      return inlined.has(packageName(args.path)) ? undefined : { path: args.path, external: true };
    });
  },
});

const started = Date.now();
const build = (entryPoints, inlined) =>
  esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir: outDir,
    outExtension: { '.js': '.js' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    plugins: [externalDependencies(inlined)],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
const results = await Promise.all([
  build({ claimdesk: 'cli/main.ts' }, new Set()),
  build({ 'package.worker': 'core/documents/package.worker.ts' }, WORKER_INLINED),
]);
mkdirSync(outDir, { recursive: true });
// Our sources only: an inlined library changes with package-lock.json, which `npm install` follows with this build.
const inputs = [...new Set(results.flatMap((result) => Object.keys(result.metafile.inputs)))]
  .filter((file) => !file.includes('node_modules/'))
  .map((file) => relative(root, join(root, file)));
writeFileSync(join(outDir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
console.log(`build-cli: out/cli/claimdesk.js from ${inputs.length} source files in ${Date.now() - started} ms`);
