/**
 * The desktop app's TokenStore: the session record (server, account and token, core/session/token-store.ts)
 * encrypted with Electron safeStorage (Keychain / DPAPI / libsecret / KWallet), only the ciphertext written to disk
 * (base64, mode 0600). If the OS offers no real encryption the record is NOT stored — staff sign in again next
 * time — because a readable bearer token in the profile folder is exactly what malware collects.
 *
 * "No real encryption" includes Linux's `basic_text` backend: with no keyring (GNOME Keyring, KWallet) running,
 * Chromium still reports encryption as available but encrypts with a key hard-coded in its source, which anyone
 * can undo. That is treated exactly like no encryption: the session lives in memory for this run, and the person is
 * told so once. The token is never logged, not even in error messages.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';
import { storedSessionSchema, type StoredSession, type TokenStore } from '../../../core/session/token-store';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export interface SafeStorageTokenStoreOptions {
  safeStorage: SafeStorageLike;
  /** e.g. <dataDir>/session-token.bin */
  filePath: string;
  log?: (message: string) => void;
  platform?: NodeJS.Platform;
}

/** Why the OS cannot protect the session on disk, or null when it can. */
export function encryptionUnavailable(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): string | null {
  if (!safeStorage.isEncryptionAvailable()) return 'OS encryption is unavailable';
  if (platform !== 'linux') return null;
  let backend: string | undefined;
  try {
    backend = safeStorage.getSelectedStorageBackend?.();
  } catch {
    backend = undefined;
  }
  return backend === 'basic_text' ? 'no keyring (GNOME Keyring or KWallet) is running, and the fallback "basic_text" uses a fixed key that protects nothing' : null;
}

export function createSafeStorageTokenStore({ safeStorage, filePath, log = console.warn, platform = process.platform }: SafeStorageTokenStoreOptions): TokenStore {
  // Only used when encryption is unavailable: the session then lasts for this run, in memory, never on disk.
  let memoryOnly: StoredSession | null = null;
  let told = false;
  const tellOnce = (reason: string): void => {
    if (told) return;
    told = true;
    log(`[session] ${reason}: your sign-in is kept in memory for this run only and never written to disk. You will sign in again at the next start.`);
  };
  const clear = async (): Promise<void> => {
    memoryOnly = null;
    await rm(filePath, { force: true });
  };

  return {
    async load() {
      if (memoryOnly !== null) return memoryOnly;
      let encoded: string;
      try {
        encoded = (await readFile(filePath, 'utf8')).trim();
      } catch {
        return null; // nothing stored yet
      }
      const unavailable = encryptionUnavailable(safeStorage, platform);
      if (unavailable) {
        tellOnce(unavailable);
        return null;
      }
      let text: string;
      try {
        text = safeStorage.decryptString(Buffer.from(encoded, 'base64'));
      } catch {
        // Keychain reset, profile copied to another machine…: the ciphertext is useless, not dangerous.
        log('[session] the stored session could not be decrypted; sign in again.');
        return null;
      }
      const parsed = parseRecord(text);
      // An earlier ClaimDesk stored the bare token, without the server it belongs to: it is not used.
      if (!parsed) log('[session] the stored session is from an earlier ClaimDesk or unreadable; sign in again.');
      return parsed;
    },

    async save(session) {
      const unavailable = encryptionUnavailable(safeStorage, platform);
      if (unavailable) {
        tellOnce(unavailable);
        await clear();
        memoryOnly = { ...session };
        return;
      }
      const cipher = safeStorage.encryptString(JSON.stringify(session)).toString('base64');
      await mkdir(dirname(filePath), { recursive: true, mode: 0o700 });
      // Write-then-rename so a crash never leaves half a file; mode 0600 from creation, chmod again in case
      // the umask or an older file widened it.
      const tmp = `${filePath}.${process.pid}.tmp`;
      await writeFile(tmp, cipher, { encoding: 'utf8', mode: 0o600 });
      await chmod(tmp, 0o600);
      await rename(tmp, filePath);
      memoryOnly = null;
    },

    clear,
  };
}

function parseRecord(text: string): StoredSession | null {
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
