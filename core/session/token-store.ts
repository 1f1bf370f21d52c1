/**
 * Where one process keeps its sign-in between requests (and, in the desktop app, between runs): the account the
 * server confirmed — server URL, username, role — and the token that server issued, stored and read as ONE record.
 * A token is never looked up apart from the server it belongs to, so nothing another process writes into the
 * shared cache (the CLI signing in elsewhere) can send it to a different server.
 *
 * The desktop app encrypts the record with Electron safeStorage (electron/main/platform/safe-storage-token-store.ts);
 * the CLI and the browser host keep it in memory only. No implementation may write the token in plain text or log it.
 */
import { z } from 'zod';
import { userRoleSchema } from '../../shared/api/geodb.schemas';

export const storedSessionSchema = z.object({
  serverUrl: z.string().min(1),
  username: z.string().min(1),
  displayName: z.string(),
  role: userRoleSchema,
  isStaff: z.boolean(),
  /**
   * Null once signed out or refused (401): the account stays as this desk's author of offline work and pre-fills
   * the sign-in form, but nothing can be sent until the same account signs in again.
   */
  token: z.string().min(1).nullable(),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

export interface TokenStore {
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<void>;
  clear(): Promise<void>;
}

export function createMemoryTokenStore(initial: StoredSession | null = null): TokenStore {
  let session = initial;
  return {
    load: async () => session,
    save: async (value) => {
      session = { ...value };
    },
    clear: async () => {
      session = null;
    },
  };
}
