/**
 * The imported PLSS as the renderer sees it: the import status for Settings (followed through plssStatus events),
 * and the PLSS around the open job's claims for the maps, the Validate warnings and snapping. The area is asked
 * for with a margin and asked again only when the claims leave it, so editing does not query on every drag.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import type { ErrorInfo } from '../../../shared/errors';
import type { PlssStatus } from '../../../shared/plss/plss-ipc.types';
import type { Bbox, PlssArea } from '../../../shared/plss/plss.types';

type PlssState = {
  status: PlssStatus | null;
  statusError: ErrorInfo | null;
  actionError: ErrorInfo | null;
  area: PlssArea | null;
  /** The box the area was read for (already grown by the margin). */
  areaBox: Bbox | null;
  loadStatus: () => Promise<void>;
  /** Follows the import's progress; returns the unsubscribe. */
  follow: () => () => void;
  choose: () => Promise<{ dialog: boolean; paths: string[] } | null>;
  startImport: (paths: string[]) => Promise<boolean>;
  remove: (state: string) => Promise<void>;
  /** Makes sure the area covers `box`; reads it again (grown by a margin) when it does not. */
  ensureArea: (box: Bbox) => Promise<void>;
};

/** Degrees added around the claims: about 2 km, more than a section, so corners for the tie are in view. */
const MARGIN_DEG = 0.02;

const covers = (outer: Bbox, inner: Bbox): boolean =>
  outer.minLon <= inner.minLon && outer.minLat <= inner.minLat && outer.maxLon >= inner.maxLon && outer.maxLat >= inner.maxLat;

let pending: Bbox | null = null;

export const usePlssStore = create<PlssState>()((set, get) => {
  /** Takes a status unless a newer one arrived first (an IPC answer can trail the event pushed after it). */
  const adopt = (status: PlssStatus): void => {
    const current = get().status;
    if (current && current.version > status.version) return;
    const finished = current?.running === true && !status.running;
    set({ status, statusError: null });
    // New data: the area around the job must be read again.
    if (finished) set({ area: null, areaBox: null });
  };
  return {
  status: null,
  statusError: null,
  actionError: null,
  area: null,
  areaBox: null,

  loadStatus: async () => {
    const result = await api.getPlssStatus({});
    if (result.ok) adopt(result.value);
    else set({ statusError: result.error });
  },

  follow: () => api.onPlssStatus(adopt),

  choose: async () => {
    const result = await api.choosePlssFiles({});
    if (!result.ok) {
      set({ actionError: result.error });
      return null;
    }
    return result.value;
  },

  startImport: async (paths) => {
    set({ actionError: null });
    const result = await api.startPlssImport({ paths });
    if (!result.ok) {
      set({ actionError: result.error });
      return false;
    }
    adopt(result.value);
    return true;
  },

  remove: async (state) => {
    const result = await api.removePlssState({ state });
    if (result.ok) {
      adopt(result.value);
      set({ actionError: null, area: null, areaBox: null });
    }
    else set({ actionError: result.error });
  },

  ensureArea: async (box) => {
    const { areaBox } = get();
    if (areaBox && covers(areaBox, box)) return;
    if (pending && covers(pending, box)) return;
    const grown = { minLon: box.minLon - MARGIN_DEG, minLat: box.minLat - MARGIN_DEG, maxLon: box.maxLon + MARGIN_DEG, maxLat: box.maxLat + MARGIN_DEG };
    pending = grown;
    const result = await api.getPlssArea(grown);
    if (pending !== grown) return;
    pending = null;
    // An area too big to draw (a claim block spread over a county) is simply not drawn: nothing is lost.
    set(result.ok ? { area: result.value, areaBox: grown } : { area: null, areaBox: grown });
  },
};
});
