/**
 * The desktop app's TokenStore: the API token encrypted with Electron safeStorage (Keychain / DPAPI /
 * libsecret), only the ciphertext written to disk (base64, mode 0600). If the OS offers no encryption the
 * token is NOT stored — staff sign in again next time — because a plain-text bearer token in the profile
 * folder is exactly what malware collects. The token is never logged, not even in error messages.
 */
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';
import type { TokenStore } from '../../../core/session/token-store';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

export interface SafeStorageTokenStoreOptions {
  safeStorage: SafeStorageLike;
  /** e.g. <dataDir>/session-token.bin */
  filePath: string;
  log?: (message: string) => void;
}

export function createSafeStorageTokenStore({ safeStorage, filePath, log = console.warn }: SafeStorageTokenStoreOptions): TokenStore {
  // Only used when encryption is unavailable: the session then lasts for this run, in memory, never on disk.
  let memoryOnly: string | null = null;
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
      if (!safeStorage.isEncryptionAvailable()) {
        log('[session] OS encryption is unavailable; the stored session cannot be read. Sign in again.');
        return null;
      }
      try {
        return safeStorage.decryptString(Buffer.from(encoded, 'base64'));
      } catch {
        // Keychain reset, profile copied to another machine…: the ciphertext is useless, not dangerous.
        log('[session] the stored session could not be decrypted; sign in again.');
        return null;
      }
    },

    async save(token) {
      if (!safeStorage.isEncryptionAvailable()) {
        log('[session] OS encryption is unavailable: the session is kept for this run only and not written to disk.');
        await clear();
        memoryOnly = token;
        return;
      }
      const cipher = safeStorage.encryptString(token).toString('base64');
      await mkdir(dirname(filePath), { recursive: true });
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
