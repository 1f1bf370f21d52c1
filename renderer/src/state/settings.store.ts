/** App-wide settings kept by main: the online and offline basemaps, the workflow's due dates and flags, map settings. */
import { create } from 'zustand';
import { api } from '../api/client';
import type { ErrorInfo } from '../../../shared/errors';
import type { AppSettings, AppSettingsPatch } from '../../../shared/jobs/job.types';
import type { BasemapState } from '../../../shared/basemap/basemap.types';

type SettingsState = {
  settings: AppSettings | null;
  loadError: ErrorInfo | null;
  saving: boolean;
  /** The offline basemap file as main opened it (what it holds, where its tiles are), or why it could not. */
  basemap: BasemapState | null;
  load: () => Promise<void>;
  loadBasemap: () => Promise<void>;
  /** Saves only the parts given (the others keep their saved value); resolves to null on success, else main's reason. */
  save: (patch: AppSettingsPatch) => Promise<ErrorInfo | null>;
};

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: null,
  loadError: null,
  saving: false,
  basemap: null,
  load: async () => {
    const result = await api.getSettings({});
    if (result.ok) set({ settings: result.value, loadError: null });
    else set({ loadError: result.error });
    await get().loadBasemap();
  },
  loadBasemap: async () => {
    const result = await api.getBasemap({});
    set({ basemap: result.ok ? result.value : { basemap: null, tilePath: null, problem: result.error.message } });
  },
  save: async (patch) => {
    set({ saving: true });
    const result = await api.saveSettings(patch);
    if (result.ok) {
      set({ settings: result.value, saving: false });
      if (patch.maps?.basemapFile !== undefined) await get().loadBasemap();
      return null;
    }
    set({ saving: false });
    return result.error;
  },
}));

/**
 * The basemap URL is checked here too (main checks it again) so the dialog can say what is wrong before saving:
 * https only, and either a raster tile template with {z}/{x}/{y} or a style JSON document.
 */
export function basemapUrlProblem(value: string): string | null {
  const url = value.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{[xyz]\}/g, '0'));
  } catch {
    return 'This is not a web address.';
  }
  if (parsed.protocol !== 'https:') return 'Only https:// addresses are allowed.';
  const isTemplate = ['{z}', '{x}', '{y}'].every((part) => url.includes(part));
  const isStyle = /\.json($|\?)/i.test(parsed.pathname + parsed.search) || /style/i.test(parsed.pathname);
  if (!isTemplate && !isStyle) return 'Use a tile template containing {z}/{x}/{y}, or a style JSON URL.';
  return null;
}
