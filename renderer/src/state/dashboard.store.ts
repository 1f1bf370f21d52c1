/**
 * The dashboard's numbers as main counted them. Read when the page opens and again after anything that can move
 * a count (a workflow change, an outbox change, a finished sync); answers that overtake each other are ordered.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import type { ErrorInfo } from '../../../shared/errors';
import type { Dashboard } from '../../../shared/workflow/workflow-view.types';

type DashboardState = {
  dashboard: Dashboard | null;
  loading: boolean;
  error: ErrorInfo | null;
  load: () => Promise<void>;
};

let reads = 0;

export const useDashboardStore = create<DashboardState>()((set) => ({
  dashboard: null,
  loading: false,
  error: null,
  load: async () => {
    const read = ++reads;
    set({ loading: true });
    const result = await api.getDashboard({});
    if (read !== reads) return;
    if (result.ok) set({ dashboard: result.value, loading: false, error: null });
    else set({ loading: false, error: result.error });
  },
}));
