/**
 * Where the cache lives when nobody says otherwise: the same folder Electron uses as userData for the app
 * (productName "ClaimDesk"), so the CLI and the desktop app share one cache.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'ClaimDesk';

/** The cache's file name inside the data folder. */
export const DATABASE_FILE = 'claimdesk.sqlite';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CLAIMDESK_DATA_DIR) return env.CLAIMDESK_DATA_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
}
