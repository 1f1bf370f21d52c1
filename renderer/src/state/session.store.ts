/**
 * Who is signed in. The token never reaches the renderer: main keeps it, we only see the Session summary.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import type { Session, SignInRequest } from '../../../shared/domain/session.types';
import type { ErrorInfo } from '../../../shared/errors';

export type SignInError = { message: string; field?: 'serverUrl' | 'username' | 'password' };

type SessionState = {
  session: Session | null;
  /** getSession failed at start (e.g. the cache could not be opened): shown instead of the sign-in form. */
  loadError: ErrorInfo | null;
  signingIn: boolean;
  signInError: SignInError | null;
  /** Set when the server rejected our token mid-session: the sign-in screen explains why it is back. */
  reauthReason: string | null;
  /** Last values typed into the sign-in form, so "sign in again" does not make staff retype them. */
  lastServerUrl: string;
  lastUsername: string;
  load: () => Promise<void>;
  signIn: (request: SignInRequest) => Promise<boolean>;
  clearSignInError: () => void;
  signOut: () => Promise<void>;
  requireSignInAgain: (reason: string) => Promise<void>;
};

const LAST_SERVER_KEY = 'claimdesk.lastServerUrl';
const LAST_USER_KEY = 'claimdesk.lastUsername';

function readStored(key: string): string {
  try {
    return window.localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function remember(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage may be unavailable (private mode, quota); remembering is only a convenience.
  }
}

/** Staff need to know which of the three common failures happened, not a generic "sign-in failed". */
export function describeSignInError(error: ErrorInfo, serverUrl: string): SignInError {
  switch (error.code) {
    case 'auth-failed':
      return { message: 'Wrong username or password.', field: 'password' };
    case 'offline':
      return { message: `Cannot reach the server at ${serverUrl}. Check the address and your network connection.`, field: 'serverUrl' };
    case 'staff-required':
      return { message: 'This account is not a staff account. Ask an administrator to grant staff access.', field: 'username' };
    case 'invalid-request':
      return { message: error.message };
    // This data folder holds another server's work: main's message names both servers and the way out.
    case 'other-server':
      return { message: error.message, field: 'serverUrl' };
    case 'server-error':
      return { message: `The server had a problem (${error.message}). Try again in a moment.` };
    case 'bad-response':
      return { message: `That address did not answer like a GeoDB server: ${error.message}`, field: 'serverUrl' };
    default:
      return { message: error.message };
  }
}

export const useSessionStore = create<SessionState>()((set, get) => ({
  session: null,
  loadError: null,
  signingIn: false,
  signInError: null,
  reauthReason: null,
  lastServerUrl: readStored(LAST_SERVER_KEY),
  lastUsername: readStored(LAST_USER_KEY),

  load: async () => {
    const result = await api.getSession({});
    if (result.ok) {
      const session = result.value;
      set({
        session,
        loadError: null,
        lastServerUrl: session.serverUrl ?? get().lastServerUrl,
        lastUsername: session.username ?? get().lastUsername,
      });
    } else {
      set({ loadError: result.error });
    }
  },

  signIn: async (request) => {
    set({ signingIn: true, signInError: null, lastServerUrl: request.serverUrl, lastUsername: request.username });
    remember(LAST_SERVER_KEY, request.serverUrl.trim());
    remember(LAST_USER_KEY, request.username.trim());
    const result = await api.signIn(request);
    if (!result.ok) {
      set({ signingIn: false, signInError: describeSignInError(result.error, request.serverUrl.trim()) });
      return false;
    }
    set({ signingIn: false, session: result.value, reauthReason: null, loadError: null });
    return true;
  },

  clearSignInError: () => set({ signInError: null }),

  signOut: async () => {
    const result = await api.signOut({});
    // Even if main could not clear everything, the user asked to leave: show the sign-in screen.
    set((state) => ({
      session: result.ok ? result.value : state.session && { ...state.session, signedIn: false, isStaff: false },
      signInError: null,
      reauthReason: null,
    }));
  },

  requireSignInAgain: async (reason) => {
    await get().signOut();
    set({ reauthReason: reason });
  },
}));
