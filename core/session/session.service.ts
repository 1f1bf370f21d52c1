/**
 * Who is signed in in THIS process, to which server. The account the server confirmed and the token it issued
 * live together in the TokenStore (encrypted by the desktop app, in memory for the CLI and the browser host), so
 * another process sharing the cache — the CLI signing in as someone else — never changes this process's session,
 * and a token is only ever handed out with the server that issued it.
 *
 * The cache itself belongs to one server (core/repos/cache-binding.repo.ts): a sign-in to another server is
 * refused while the cache holds any work, naming both, because its orders, jobs and outbox entries mean nothing
 * to the other server (and the outbox would deliver claimants' personal data there).
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Session, SignInRequest } from '../../shared/domain/session.types';
import { canonicalServerUrl, sameServer, serverUrlProblem } from '../../shared/domain/server-url';
import type { UserRole } from '../../shared/api/geodb.schemas';
import { classifyFailure } from '../../shared/sync/classify-failure';
import { RequestError, type GeoDbClient, type SessionAuth } from '../api/geodb-client';
import type { Database } from '../db/schema';
import { cacheHoldsWork, getCacheServer, setCacheServer } from '../repos/cache-binding.repo';
import { getLastAccount, saveLastAccount } from '../repos/settings.repo';
import type { StoredSession, TokenStore } from './token-store';

export type { SessionAuth };

export interface SessionService {
  getSession(): Promise<Session>;
  signIn(request: SignInRequest): Promise<Session>;
  /** Forgets the token; the account stays as this desk's author of offline work and pre-fills the form. */
  signOut(): Promise<Session>;
  /** Null when signed out, refused, or when the cache no longer belongs to this session's server. */
  getAuth(): Promise<SessionAuth | null>;
  /** The server refused the token (401): forget it, keep the account so the sign-in form is pre-filled. */
  dropToken(): Promise<void>;
  /**
   * Reads /me and keeps the server's current role (a manager demoted on the server loses overrides at the next
   * refresh). Offline or refused: the last confirmed account stays; never throws.
   */
  refreshUser(): Promise<void>;
  /**
   * Who works at this desk: the account this process signed in as, kept while the token is dropped or the network
   * is gone, so offline work is still recorded under its author. Null before this process signed in.
   */
  currentUser(): Promise<{ username: string; role: UserRole } | null>;
}

