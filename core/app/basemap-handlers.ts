/** The offline basemap over IPC: what the configured file holds and where its tiles are served. */
import type { IpcHandlers } from '../../shared/ipc/contract';
import type { AppSettings } from '../../shared/jobs/job.types';
import { checkBasemapPath, type BasemapService } from '../basemap/basemap.service';

export function createBasemapHandlers(basemap: BasemapService): Pick<IpcHandlers, 'getBasemap'> {
  return { getBasemap: () => basemap.state() };
}

/** A new basemap file must open as MBTiles or PMTiles before it is saved; the error says why not. */
export function mapSettingsChecker(basemap: BasemapService): (maps: AppSettings['maps']) => Promise<AppSettings['maps']> {
  return async (maps) => {
    if (maps.basemapFile === null) return maps;
    const path = checkBasemapPath(maps.basemapFile);
    await basemap.check(path);
    return { ...maps, basemapFile: path };
  };
}
