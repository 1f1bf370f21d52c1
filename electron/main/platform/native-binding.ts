/**
 * Where main finds a better-sqlite3 binary built for Electron's ABI. node_modules holds the Node build (used by
 * tests, CLI, server and host), so Electron gets its own copy, made by scripts/ensure-electron-sqlite.mjs in
 * development and shipped as an extra resource (electron-builder.yml) when packaged. No electron import.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const NATIVE_BINARY_NAME = 'better_sqlite3.node';

export function electronNativeDir(electronVersion: string): string {
  return `electron-${electronVersion}`;
}

export interface NativeBindingInput {
  isPackaged: boolean;
  /** app.getAppPath(): the repository root in development. */
  appPath: string;
  /** process.resourcesPath: where extraResources land when packaged. */
  resourcesPath: string;
  electronVersion: string;
  exists?: (path: string) => boolean;
}

/** The binary's path, or undefined (better-sqlite3 then loads its default build, which fails with a clear ABI error). */
export function findElectronNativeBinding({ isPackaged, appPath, resourcesPath, electronVersion, exists = existsSync }: NativeBindingInput): string | undefined {
  const dir = electronNativeDir(electronVersion);
  const candidate = isPackaged ? join(resourcesPath, 'native', dir, NATIVE_BINARY_NAME) : join(appPath, '.native', dir, NATIVE_BINARY_NAME);
  return exists(candidate) ? candidate : undefined;
}