export function createSessionService(deps: {
  db: Kysely<Database>;
  tokenStore: TokenStore;
  createClient: (serverUrl: string) => GeoDbClient;
  demoServerUrl?: string;
}): SessionService {
  /** This process's session, if the cache still belongs to its server. */
  async function ownSession(): Promise<{ own: StoredSession | null; cacheServer: string | null; usable: boolean }> {
    const [own, cacheServer] = await Promise.all([deps.tokenStore.load(), getCacheServer(deps.db)]);
    return { own, cacheServer, usable: own !== null && cacheServer !== null && sameServer(own.serverUrl, cacheServer) };
  }

  async function getSession(): Promise<Session> {
    const { own, cacheServer, usable } = await ownSession();
    const signedIn = usable && own?.token != null;
    const last = own ? null : await getLastAccount(deps.db);
    const serverUrl = (usable ? own?.serverUrl : null) ?? cacheServer ?? deps.demoServerUrl ?? null;
    return {
      signedIn,
      serverUrl,
      username: (usable ? own?.username : last?.username) ?? null,
      displayName: (usable ? own?.displayName : last?.displayName) ?? null,
      role: signedIn ? (own?.role ?? null) : null,
      isStaff: signedIn && own?.isStaff === true,
      demo: deps.demoServerUrl !== undefined && serverUrl !== null && sameServer(serverUrl, deps.demoServerUrl),
    };
  }

  async function forgetToken(): Promise<void> {
    const own = await deps.tokenStore.load();
    if (own) await deps.tokenStore.save({ ...own, token: null });
  }

  return {
    getSession,
    async signIn(request) {
      // Checked again here (the IPC and CLI schemas check first): this is the last step before the password leaves.
      const problem = serverUrlProblem(request.serverUrl);
      if (problem) throw new AppError('invalid-request', problem);
      const serverUrl = canonicalServerUrl(request.serverUrl);
      // Refused before the password is sent anywhere.
      await assertCacheAccepts(deps.db, serverUrl);
      let answer: Awaited<ReturnType<GeoDbClient['signIn']>>;
      try {
        answer = await deps.createClient(serverUrl).signIn(request.username, request.password);
      } catch (error) {
        throw toSignInError(error, serverUrl);
      }
      const account = { username: answer.user.username, displayName: answer.user.displayName, role: answer.user.role, isStaff: answer.user.isStaff };
      await deps.db.transaction().execute(async (trx) => {
        // Again inside the transaction: another process may have bound the cache while we waited for the server.
        await assertCacheAccepts(trx, serverUrl);
        await setCacheServer(trx, serverUrl);
        await saveLastAccount(trx, account);
      });
      await deps.tokenStore.save({ serverUrl, ...account, token: answer.token });
      return getSession();
    },
    async signOut() {
      await forgetToken();
      return getSession();
    },
    async getAuth() {
      const { own, usable } = await ownSession();
      return usable && own?.token ? { serverUrl: own.serverUrl, username: own.username, token: own.token } : null;
    },
    dropToken: forgetToken,
    async currentUser() {
      const { own, usable } = await ownSession();
      return usable && own ? { username: own.username, role: own.role } : null;
    },
    async refreshUser() {
      const { own, usable } = await ownSession();
      if (!usable || !own?.token) return;
      const user = await deps
        .createClient(own.serverUrl)
        .getMe({ serverUrl: own.serverUrl, token: own.token })
        .catch(() => null);
      // A different user behind the same token would be a server bug: keep what we had rather than adopt it.
      if (!user || user.username !== own.username) return;
      const current = await deps.tokenStore.load();
      // Signed out (or in as someone else) while /me was on its way: nothing to refresh.
      if (current?.token !== own.token) return;
      await deps.tokenStore.save({ ...current, displayName: user.displayName, role: user.role, isStaff: user.isStaff });
      await saveLastAccount(deps.db, { username: user.username, displayName: user.displayName, role: user.role, isStaff: user.isStaff });
    },
  };
}

/**
 * One cache, one server: refuses `serverUrl` when the cache belongs to another server and holds any of its work.
 * An empty cache (nothing synced, pulled or queued yet) simply moves to the new server.
 */
async function assertCacheAccepts(db: Parameters<typeof getCacheServer>[0], serverUrl: string): Promise<void> {
  const bound = await getCacheServer(db);
  if (bound === null || sameServer(bound, serverUrl)) return;
  if (!(await cacheHoldsWork(db))) return;
  throw new AppError(
    'other-server',
    `This data folder holds orders and work from ${bound}, so it cannot also be used for ${serverUrl}. ` +
      `Sign in to ${bound}, or use a separate data folder for ${serverUrl} (the CLI's --data-dir DIR; the desktop app's --data-dir=DIR).`,
  );
}

function toSignInError(error: unknown, serverUrl: string): AppError {
  if (!(error instanceof RequestError)) return new AppError('internal', `Signing in failed: ${String(error)}`, { cause: error });
  const { failure } = error;
  if (failure.kind === 'http' && (failure.status === 400 || failure.status === 401)) {
    const said = failure.serverMessage ? ` (${failure.serverMessage})` : '';
    return new AppError('auth-failed', `The username or password was not accepted by ${serverUrl}${said}.`, { cause: error });
  }
  const decision = classifyFailure(failure, new URL(serverUrl).host);
  return new AppError(decision.code, decision.message, { cause: error });
}
