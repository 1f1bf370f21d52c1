/**
 * The batch export as the renderer sees it. The export itself runs in main and keeps running when this window
 * navigates away or reloads; this store follows its progress events and, whenever it (re)opens or a run ends,
 * asks main for the status, so what is shown is main's truth rather than whatever events happened to arrive.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import type { ExportProgress, ExportReport, ExportResult } from '../../../shared/documents/package-info.types';
import type { ErrorInfo } from '../../../shared/errors';
import { orderKeyString, type OrderKey } from '../../../shared/domain/order.types';

type ExportState = {
  dialogOpen: boolean;
  running: boolean;
  progress: ExportProgress | null;
  /** Results as they arrive (the finished report replaces them with the full list, in request order). */
  results: ExportResult[];
  report: ExportReport | null;
  /** The last report was looked at and put aside for a new export. */
  dismissed: boolean;
  starting: boolean;
  cancelling: boolean;
  error: ErrorInfo | null;

  open: () => void;
  close: () => void;
  refresh: () => Promise<void>;
  start: (orders: OrderKey[], dateOfLocation: string | null) => Promise<boolean>;
  cancel: () => Promise<void>;
  newExport: () => void;
};

const resultKey = (result: ExportResult) => orderKeyString({ orderType: result.orderType, id: result.orderId });

let unsubscribe: (() => void) | null = null;

export const useExportStore = create<ExportState>()((set, get) => {
  const onProgress = (progress: ExportProgress) => {
    set((state) => {
      const last = progress.last;
      if (!last) return { progress, running: progress.running };
      const results = state.results.filter((result) => resultKey(result) !== resultKey(last));
      return { progress, running: progress.running, results: [...results, last] };
    });
    // The end of a run: the report (with every result) is read from main.
    if (!progress.running) void get().refresh();
  };

  // One subscription for the app's lifetime once export is used: a run outlives the dialog and the queue page.
  const subscribe = () => {
    unsubscribe ??= api.onDocumentsProgress((event) => {
      if (event.kind === 'export') onProgress(event);
    });
  };

  return {
    dialogOpen: false,
    running: false,
    progress: null,
    results: [],
    report: null,
    dismissed: false,
    starting: false,
    cancelling: false,
    error: null,

    open: () => {
      set({ dialogOpen: true, error: null });
      void get().refresh();
    },
    close: () => set({ dialogOpen: false }),

    refresh: async () => {
      subscribe();
      const result = await api.getExportStatus({});
      if (!result.ok) {
        set({ error: result.error });
        return;
      }
      const { running, progress, report } = result.value;
      set((state) => ({
        running,
        progress: progress ?? state.progress,
        // A report only belongs to a finished run; while one runs, the live list is what there is.
        report: running ? null : report,
        results: !running && report ? report.results : state.results,
        cancelling: running ? state.cancelling : false,
      }));
    },

    start: async (orders, dateOfLocation) => {
      subscribe();
      set({ starting: true, error: null, results: [], report: null, dismissed: false, progress: null });
      const result = await api.startExport(dateOfLocation ? { orders, dateOfLocation } : { orders });
      if (!result.ok) {
        set({ starting: false, error: result.error });
        return false;
      }
      set((state) => ({
        starting: false,
        // A run of skipped orders can end before this answer arrives: its last event already said so.
        running: state.progress ? state.progress.running : true,
        progress: state.progress ?? { total: orders.length, done: 0, running: true, last: null, outDir: result.value.outDir },
      }));
      await get().refresh();
      return true;
    },

    cancel: async () => {
      set({ cancelling: true });
      const result = await api.cancelExport({});
      if (!result.ok) set({ cancelling: false, error: result.error });
      await get().refresh();
    },

    newExport: () => set({ dismissed: true, error: null }),
  };
});

export type ExportView = 'setup' | 'running' | 'done';

export function exportView(state: Pick<ExportState, 'running' | 'starting' | 'report' | 'dismissed'>): ExportView {
  if (state.running || state.starting) return 'running';
  if (state.report && !state.dismissed) return 'done';
  return 'setup';
}
