/**
 * IPC for the imported PLSS. On the desktop, an import reads only files the person picked in this session's OS
 * dialog: the renderer never names a path for main to read. The browser host (development and tests, 127.0.0.1
 * only) has no dialog and takes the paths typed in Settings.
 */
import { AppError } from '../../shared/errors';
import type { IpcHandlers } from '../../shared/ipc/contract';
import type { PlssService } from '../plss/plss.service';
import { PLSS_FILE_KINDS } from '../plss/open-plss-file';

type PlssHandlerNames = 'getPlssStatus' | 'choosePlssFiles' | 'startPlssImport' | 'removePlssState' | 'lookupPlss' | 'getPlssArea' | 'fillLandFromPlss';

export interface PlssHandlerDeps {
  plss: PlssService;
  /** The OS open-file dialog (Electron); absent under the browser host. */
  chooseFiles?: (request: { title: string; filters: { name: string; extensions: string[] }[] }) => Promise<string[] | null>;
}

export function createPlssHandlers(deps: PlssHandlerDeps): Pick<IpcHandlers, PlssHandlerNames> {
  const chosen = new Set<string>();
  return {
    getPlssStatus: () => deps.plss.status(),
    async choosePlssFiles() {
      if (!deps.chooseFiles) return { dialog: false, paths: [] };
      const paths =
        (await deps.chooseFiles({
          title: 'Import BLM PLSS (CadNSDI) files',
          filters: [{ name: `PLSS data: ${PLSS_FILE_KINDS}`, extensions: ['zip', 'geojson', 'json', 'gpkg', 'shp'] }],
        })) ?? [];
      for (const path of paths) chosen.add(path);
      return { dialog: true, paths };
    },
    async startPlssImport({ paths }) {
      if (deps.chooseFiles) {
        const unknown = paths.find((path) => !chosen.has(path));
        if (unknown) throw new AppError('invalid-request', 'Choose the files with “Choose files…”: only files picked in the dialog are imported.');
      }
      deps.plss.startImport(paths);
      return deps.plss.status();
    },
    removePlssState: ({ state }) => deps.plss.removeState(state.toUpperCase()),
    async lookupPlss({ lon, lat }) {
      const found = await deps.plss.lookup(lon, lat);
      return { result: found?.result ?? null, derived: found?.derived ?? false };
    },
    getPlssArea: (bbox) => deps.plss.area(bbox),
    fillLandFromPlss: ({ jobId, mode }) => deps.plss.fillJob(jobId, mode),
  };
}
