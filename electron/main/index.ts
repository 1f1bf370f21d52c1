/**
 * Electron composition root. The only file that creates the platform adapters (token store, native binding,
 * shell, window) and hands them to the back-end; the back-end itself runs — and is tested — under plain Node.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Notification, safeStorage, session, shell } from 'electron';
import { IPC_EVENT_NAMES, IPC_EVENTS } from '../../shared/ipc/channels';
import { AppError, errorMessage } from '../../shared/errors';
import { createClaimDeskApp } from '../../core/app/create-app';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { registerIpc } from './ipc/register-ipc';
import { findElectronNativeBinding } from './platform/native-binding';
import { createSafeStorageTokenStore } from './platform/safe-storage-token-store';
import { demoSignIn, launchDataDir, notificationBody } from './platform/launch-options';
import { basemapOriginOf } from '../../core/platform/csp';
import { describeStartupError } from './platform/startup-error';
import { createMainWindow, denyAllPermissions, hardenWebContents, registerAppProtocol, registerAppSchemePrivileges } from './window/create-window';
import { createAppUrlGuard } from './window/navigation-guard';

// electron-vite sets this for `electron-vite dev`; a packaged app must never load a remote renderer.
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const isTrustedUrl = createAppUrlGuard(devServerUrl);
const openWithShell = (url: string): Promise<void> => shell.openExternal(url);

// Everything the app writes (cache, packages, the encrypted session, Chromium's profile) is for this user only.
process.umask(0o077);

// `--data-dir=DIR` (any build) or, in development only, CLAIMDESK_DATA_DIR: a separate cache, e.g. for a second
// server. Chromium's profile goes there too. Must happen before 'ready' and before the single-instance lock, which
// Electron takes per userData folder.
const dataDirOverride = launchDataDir(process.argv, process.env, app.isPackaged);
if (dataDirOverride) app.setPath('userData', dataDirOverride);

registerAppSchemePrivileges();

let mainWindow: BrowserWindow | null = null;
let claimApp: ClaimDeskApp | null = null;
let closed = false;

// One process owns the SQLite cache: a second launch focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every WebContents, including ones we did not plan for, gets the navigation/window-open/webview rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { isAppUrl: isTrustedUrl, openExternal: openWithShell }));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (claimApp && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('before-quit', (event) => {
    if (closed || !claimApp) return;
    // Let the back-end finish its writes and close SQLite before the process goes away.
    event.preventDefault();
    const closing = claimApp;
    claimApp = null;
    void closing
      .close()
      .catch((error: unknown) => console.error('[main] close failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  main().catch((error: unknown) => {
    console.error('[main] start-up failed:', error);
    dialog.showErrorBox('ClaimDesk could not start', errorMessage(error));
    app.exit(1);
  });
}

async function main(): Promise<void> {
  await app.whenReady();
  const dataDir = app.getPath('userData');

  denyAllPermissions(session.defaultSession);
  // The page's CSP names the online basemap origin configured when it loads (none before the back-end is up).
  const basemapOrigin = async (): Promise<string | null> => (claimApp ? basemapOriginOf((await claimApp.handlers.getSettings({})).basemapUrl) : null);
  registerAppProtocol(session.defaultSession, join(__dirname, '../renderer'), () => claimApp?.basemap ?? null, basemapOrigin);

  const nativeBinding = findElectronNativeBinding({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron,
  });

  let ready: ClaimDeskApp;
  try {
    ready = await createClaimDeskApp({
      dataDir,
      runtime: 'electron',
      // Created after 'ready': on Linux safeStorage only knows whether encryption is available once ready.
      tokenStore: createSafeStorageTokenStore({ safeStorage, filePath: join(dataDir, 'session-token.bin'), log: tellAboutSession }),
      nativeBinding,
      demo: demoSignIn(process.env, app.isPackaged),
      // Only ever called with a package folder the back-end made (documents-handlers.ts), never a renderer path.
      openPath: async (path: string) => {
        const failure = await shell.openPath(path);
        if (failure) throw new AppError('io-failed', `The folder could not be opened: ${failure}`);
      },
      exportsDir: join(app.getPath('documents'), 'ClaimDesk exports'),
      chooseFiles: async ({ title, filters }) => {
        const options = { title, filters, properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[] };
        const result = mainWindow && !mainWindow.isDestroyed() ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : result.filePaths;
      },
    });
  } catch (error) {
    // A refused cache (too new, cannot open or migrate) is shown and the app quits. Nothing is deleted or
    // "repaired": the file may hold work that was never uploaded.
    const hint =
      !app.isPackaged && !nativeBinding
        ? 'Developer hint: no better-sqlite3 build for this Electron was found; run `node scripts/ensure-electron-sqlite.mjs`.'
        : undefined;
    const text = describeStartupError(error, dataDir, hint);
    console.error(`[main] ${text.title}:`, error);
    dialog.showErrorBox(text.title, text.message);
    app.exit(1);
    return;
  }

  claimApp = ready;
  registerIpc(ipcMain, ready.handlers, isTrustedUrl);
  // Every push event of the contract goes to the window on its own channel.
  for (const name of IPC_EVENT_NAMES) {
    ready.onEvent(name, (payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENTS[name], payload);
    });
  }
  ready.onEvent('notificationAdded', (payload) => {
    // The desktop notification; the in-app list keeps it after the OS lets it go.
    if (!Notification.isSupported()) return;
    const note = new Notification({ title: payload.title, body: notificationBody(payload.body) });
    note.on('click', () => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.show();
    });
    note.show();
  });

  openWindow();
  // Sign-in and the first sync report their progress through syncStatus; a failure (offline…) is shown in the
  // window, not fatal.
  ready.start().catch((error: unknown) => console.error('[main] start failed:', error));
}

/** What the session store has to say (no OS encryption, an unreadable stored session) reaches the person, not only the log. */
function tellAboutSession(message: string): void {
  console.warn(message);
  if (!Notification.isSupported()) return;
  new Notification({ title: 'ClaimDesk sign-in', body: notificationBody(message.replace(/^\[session\] /, '')) }).show();
}

function openWindow(): void {
  mainWindow = createMainWindow({ preloadPath: join(__dirname, '../preload/index.js'), devServerUrl });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
