/**
 * The open fulfilment job: the job as main last saved it, the layout's undo history, and the map selection.
 *
 * The layout is edited many times a second while dragging, so layout saves are debounced (SAVE_DELAY_MS) and
 * every other save waits for them: all writes go through one queue, in order, so an older layout can never land
 * after a newer one. The history's present is the source of truth for the layout; answers from main refresh the
 * rest of the job but never roll the layout back to what was on the wire when the edit was newer.
 *
 * The step is only where the person looks, so a step is shown at once and saved after (setStep): answers that
 * arrive meanwhile keep the step on screen, and a refused save puts back the step main has, with the reason.
 *
 * A layout save is answered with what main changed under the job (its workflow, conflict, package), not the whole
 * job: the layout is the renderer's, and at thousands of claims sending it back and checking it again took longer
 * than the edit. A layout main refuses (the job is on hold, delivered, held by another desk) is put back to the
 * layout main has, with the reason; one that could not be sent (the connection) is kept and sent again.
 */
import { create } from 'zustand';
import { api } from '../api/client';
import { changed } from '../api/queries';
import type { ErrorInfo } from '../../../shared/errors';
import type { Job, JobChange, JobStep } from '../../../shared/jobs/job.types';
import type { Layout } from '../../../shared/layout/layout.types';
import { canRedo, canUndo, createHistory, pushHistory, redo as redoHistory, undo as undoHistory } from '../../../shared/layout/layout-history';
import type { JobState } from './job/job-state.types';
import { rememberJob } from './job/remembered-job';
import { WriteQueue } from './job/write-queue';

export const SAVE_DELAY_MS = 400;

// Module state for the save queue: not rendered, so kept out of the store to avoid re-renders.
let pendingLayout: { jobId: number; layout: Layout } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
/** Step saves among the writes in flight: they change nothing main's gates look at. */
let stepWrites = 0;
/** The step on screen while its save is queued or on the wire; answers to earlier writes must not move it back. */
let shownStep: { jobId: number; step: JobStep } | null = null;
/** The step main last answered for the open job: where a refused step save goes back to. */
let savedStep: JobStep | null = null;
/** The layout main last stored for the open job: where a refused layout save goes back to. */
let savedLayout: { jobId: number; layout: Layout } | null = null;

/** The fields adoptServerState takes hold the same values on screen as in main's answer. */
function sameServerState(job: Job, fresh: JobChange): boolean {
  const part = (j: Job | JobChange) => JSON.stringify([j.serverPackage, j.conflict, j.workflow]);
  return part(job) === part(fresh);
}

/** Main's decision against a layout, not a failure to deliver it: sending it again would be refused again. */
const REFUSALS: ReadonlySet<ErrorInfo['code']> = new Set(['workflow-refused', 'assignment-held', 'forbidden', 'invalid-request', 'not-found']);

