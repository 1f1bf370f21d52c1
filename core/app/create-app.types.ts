/**
 * The seam between the thin shells (Electron main, browser test host, CLI) and the Node back-end.
 * A shell builds its platform adapters, calls createClaimDeskApp (create-app.ts) and wires `handlers`
 * to its transport.
 */
import type { IpcEventName } from '../../shared/ipc/channels';
import type { IpcEventPayload, IpcHandlers } from '../../shared/ipc/contract';
import type { TokenStore } from '../session/token-store';
import type { BasemapService } from '../basemap/basemap.service';

export interface Clock {
  now(): Date;
}

export interface DemoSignIn {
  serverUrl: string;
  username: string;
  password: string;
}

export interface ClaimDeskAppOptions {
  /** Folder holding claimdesk.sqlite and its backups. */
  dataDir: string;
  runtime: 'electron' | 'browser-host';
  tokenStore: TokenStore;
  /** Path of a better-sqlite3 binary built for Electron's ABI; omitted under plain Node. */
  nativeBinding?: string;
  /** Sign in with these when no session is stored (npm start against the built-in demo server). */
  demo?: DemoSignIn;
  clock?: Clock;
  /** Periodic sync while the app is open; 0 disables it. Default 5 minutes. */
  syncIntervalMs?: number;
  /** The OS adapter that shows a folder in the file manager (Electron shell.openPath). */
  openPath?: (path: string) => Promise<void>;
  /** The OS open-file dialog for the PLSS import (Electron dialog.showOpenDialog); null when cancelled. */
  chooseFiles?: (request: { title: string; filters: { name: string; extensions: string[] }[] }) => Promise<string[] | null>;
  /** Where batch exports go; default `<dataDir>/exports`. Electron passes a folder in the user's Documents. */
  exportsDir?: string;
  /** Folder with fonts/ (packaged app: process.resourcesPath); found next to the code when omitted. */
  resourcesDir?: string;
  /** Background outbox sends; 0 disables the timer (sends still follow every queued change). Default 15 s. */
  outboxIntervalMs?: number;
  /** How often the stale-work check runs while the app is open (default hourly; 0: only at start). */
  staleCheckIntervalMs?: number;
  /** Failures of background work (after-sync workflow updates, notifications) for logging; never thrown. */
  onBackgroundError?: (error: unknown) => void;
  /** How long an upload may take before it counts as timed out (and is retried); default 2 minutes. */
  uploadTimeoutMs?: number;
  /** Package workers; default one per core (at most 4). Tests use 1. */
  documentWorkers?: number;
  /**
   * Where a sync stages and saves its orders: 'worker' (default), a worker thread, so the save never holds the event
   * loop the window's IPC shares; 'thread', this thread, for a process no window waits on (the CLI), which the
   * worker would only cost memory.
   */
  syncSave?: 'worker' | 'thread';
}

export interface ClaimDeskApp {
  handlers: IpcHandlers;
  /** The offline basemap's tiles, which each shell serves on its own origin (core/basemap/basemap-route.ts). */
  basemap: BasemapService;
  onEvent<K extends IpcEventName>(name: K, listener: (payload: IpcEventPayload<K>) => void): () => void;
  /** Signs in the demo user if configured, runs the first sync and starts the periodic one. */
  start(): Promise<void>;
  close(): Promise<void>;
}
