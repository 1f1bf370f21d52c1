/** Starts the real reference server on 127.0.0.1:0 with a throw-away SQLite file, plus small HTTP helpers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { API_PATHS } from '../../shared/api/geodb.schemas';
import { DEMO_STAFF, type DemoUser } from '../../server/demo-users';
import { startReferenceServer, type ReferenceServer, type ReferenceServerOptions } from '../../server/index';

export interface TestServer extends ReferenceServer {
  dir: string;
  dbFile: string;
  stop(): Promise<void>;
}

export async function startTestServer(options: Partial<ReferenceServerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-server-test-'));
  const dbFile = options.dbFile ?? join(dir, 'server.sqlite');
  const server = await startReferenceServer({ port: 0, seed: 'demo', testHooks: true, ...options, dbFile });
  return {
    ...server,
    dir,
    dbFile,
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function signIn(url: string, user: DemoUser = DEMO_STAFF): Promise<string> {
  const response = await postJson(`${url}${API_PATHS.tokenAuth}`, { username: user.username, password: user.password });
  const body = (await response.json()) as { token?: unknown };
  if (response.status !== 200 || typeof body.token !== 'string') throw new Error(`sign-in failed: ${response.status}`);
  return body.token;
}

export function postJson(url: string, body: unknown, method = 'POST'): Promise<Response> {
  return fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export function getPending(url: string, token: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}${API_PATHS.pendingOrders}`, { headers: { authorization: `Token ${token}`, ...headers } });
}

export async function pendingOrders(url: string, token: string): Promise<Record<string, unknown>[]> {
  const response = await getPending(url, token);
  if (response.status !== 200) throw new Error(`pending orders: ${response.status}`);
  const body = (await response.json()) as { orders: Record<string, unknown>[] };
  return body.orders;
}

export interface SignedInServer {
  server: TestServer;
  /** demo-staff's token. */
  token: string;
}

/** One demo server with test hooks for the whole file, signed in as demo-staff; filled in by beforeAll. */
export function useSignedInServer(options: Partial<ReferenceServerOptions> = {}): SignedInServer {
  const context = {} as SignedInServer;
  beforeAll(async () => {
    context.server = await startTestServer({ seed: 'demo', testHooks: true, ...options });
    context.token = await signIn(context.server.url);
  });
  afterAll(() => context.server.stop());
  return context;
}