export const useJobStore = create<JobState>()((set, get) => {
  // Answers for a job that is no longer open are ignored by each write.
  const writes = new WriteQueue(() => updateSaving());
  const updateSaving = () => set({ saving: writes.inFlight > 0 || pendingLayout !== null });

  /** Takes the job main returned, keeping the newer layout from the history unless told to adopt main's. */
  const adopt = (answered: Job, resetHistory: boolean) => {
    const { job, history } = get();
    if (!job || job.id !== answered.id) return;
    savedStep = answered.step;
    savedLayout = { jobId: answered.id, layout: answered.layout };
    const returned = shownStep?.jobId === answered.id ? { ...answered, step: shownStep.step } : answered;
    if (resetHistory || !history) {
      set({ job: returned, history: createHistory(returned.layout), selection: [], saveError: null });
    } else {
      set({ job: { ...returned, layout: history.present }, saveError: null });
    }
  };

  const sendLayout = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const pending = pendingLayout;
    if (!pending) return writes.settled();
    pendingLayout = null;
    return writes.run(async () => {
      const result = await api.saveLayout({ jobId: pending.jobId, layout: pending.layout });
      const { job, history } = get();
      if (!job || job.id !== pending.jobId) return;
      if (result.ok) {
        savedLayout = pending;
        get().adoptServerState(result.value);
        set({ saveError: null });
        return;
      }
      if (REFUSALS.has(result.error.code) && savedLayout?.jobId === job.id) {
        // Refused: the edits since main's layout cannot be stored, so they are not left on screen as if they were.
        // A newer edit waiting behind this one would be refused the same way.
        pendingLayout = null;
        if (timer) clearTimeout(timer);
        timer = null;
        const back = savedLayout.layout;
        const ids = new Set(back.claims.map((claim) => claim.id));
        if (history?.present !== back) {
          set({ history: createHistory(back), job: { ...job, layout: back }, selection: get().selection.filter((id) => ids.has(id)) });
        }
        set({ saveError: result.error });
        return;
      }
      // Not delivered: the edit is kept and, unless a newer one is already waiting, sent again on the next save or flush.
      if (!pendingLayout) pendingLayout = pending;
      set({ saveError: result.error });
    }).then(() => writes.settled());
  };

  const scheduleLayoutSave = (layout: Layout) => {
    const { job } = get();
    if (!job) return;
    pendingLayout = { jobId: job.id, layout };
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void sendLayout(), SAVE_DELAY_MS);
    updateSaving();
  };

  const load = async (request: () => ReturnType<typeof api.getJob>, keepError: boolean): Promise<ErrorInfo | null> => {
    await sendLayout();
    set({ loading: true, loadError: null });
    const result = await request();
    if (!result.ok) {
      set({ loading: false, loadError: keepError ? result.error : null });
      return result.error;
    }
    const job = result.value;
    rememberJob(job.id);
    shownStep = null;
    savedStep = job.step;
    savedLayout = { jobId: job.id, layout: job.layout };
    set({ job, history: createHistory(job.layout), selection: [], hoverId: null, loading: false, saveError: null });
    return null;
  };

  return {
    job: null,
    history: null,
    selection: [],
    focus: null,
    hoverId: null,
    saving: false,
    saveError: null,
    loading: false,
    loadError: null,

    pullOrder: (key, override) => load(() => api.pullOrder(override ? { ...key, override } : key), false),
    openJob: async (jobId) => {
      await load(() => api.getJob({ jobId }), true);
    },

    closeJob: async () => {
      await sendLayout();
      rememberJob(null);
      shownStep = null;
      savedLayout = null;
      set({ job: null, history: null, selection: [], hoverId: null, saveError: null, loadError: null });
    },

    applyLayout: (next, label) => {
      const { job, history } = get();
      if (!job || !history) return;
      const nextHistory = pushHistory(history, next, label);
      const ids = new Set(next.claims.map((claim) => claim.id));
      set({
        history: nextHistory,
        job: { ...job, layout: nextHistory.present },
        selection: get().selection.filter((id) => ids.has(id)),
      });
      scheduleLayoutSave(nextHistory.present);
    },

    undo: () => {
      const { job, history } = get();
      if (!job || !history || !canUndo(history)) return;
      const nextHistory = undoHistory(history);
      set({ history: nextHistory, job: { ...job, layout: nextHistory.present } });
      scheduleLayoutSave(nextHistory.present);
    },

    redo: () => {
      const { job, history } = get();
      if (!job || !history || !canRedo(history)) return;
      const nextHistory = redoHistory(history);
      set({ history: nextHistory, job: { ...job, layout: nextHistory.present } });
      scheduleLayoutSave(nextHistory.present);
    },

    setSelection: (ids) => set({ selection: ids }),
    focusClaims: (ids) => set({ selection: ids, focus: { ids, seq: (get().focus?.seq ?? 0) + 1 } }),
    setHover: (id) => set({ hoverId: id }),

    patchJob: async (patch) => {
      if (!get().job) return false;
      const error = await get().decideOnJob(patch);
      if (error) set({ saveError: error });
      return error === null;
    },

    setStep: async (step) => {
      const { job } = get();
      if (!job) return { code: 'not-ready', message: 'No job is open.' };
      const shown = { jobId: job.id, step };
      shownStep = shown;
      if (job.step !== step) set({ job: { ...job, step } });
      stepWrites += 1;
      // After the layout: the queue keeps the order of writes, and nothing waits for this answer.
      void sendLayout();
      return writes.run(async () => {
        const result = await api.saveJob({ jobId: shown.jobId, patch: { step } });
        const current = get().job;
        const latest = shownStep === shown;
        if (latest) shownStep = null;
        if (!current || current.id !== shown.jobId) return result.ok ? null : result.error;
        if (result.ok) {
          savedStep = result.value.step;
          // A step save changes only the step (already on screen) and updatedAt, which no view shows: the job is
          // left as it is, since a new job object re-renders every view of it, a whole step's worth of work just
          // after the step was shown (the next answer that changes something brings updatedAt along).
          return null;
        }
        // Refused: back to the step main keeps, unless the person has already moved on (that save follows).
        set({ saveError: result.error, ...(latest && savedStep ? { job: { ...current, step: savedStep } } : {}) });
        return result.error;
      }).finally(() => {
        stepWrites -= 1;
      });
    },

    hasPendingWrites: () => pendingLayout !== null || writes.inFlight - stepWrites > 0,

    decideOnJob: async (patch) => {
      const { job } = get();
      if (!job) return { code: 'not-ready', message: 'No job is open.' };
      // The layout goes first: a step change (or a reprojection) must see the latest edit.
      void sendLayout();
      const resetHistory = patch.epsg !== undefined && patch.epsg !== job.crs.epsg;
      return writes.run(async () => {
        const result = await api.saveJob({ jobId: job.id, patch });
        if (!result.ok) return result.error;
        adopt(result.value, resetHistory);
        return null;
      });
    },

    runCommand: async (command) => {
      const { job } = get();
      if (!job) return { code: 'not-ready', message: 'No job is open.' };
      void sendLayout();
      return writes.run(async () => {
        const result = command === 'validateLayout' ? await api.validateLayout({ jobId: job.id }) : await api.confirmClaimant({ jobId: job.id });
        if (!result.ok) return result.error;
        adopt(result.value, false);
        changed('workflowChanged', { jobIds: [job.id] });
        return null;
      });
    },

    flushSave: () => sendLayout(),

    fillLand: async (mode) => {
      const { job } = get();
      if (!job) return { code: 'not-ready', message: 'No job is open.' };
      void sendLayout();
      return writes.run(async () => {
        const result = await api.fillLandFromPlss({ jobId: job.id, mode });
        if (!result.ok) return result.error;
        // Nothing filled is nothing saved: the job on screen stays as it is (a new job object would re-render and
        // re-check every view of it for the same job).
        if (result.value.filled) adopt(result.value.job, false);
        return { filled: result.value.filled, message: result.value.message };
      });
    },

    // Only the fields main changes behind the renderer's back (JobChange): taking the whole job could undo an edit still queued.
    // Nothing when they are as on screen (main reports every save, a step moved included): see setStep.
    adoptServerState: (fresh) => {
      const { job } = get();
      if (job && job.id === fresh.id && !sameServerState(job, fresh)) {
        set({ job: { ...job, serverPackage: fresh.serverPackage, conflict: fresh.conflict, workflow: fresh.workflow, updatedAt: fresh.updatedAt } });
      }
    },

  };
});

// Closing the window or reloading inside the debounce window would drop the last edit: send it now.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => void useJobStore.getState().flushSave());
  window.addEventListener('beforeunload', () => void useJobStore.getState().flushSave());
}
