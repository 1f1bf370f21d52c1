#!/usr/bin/env node
/**
 * `npm start`: the reference server with demo data on 127.0.0.1:8765, then ClaimDesk signed in to it —
 * in Electron when its binary is installed, otherwise in the browser host (machines installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD). Ctrl-C stops everything this script started.
 *
 * The demo server is only the network: when it stops (or is stopped with "s" + Enter here), ClaimDesk keeps
 * running offline, as it does in the field, and "s" + Enter starts the server again on the same data.
 * CLAIMDESK_SERVER_PORT, CLAIMDESK_HOST_PORT and CLAIMDESK_DEV_DIR move the ports and the demo's data (tests).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqlite, findElectronBinary } from './ensure-electron-sqlite.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const SERVER_PORT = Number(process.env.CLAIMDESK_SERVER_PORT ?? 8765);
const HOST_PORT = Number(process.env.CLAIMDESK_HOST_PORT ?? 5174);
const SERVER_URL = `http://127.0.0.1:${SERVER_PORT}`;
const DEMO = { CLAIMDESK_DEMO_SERVER: SERVER_URL, CLAIMDESK_DEMO_USERNAME: 'demo-staff', CLAIMDESK_DEMO_PASSWORD: 'claimdesk-demo' };
const devDir = process.env.CLAIMDESK_DEV_DIR ? resolve(process.env.CLAIMDESK_DEV_DIR) : join(root, '.claimdesk-dev');

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
let stopping = false;

/** The app's exit ends the session; the demo server's does not (`onExit` says what happens instead). */
function start(label, command, args, options = {}, onExit = null) {
  // stdin stays with this script: it reads the "s" command, and no child needs the terminal's input.
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  children.push(child);
  child.on('exit', (code, signal) => {
    children.splice(children.indexOf(child), 1);
    if (stopping) return;
    if (onExit) return onExit(code, signal);
    console.error(`${label} stopped (${signal ?? `exit code ${code}`}); stopping everything.`);
    stop(code ?? 1);
  });
  return child;
}

/** @type {import('node:child_process').ChildProcess | null} */
let server = null;
let serverStopRequested = false;

function startServer() {
  console.log(`Starting the reference server with demo data on ${SERVER_URL} …`);
  serverStopRequested = false;
  server = start('The reference server', process.execPath, [require.resolve('tsx/cli'), 'server/main.ts', '--port', String(SERVER_PORT), '--db', join(devDir, 'server.sqlite')], {}, (code, signal) => {
    server = null;
    const why = serverStopRequested ? 'as asked' : `${signal ?? `exit code ${code}`}`;
    console.log(
      `\nThe reference server stopped (${why}). ClaimDesk keeps running offline: the queue shows the cache, and\n` +
        'uploads wait in the outbox. Type s and Enter here to start the server again.\n',
    );
  });
}

/** "s" + Enter stops the demo server, or starts it again: the quick way to see ClaimDesk work offline. */
function listenForServerToggle() {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim().toLowerCase() !== 's' || stopping) return;
    if (!server) return startServer();
    serverStopRequested = true;
    server.kill('SIGTERM');
  });
  // Ctrl-D (end of input) must not end anything: the app keeps running until Ctrl-C.
  lines.on('close', () => undefined);
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
    if (stopping || !server) return false; // the server exited before it ever answered (its output says why)
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
  startServer();
  if (!(await waitForServer(SERVER_URL))) {
    if (!stopping) console.error(`The reference server did not answer on ${SERVER_URL} within 60 s.`);
    return stop(1);
  }

  listenForServerToggle();
  console.log('To try offline work: type s and Enter here to stop the demo server, and again to bring it back.');
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
  start('The browser host', process.execPath, [join(root, 'scripts', 'host.mjs'), '--port', String(HOST_PORT), '--data-dir', join(devDir, 'host-data')], {
    env: { ...process.env, ...DEMO },
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  stop(1);
});
