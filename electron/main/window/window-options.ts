/**
 * The BrowserWindow settings, as data so every hardening flag is unit-tested. Each one is set explicitly even
 * where it matches Electron's current default: a future default change must not silently weaken the app.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (out/preload/index.js). */
  preloadPath: string;
}

export function createWindowOptions({ preloadPath }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'ClaimDesk',
    // Shown on 'ready-to-show' to avoid a white flash.
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: preloadPath,
      // The renderer shows server data (order notes, customer names): it must never reach Node or the preload's scope.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Spellcheck would send typed text to a dictionary service on some platforms; staff type customer data.
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}
