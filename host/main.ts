/**
 * `npm run host` (scripts/host.mjs runs this through tsx): the real back-end under plain Node behind the
 * browser host, for development and browser tests on machines without an Electron binary.
 *
 *   --port 5174  --data-dir .claimdesk-dev/host-data
 *   --server URL --username U --password P   demo sign-in (or CLAIMDESK_DEMO_SERVER/_USERNAME/_PASSWORD)
 */
import { spawnSync } from 'node:child_process';
import { errorMessage } from '../shared/errors';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createClaimDeskApp } from '../core/app/create-app';
import type { DemoSignIn } from '../core/app/create-app.types';
import { createMemoryTokenStore } from '../core/session/token-store';
import { startBrowserHost } from './host-server';

interface HostArgs {
  port: number;
  dataDir: string;
  demo?: DemoSignIn;
}

function parseHostArgs(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): HostArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '5174' },
      'data-dir': { type: 'string', default: '.claimdesk-dev/host-data' },
      server: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${values.port}"`);
  const serverUrl = values.server ?? env['CLAIMDESK_DEMO_SERVER'];
  const username = values.username ?? env['CLAIMDESK_DEMO_USERNAME'];
  const password = values.password ?? env['CLAIMDESK_DEMO_PASSWORD'];
  const given = [serverUrl, username, password].filter(Boolean).length;
  if (given > 0 && given < 3) throw new Error('Demo sign-in needs all three of --server, --username and --password.');
  return {
    port,
    dataDir: resolve(cwd, values['data-dir']),
    demo: serverUrl && username && password ? { serverUrl, username, password } : undefined,
  };
}

/** Builds out/renderer with electron-vite when it is missing (a fresh clone). */
function ensureRendererBuilt(root: string): string {
  const staticDir = join(root, 'out', 'renderer');
  if (existsSync(join(staticDir, 'index.html'))) return staticDir;
  console.log('Building the renderer (out/renderer is missing)…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !existsSync(join(staticDir, 'index.html'))) throw new Error('electron-vite build failed; see the output above.');
  return staticDir;
}

async function main(): Promise<void> {
  const root = process.cwd();
  const args = parseHostArgs(process.argv.slice(2));
  const staticDir = ensureRendererBuilt(root);
  // Everything the host writes (cache, packages) is for this user only.
  process.umask(0o077);
  mkdirSync(args.dataDir, { recursive: true, mode: 0o700 });

  const app = await createClaimDeskApp({
    dataDir: args.dataDir,
    runtime: 'browser-host',
    // The host is a development tool: the session lives in memory only, never on disk.
    tokenStore: createMemoryTokenStore(),
    demo: args.demo,
  });
  const host = await startBrowserHost({ app, staticDir, port: args.port });
  // The address carries this launch's key: without it the host answers nothing (host-key.ts).
  console.log(`ClaimDesk browser host: open ${host.url}\n  (data: ${args.dataDir}${args.demo ? `, demo sign-in to ${args.demo.serverUrl}` : ''}; the key in the address is new at every start)`);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  // Sign-in and the first sync are reported through syncStatus; a failure must not stop the host.
  app.start().catch((error: unknown) => console.error('[host] start failed:', error instanceof Error ? error.message : error));
}

main().catch((error: unknown) => {
  console.error(`ClaimDesk browser host could not start: ${errorMessage(error)}`);
  process.exit(1);
});
