#!/usr/bin/env node
/**
 * `npm run host [-- --port 5174 --data-dir DIR --server URL --username U --password P]`
 * Runs host/main.ts through tsx from the repository root (development and tests only).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsxCli = createRequire(resolve(root, 'package.json')).resolve('tsx/cli');

const child = spawn(process.execPath, [tsxCli, resolve(root, 'host/main.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl-C reaches the child through the terminal's process group; SIGTERM (e.g. from start.mjs) is forwarded.
process.on('SIGTERM', () => child.kill('SIGTERM'));
process.on('SIGINT', () => {});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
