/**
 * The main window and everything that keeps it locked to our own content: the app:// protocol serving the
 * built renderer, navigation and window-open guards, <webview> and permission denial.
 * The decisions live in pure, tested modules (window-options, csp, navigation-guard, external-links,
 * static-files); this file only wires them to Electron.
 */
import { BrowserWindow, protocol, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME } from './navigation-guard';
import { createWindowOptions } from './window-options';
import { safeOpenExternal } from '../../../core/platform/external-links';
import type { BasemapService } from '../../../core/basemap/basemap.service';
import { appProtocolHandler } from './app-protocol';

/**
 * Must run before app 'ready'. `standard` gives app:// normal URL semantics (origin, relative URLs),
 * `secure` makes it a secure context, `supportFetchAPI` lets the renderer fetch its own assets (map style,
 * fonts) and start maplibre's module worker, `corsEnabled` because Vite emits `<script type="module"
 * crossorigin>` and module workers, i.e. CORS-mode requests, which Chromium only makes for CORS-enabled schemes
 * (we never send Access-Control-Allow-Origin, so no other origin gains access). Deliberately NOT bypassCSP,
 * NOT allowServiceWorkers.
 */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/**
 * Serves rendererDir at app://claimdesk/ on the given session, with the CSP as a response header (and in the
 * page's <meta> tag), and the offline basemap's tiles under /basemap/ (same origin, so they need nothing more
 * than 'self'). The policy names the online basemap origin configured when the page loads; a changed online
 * basemap reloads the page (settings dialog).
 */
export function registerAppProtocol(targetSession: Session, rendererDir: string, basemap: () => BasemapService | null, basemapOrigin: () => Promise<string | null>): void {
  targetSession.protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir, basemap, basemapOrigin));
}

export type OpenExternal = (url: string) => Promise<void>;

export interface GuardOptions {
  isAppUrl: (url: string) => boolean;
  openExternal: OpenExternal;
  log?: (message: string) => void;
}

/**
 * Applied to every WebContents the app creates (main calls it from 'web-contents-created'), so a window or
 * frame we did not anticipate still gets the same rules.
 */
export function hardenWebContents(contents: WebContents, { isAppUrl, openExternal, log = console.warn }: GuardOptions): void {
  const openOutside = (url: string): void => {
    void safeOpenExternal(url, openExternal).then((result) => {
      if (!result.opened) log(`[window] refused to open an external link: ${result.reason}`);
    });
  };

  // A link clicked without target=_blank navigates the window itself: never leave the app; https links go to
  // the user's browser instead.
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  });
  // Redirects are server-driven, not user intent: refuse without opening anything.
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Deny-by-default: ClaimDesk needs no camera, geolocation, notifications, clipboard reads… */
export function denyAllPermissions(targetSession: Session): void {
  targetSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  targetSession.setPermissionCheckHandler(() => false);
  targetSession.setDevicePermissionHandler(() => false);
}

export interface CreateMainWindowOptions {
  preloadPath: string;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); only honoured when the app is not packaged. */
  devServerUrl?: string;
}

/** Returns at once (so main can reference the window while it loads); a failed load is logged. */
export function createMainWindow({ preloadPath, devServerUrl }: CreateMainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions({ preloadPath }));
  window.once('ready-to-show', () => window.show());
  window.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => console.error('[window] the renderer failed to load:', error));
  return window;
}
