/**
 * Who is signed in, to which server. The token goes only to the TokenStore (encrypted by the desktop app);
 * the account details the server confirmed are kept in settings so the app can show them offline.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Session, SignInRequest } from '../../shared/domain/session.types';
import type { UserRole } from '../../shared/api/geodb.schemas';
import { classifyFailure } from '../../shared/sync/classify-failure';
import { RequestError, type GeoDbClient } from '../api/geodb-client';
import type { Database } from '../db/schema';
import { getAccount, saveAccount } from '../repos/settings.repo';
import type { TokenStore } from './token-store';

export interface SessionService {
  getSession(): Promise<Session>;
  signIn(request: SignInRequest): Promise<Session>;
  signOut(): Promise<Session>;
  getAuth(): Promise<{ serverUrl: string; token: string } | null>;
  /** The server refused the token (401): forget it, keep the account so the sign-in form is pre-filled. */
  dropToken(): Promise<void>;
  /**
   * Reads /me and keeps the server's current role (a manager demoted on the server loses overrides at the next
   * refresh). Offline or refused: the last confirmed account stays; never throws.
   */
  refreshUser(): Promise<void>;
  /**
   * Who works at this desk: the account the server last confirmed (username and role), kept while the token is
   * dropped or the network is gone, so offline work is still recorded under its author. Null before any sign-in.
   */
  currentUser(): Promise<{ username: string; role: UserRole } | null>;
}

export function createSessionService(deps: {
  db: Kysely<Database>;
  tokenStore: TokenStore;
  createClient: (serverUrl: string) => GeoDbClient;
  demoServerUrl?: string;
}): SessionService {
  async function getSession(): Promise<Session> {
    const [account, token] = await Promise.all([getAccount(deps.db), deps.tokenStore.load()]);
    const signedIn = token !== null && account.serverUrl !== undefined;
    return {
      signedIn,
      serverUrl: account.serverUrl ?? deps.demoServerUrl ?? null,
      username: account.username ?? null,
      displayName: account.displayName ?? null,
      role: signedIn ? (account.role ?? null) : null,
      isStaff: signedIn && account.isStaff === true,
      demo: deps.demoServerUrl !== undefined && account.serverUrl === normalizeUrl(deps.demoServerUrl),
    };
  }

  return {
    getSession,
    async signIn(request) {
      const serverUrl = normalizeUrl(request.serverUrl);
      const client = deps.createClient(serverUrl);
      let answer: Awaited<ReturnType<GeoDbClient['signIn']>>;
      try {
        answer = await client.signIn(request.username, request.password);
      } catch (error) {
        throw toSignInError(error, serverUrl);
      }
      await deps.tokenStore.save(answer.token);
      await saveAccount(deps.db, {
        serverUrl,
        username: answer.user.username,
        displayName: answer.user.displayName,
        role: answer.user.role,
        isStaff: answer.user.isStaff,
      });
      return getSession();
    },
    async signOut() {
      await deps.tokenStore.clear();
      return getSession();
    },
    async getAuth() {
      const [account, token] = await Promise.all([getAccount(deps.db), deps.tokenStore.load()]);
      return token && account.serverUrl ? { serverUrl: account.serverUrl, token } : null;
    },
    async dropToken() {
      await deps.tokenStore.clear();
    },
    async currentUser() {
      const account = await getAccount(deps.db);
      return account.username && account.role ? { username: account.username, role: account.role } : null;
    },
    async refreshUser() {
      const [account, token] = await Promise.all([getAccount(deps.db), deps.tokenStore.load()]);
      if (!token || !account.serverUrl) return;
      const serverUrl = account.serverUrl;
      const user = await deps.createClient(serverUrl).getMe(token).catch(() => null);
      if (!user) return;
      await saveAccount(deps.db, { serverUrl, username: user.username, displayName: user.displayName, role: user.role, isStaff: user.isStaff });
    },
  };
}

export function normalizeUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
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
