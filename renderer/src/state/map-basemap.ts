/**
 * The basemap the job maps draw, from settings: the offline file's tiles on the app's own origin, the online
 * URL, or none, as chosen on the map (remembered in settings) or else the offline file first.
 */
import { useMemo } from 'react';
import { shownBasemap, type BasemapChoice } from '../../../shared/basemap/map-settings';
import type { BasemapInfo } from '../../../shared/basemap/basemap.types';
import { useSettingsStore } from './settings.store';

export type MapBasemap = { kind: 'online'; url: string } | { kind: 'offline'; info: BasemapInfo; tiles: string } | null;

export interface BasemapOption {
  choice: BasemapChoice;
  label: string;
}

export function useMapBasemap(): { basemap: MapBasemap; choice: BasemapChoice; options: BasemapOption[]; onChoose: (choice: BasemapChoice) => void } {
  const settings = useSettingsStore((state) => state.settings);
  const state = useSettingsStore((state) => state.basemap);
  const save = useSettingsStore((state) => state.save);
  return useMemo(() => {
    const url = settings?.basemapUrl ?? null;
    const offline = state?.basemap && state.tilePath ? { info: state.basemap, tiles: `${window.location.origin}${state.tilePath}` } : null;
    const maps = settings?.maps ?? { basemapFile: null, basemapShown: null };
    // A configured file that cannot be opened is not offered: the map would be blank under the claims.
    const choice = shownBasemap({ basemapFile: offline ? maps.basemapFile : null, basemapShown: maps.basemapShown }, url);
    const options: BasemapOption[] = [];
    if (offline) options.push({ choice: 'offline', label: `Offline: ${offline.info.name}` });
    if (url) options.push({ choice: 'online', label: 'Online basemap' });
    options.push({ choice: 'none', label: 'No basemap' });
    const basemap: MapBasemap = choice === 'offline' && offline ? { kind: 'offline', ...offline } : choice === 'online' && url ? { kind: 'online', url } : null;
    return { basemap, choice, options, onChoose: (next: BasemapChoice) => void save({ maps: { basemapShown: next } }) };
  }, [settings, state, save]);
}
