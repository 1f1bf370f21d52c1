#!/usr/bin/env node
/**
 * `npm start`: the reference server with demo data on 127.0.0.1:8765, then ClaimDesk signed in to it —
 * in Electron when its binary is installed, otherwise in the browser host (machines installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD). Ctrl-C stops everything this script started.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqlite, findElectronBinary } from './ensure-electron-sqlite.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const SERVER_PORT = 8765;
const SERVER_URL = `http://127.0.0.1:${SERVER_PORT}`;
const DEMO = { CLAIMDESK_DEMO_SERVER: SERVER_URL, CLAIMDESK_DEMO_USERNAME: 'demo-staff', CLAIMDESK_DEMO_PASSWORD: 'claimdesk-demo' };
const devDir = join(root, '.claimdesk-dev');

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
let stopping = false;

function start(label, command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${label} stopped (${signal ?? `exit code ${code}`}); stopping everything.`);
    stop(code ?? 1);
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
  Promise.all(children.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((r) => child.once('exit', r))))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitForServer(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return false;
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return true; // any HTTP answer (even 404) means it is listening
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return false;
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Rebuilds out/ when it is missing or older than the sources: stale output is a silent source of confusion. */
function buildIfNeeded() {
  const outputs = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'].map((p) => join(root, p));
  const oldestOutput = outputs.every(existsSync) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0;
  const newestSource = Math.max(...['electron', 'core', 'renderer', 'shared', 'migrations', 'resources'].map((d) => newestMtime(join(root, d))));
  if (oldestOutput > newestSource) return;
  console.log('Building the app (electron-vite build)…');
  const result = spawnSync(process.execPath, [join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('electron-vite build failed; see the output above.');
}

async function main() {
  mkdirSync(devDir, { recursive: true });
  const tsxCli = require.resolve('tsx/cli');
  console.log(`Starting the reference server with demo data on ${SERVER_URL} …`);
  start('The reference server', process.execPath, [tsxCli, 'server/main.ts', '--port', String(SERVER_PORT), '--db', join(devDir, 'server.sqlite')]);
  if (!(await waitForServer(SERVER_URL))) {
    if (!stopping) console.error(`The reference server did not answer on ${SERVER_URL} within 60 s.`);
    return stop(1);
  }

  const electronBinary = findElectronBinary(root);
  if (electronBinary) {
    ensureElectronSqlite({ root });
    buildIfNeeded();
    console.log(`Starting ClaimDesk (Electron), signed in as ${DEMO.CLAIMDESK_DEMO_USERNAME} on ${SERVER_URL}`);
    start('ClaimDesk', electronBinary, ['.'], {
      env: { ...process.env, ...DEMO, CLAIMDESK_DATA_DIR: process.env.CLAIMDESK_DATA_DIR ?? join(devDir, 'electron-data') },
    });
    return;
  }

  console.log(
    '\nElectron is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD: the npm package has types but no binary), so\n' +
      'ClaimDesk runs in the browser host instead: the same renderer and back-end, served on 127.0.0.1.\n' +
      'Open the address it prints below: it carries a key made for this start, and the host answers nothing without it.\n',
  );
  buildIfNeeded();
  start('The browser host', process.execPath, [join(root, 'scripts', 'host.mjs'), '--port', '5174', '--data-dir', join(devDir, 'host-data')], {
    env: { ...process.env, ...DEMO },
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  stop(1);
});
