/**
 * Where the API token lives between runs. The desktop app encrypts it with Electron safeStorage
 * (electron/main/platform/safe-storage-token-store.ts); the CLI and the browser host keep it in memory only.
 * No implementation may write the token in plain text or log it.
 */
export interface TokenStore {
  load(): Promise<string | null>;
  save(token: string): Promise<void>;
  clear(): Promise<void>;
}

export function createMemoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return {
    load: async () => token,
    save: async (value) => {
      token = value;
    },
    clear: async () => {
      token = null;
    },
  };
}
