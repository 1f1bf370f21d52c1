/** The small Electron-side adapters that do not need Electron: token store, native binding, start-up errors. */
import { mkdtempSync, readFileSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import { createSafeStorageTokenStore, encryptionUnavailable, type SafeStorageLike } from '../../electron/main/platform/safe-storage-token-store';
import { findElectronNativeBinding } from '../../electron/main/platform/native-binding';
import { describeStartupError } from '../../electron/main/platform/startup-error';

const TOKEN = 'tok_9f8e7d6c5b4a-very-secret';
const SESSION = { serverUrl: 'https://geodb.example', username: 'demo-staff', displayName: 'Dana', role: 'staff' as const, isStaff: true, token: TOKEN };

function fakeSafeStorage(available: boolean, backend?: ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>>): SafeStorageLike {
  // A reversible "encryption" that visibly is not the plain text.
  return {
    isEncryptionAvailable: () => available,
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
    encryptString: (text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`),
    decryptString: (buffer: Buffer) => {
      const text = buffer.toString();
      if (!text.startsWith('enc:')) throw new Error('bad ciphertext');
      return [...text.slice(4)].reverse().join('');
    },
  };
}

describe('createSafeStorageTokenStore', () => {
  it('writes only base64 ciphertext, mode 0600, and reads it back', async () => {
    const filePath = join(mkdtempSync(join(tmpdir(), 'claimdesk-token-')), 'nested', 'session-token.bin');
    const log = vi.fn();
    const store = createSafeStorageTokenStore({ safeStorage: fakeSafeStorage(true), filePath, log });
    await store.save(SESSION);
    const onDisk = readFileSync(filePath, 'utf8');
    expect(onDisk).not.toContain(TOKEN);
    expect(onDisk).not.toContain('geodb.example');
    expect(Buffer.from(onDisk, 'base64').toString()).toMatch(/^enc:/);
    if (process.platform !== 'win32') expect(statSync(filePath).mode & 0o777).toBe(0o600);
    // The token comes back only together with the server and account it was issued for.
    expect(await createSafeStorageTokenStore({ safeStorage: fakeSafeStorage(true), filePath }).load()).toEqual(SESSION);
    await store.clear();
    expect(existsSync(filePath)).toBe(false);
    expect(await store.load()).toBeNull();
    expect(JSON.stringify(log.mock.calls)).not.toContain(TOKEN);
  });

  it('refuses to write anything when OS encryption is unavailable, and never logs the token', async () => {
    const filePath = join(mkdtempSync(join(tmpdir(), 'claimdesk-token-')), 'session-token.bin');
    const log = vi.fn();
    const safeStorage = fakeSafeStorage(false);
    const encrypt = vi.spyOn(safeStorage, 'encryptString');
    const store = createSafeStorageTokenStore({ safeStorage, filePath, log });
    await store.save(SESSION);
    expect(existsSync(filePath)).toBe(false);
    expect(encrypt).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
    expect(JSON.stringify(log.mock.calls)).not.toContain(TOKEN);
    // Kept for this run only, so the sign-in still works until the app quits.
    expect(await store.load()).toEqual(SESSION);
    expect(await createSafeStorageTokenStore({ safeStorage, filePath, log }).load()).toBeNull();
  });

  it("treats Linux's basic_text backend (a fixed, public key) as no encryption, and says so once", async () => {
    const filePath = join(mkdtempSync(join(tmpdir(), 'claimdesk-token-')), 'session-token.bin');
    const log = vi.fn();
    const safeStorage = fakeSafeStorage(true, 'basic_text');
    const encrypt = vi.spyOn(safeStorage, 'encryptString');
    const store = createSafeStorageTokenStore({ safeStorage, filePath, log, platform: 'linux' });
    await store.save(SESSION);
    await store.save({ ...SESSION, token: null });
    await store.save(SESSION);
    expect(existsSync(filePath)).toBe(false);
    expect(encrypt).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/basic_text.*memory for this run only/);
    expect(JSON.stringify(log.mock.calls)).not.toContain(TOKEN);
    expect(await store.load()).toEqual(SESSION);
    // A file written earlier under a real keyring is not read back through basic_text either.
    writeFileSync(filePath, 'ZW5jOnNvbWV0aGluZw==');
    expect(await createSafeStorageTokenStore({ safeStorage, filePath, log: () => {}, platform: 'linux' }).load()).toBeNull();
    // With a keyring (or on another OS) the same store encrypts as usual.
    const keyring = createSafeStorageTokenStore({ safeStorage: fakeSafeStorage(true, 'gnome_libsecret'), filePath, log, platform: 'linux' });
    await keyring.save(SESSION);
    expect(await keyring.load()).toEqual(SESSION);
    expect(encryptionUnavailable(fakeSafeStorage(true, 'basic_text'), 'darwin')).toBeNull();
  });

  it('does not use a token stored by an earlier ClaimDesk without its server', async () => {
    const filePath = join(mkdtempSync(join(tmpdir(), 'claimdesk-token-')), 'session-token.bin');
    writeFileSync(filePath, fakeSafeStorage(true).encryptString(TOKEN).toString('base64'));
    const log = vi.fn();
    expect(await createSafeStorageTokenStore({ safeStorage: fakeSafeStorage(true), filePath, log }).load()).toBeNull();
    expect(String(log.mock.calls[0]?.[0])).toMatch(/earlier ClaimDesk/);
    expect(JSON.stringify(log.mock.calls)).not.toContain(TOKEN);
  });

  it('treats an undecryptable file as signed out', async () => {
    const filePath = join(mkdtempSync(join(tmpdir(), 'claimdesk-token-')), 'session-token.bin');
    writeFileSync(filePath, Buffer.from('garbage').toString('base64'));
    expect(await createSafeStorageTokenStore({ safeStorage: fakeSafeStorage(true), filePath, log: () => {} }).load()).toBeNull();
  });
});

describe('findElectronNativeBinding', () => {
  it('looks in .native when developing and in resources when packaged', () => {
    const seen: string[] = [];
    const exists = (path: string) => (seen.push(path), true);
    expect(findElectronNativeBinding({ isPackaged: false, appPath: '/repo', resourcesPath: '/x', electronVersion: '41.7.1', exists })).toBe(
      join('/repo', '.native', 'electron-41.7.1', 'better_sqlite3.node'),
    );
    expect(findElectronNativeBinding({ isPackaged: true, appPath: '/a.asar', resourcesPath: '/res', electronVersion: '41.7.1', exists })).toBe(
      join('/res', 'native', 'electron-41.7.1', 'better_sqlite3.node'),
    );
    expect(findElectronNativeBinding({ isPackaged: false, appPath: '/repo', resourcesPath: '/x', electronVersion: '41.7.1', exists: () => false })).toBeUndefined();
  });
});

describe('describeStartupError', () => {
  it('explains a database from a newer ClaimDesk and says nothing was deleted', () => {
    const text = describeStartupError(new AppError('db-too-new', 'The cache has schema version 9; this ClaimDesk knows 3.'), '/data');
    expect(text.title).toMatch(/updated/);
    expect(text.message).toMatch(/schema version 9/);
    expect(text.message).toMatch(/not been changed or deleted/);
    expect(text.message).toMatch(/\/data/);
  });

  it('explains a database that could not be opened', () => {
    const text = describeStartupError(new AppError('db-failed', 'database is locked'), '/data', 'hint!');
    expect(text.title).toMatch(/could not open/);
    expect(text.message).toMatch(/Nothing was deleted/);
    expect(text.message).toMatch(/hint!/);
  });

  it('falls back for anything else', () => {
    expect(describeStartupError(new Error('boom'), '/d').title).toMatch(/could not start/);
  });
});
