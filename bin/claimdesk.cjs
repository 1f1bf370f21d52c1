#!/usr/bin/env node
/**
 * The `claimdesk` executable (package.json "bin"): `npx claimdesk …` in the checkout, `node_modules/.bin/claimdesk`
 * where ClaimDesk is installed as a package. It writes nothing of its own, so stdout carries only the command's
 * output whatever the exit code.
 *
 * It runs the CLI built by scripts/build-cli.mjs (out/cli/claimdesk.js, made by the `prepare` script on install):
 * plain JavaScript, no TypeScript compiler in memory. When that build is missing, or older than any source file it
 * was built from (a developer edited the code since), it runs the sources through tsx instead: slower to start,
 * never stale.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher: require is how it loads the CLI */
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

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

function load() {
  if (builtIsCurrent()) return require(built);
  try {
    require('tsx/cjs');
  } catch {
    process.stderr.write('claimdesk: the CLI is not built and tsx is not installed; run `npm install` (or `npm run build:cli`) in the ClaimDesk folder.\n');
    process.exit(1);
  }
  return require(join(root, 'cli', 'main.ts'));
}

load().main(process.argv.slice(2));
