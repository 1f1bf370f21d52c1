#!/usr/bin/env node
/**
 * The `claimdesk` executable (package.json "bin"): `npx claimdesk …` in the checkout, `node_modules/.bin/claimdesk`
 * where ClaimDesk is installed as a package. It writes nothing of its own, so stdout carries only the command's
 * output whatever the exit code.
 *
 * It runs the CLI built by scripts/build-cli.mjs (out/cli/claimdesk.js, made by the `prepare` script on install):
 * plain JavaScript, no TypeScript compiler in memory. When that build is missing, or older than any source file it
 * was built from (a developer edited the code since), it runs the sources through tsx instead, in a child process:
 * slower to start, never stale.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher: require is how it loads the CLI */
const { readFileSync, statSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '..');
const built = join(root, 'out', 'cli', 'claimdesk.js');

function builtIsCurrent() {
  try {
    const builtAt = statSync(built).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(root, 'out', 'cli', 'inputs.json'), 'utf8'));
    return inputs.every((file) => statSync(join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false; // no build, no input list, or a source file gone: not current
  }
}

/**
 * The sources through tsx, in a child process: the CLI loads each command's module with import() when it runs,
 * which needs tsx's ESM hooks as well as its require hook, and only `--import tsx` at start-up installs both.
 */
function runSources() {
  let loader;
  try {
    loader = pathToFileURL(require.resolve('tsx')).href;
  } catch {
    process.stderr.write('claimdesk: the CLI is not built and tsx is not installed; run `npm install` (or `npm run build:cli`) in the ClaimDesk folder.\n');
    process.exit(1);
  }
  const run = spawnSync(process.execPath, ['--import', loader, join(root, 'cli', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

if (builtIsCurrent()) require(built).main(process.argv.slice(2));
else runSources();
