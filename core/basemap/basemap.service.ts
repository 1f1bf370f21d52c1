/**
 * The offline basemap configured in Settings: opened once and kept open while the app runs (a tile request must
 * not reopen an SQLite file), reopened when the setting or the file itself changes. Tiles are addressed under a
 * token made from the file's path, size and modification time, so a replaced file gets new URLs and the
 * renderer never shows tiles cached from the old one.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { BasemapInfo, BasemapState } from '../../shared/basemap/basemap.types';
import { AppError } from '../../shared/errors';
import { openTileArchive } from './open-archive';
import type { OpenArchiveOptions, Tile, TileArchive } from './tile-archive';

export const BASEMAP_PATH_PREFIX = '/basemap/';

export interface BasemapServiceDeps extends OpenArchiveOptions {
  /** The configured file (settings), or null. */
  getFile: () => Promise<string | null>;
}

export interface BasemapService {
  state(): Promise<BasemapState>;
  /** Opens a file as the settings dialog offers it and says what it holds; throws a message for staff. */
  check(path: string): Promise<BasemapInfo>;
  tile(token: string, z: number, x: number, y: number): Promise<Tile | null>;
  close(): Promise<void>;
}

interface Opened {
  path: string;
  token: string;
  archive: TileArchive;
}

async function tokenFor(path: string): Promise<string> {
  const info = await stat(path);
  return createHash('sha256').update(`${path}\0${info.size}\0${info.mtimeMs}`).digest('hex').slice(0, 16);
}

export function checkBasemapPath(path: string): string {
  const trimmed = path.trim();
  if (!isAbsolute(trimmed)) throw new AppError('invalid-request', `The basemap file must be given as a full path (got "${trimmed}").`);
  return trimmed;
}

export function createBasemapService(deps: BasemapServiceDeps): BasemapService {
  let current: Opened | null = null;
  let opening: Promise<Opened | null> | null = null;

  async function load(): Promise<Opened | null> {
    const path = await deps.getFile();
    if (!path) {
      await drop();
      return null;
    }
    const token = await tokenFor(path).catch(() => {
      throw new AppError('io-failed', `The basemap file ${path} is not there any more (moved, renamed or on a drive that is not connected).`);
    });
    if (current && current.path === path && current.token === token) return current;
    await drop();
    const archive = await openTileArchive(path, deps);
    current = { path, token, archive };
    return current;
  }

  async function drop(): Promise<void> {
    const old = current;
    current = null;
    await old?.archive.close();
  }

  /** One open at a time: a burst of tile requests after a change must not open the file twenty times. */
  function opened(): Promise<Opened | null> {
    if (!opening) opening = load().finally(() => (opening = null));
    return opening;
  }

  return {
    async state() {
      try {
        const open = await opened();
        if (!open) return { basemap: null, tilePath: null, problem: null };
        return { basemap: open.archive.info, tilePath: `${BASEMAP_PATH_PREFIX}${open.token}/{z}/{x}/{y}`, problem: null };
      } catch (error) {
        return { basemap: null, tilePath: null, problem: error instanceof Error ? error.message : String(error) };
      }
    },
    async check(path) {
      const archive = await openTileArchive(checkBasemapPath(path), deps);
      await archive.close();
      return archive.info;
    },
    async tile(token, z, x, y) {
      const open = current?.token === token ? current : await opened().catch(() => null);
      if (!open || open.token !== token) return null;
      return open.archive.getTile(z, x, y);
    },
    close: drop,
  };
}
