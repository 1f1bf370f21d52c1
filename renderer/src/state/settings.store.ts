/** App-wide settings kept by main: the optional online basemap and the workflow's due dates and flags. */
import { create } from 'zustand';
import { api } from '../api/client';
import type { ErrorInfo } from '../../../shared/errors';
import type { AppSettings, AppSettingsPatch } from '../../../shared/jobs/job.types';

type SettingsState = {
  settings: AppSettings | null;
  loadError: ErrorInfo | null;
  saving: boolean;
  load: () => Promise<void>;
  /** Saves only the parts given (the others keep their saved value); resolves to null on success, else main's reason. */
  save: (patch: AppSettingsPatch) => Promise<ErrorInfo | null>;
};

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  loadError: null,
  saving: false,
  load: async () => {
    const result = await api.getSettings({});
    if (result.ok) set({ settings: result.value, loadError: null });
    else set({ loadError: result.error });
  },
  save: async (patch) => {
    set({ saving: true });
    const result = await api.saveSettings(patch);
    if (result.ok) {
      set({ settings: result.value, saving: false });
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
