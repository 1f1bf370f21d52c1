/**
 * The Documents step's state: a generation in progress with its progress events, the file picked for preview, and
 * the land description as typed. The package itself is read through the query layer (usePackage below), which a
 * generation makes stale.
 *
 * The land draft lives here rather than in the form so Generate can save what was typed a moment ago even if
 * the field still has focus, and leaving the step saves it too (the same pattern as the claimant form).
 */
import { create } from 'zustand';
import { api } from '../api/client';
import { MANIFEST_FILE } from '../../../shared/documents/package-files';
import type { PackageInfo, PackageProgress } from '../../../shared/documents/package-info.types';
import type { ErrorInfo } from '../../../shared/errors';
import type { Job } from '../../../shared/jobs/job.types';
import type { Layout } from '../../../shared/layout/layout.types';
import { useJobStore } from './job.store';
import { usePlssStore } from './plss.store';
import { saveClaimantDraft } from './claimant.store';
import { documentsFromDraft, draftFromDocuments, sameDocuments, type LandDraft, type LandField } from '../lib/land-description';
import { changed } from '../api/queries';
import { useIpcQuery } from '../api/use-ipc-query.hook';

type DocumentsState = {
  /** The job the rest of the state belongs to; anything for another job is stale. */
  jobId: number | null;
  generating: boolean;
  progress: PackageProgress | null;
  generateError: ErrorInfo | null;
  /** File name shown in the preview. */
  selected: string | null;
  /** The last "Open folder" answer; opened=false means this window cannot open folders (browser host). */
  folder: { opened: boolean; path: string } | null;
  folderError: ErrorInfo | null;
  draft: LandDraft | null;
  touched: Partial<Record<LandField, boolean>>;
  /** The last answer of a PLSS fill (main's sentence), and whether one is running. */
  plssMessage: string | null;
  filling: boolean;

  /** Starts the step's state for a job (the land draft from what the job has saved). */
  open: (jobId: number) => void;
  generate: () => Promise<void>;
  select: (name: string | null) => void;
  openFolder: () => Promise<void>;
  setField: (field: LandField, value: string) => void;
  touch: (field: LandField) => void;
  onProgress: (progress: PackageProgress) => void;
  /** Fills the land description from the PLSS: 'if-blank' when the step opens, 'replace' on request. */
  fillFromPlss: (mode: 'if-blank' | 'replace') => Promise<void>;
};

const FIRST_PREVIEW = 'location-notices';

/**
 * What the last fill on opening the step was asked with, when it filled nothing: opening the step again with the
 * same layout (the same object: any edit makes a new one), land description, monument settings, location and
 * imported PLSS would get the same answer, so main is not asked again on every visit.
 */
let quietFill: { layout: Layout; inputs: string } | null = null;

function fillInputs(job: Job): string {
  return JSON.stringify([job.id, job.crs.epsg, job.documents, job.monuments, job.location, usePlssStore.getState().status?.layers ?? null]);
}

/** The file shown in the preview: the one picked, while the package still has it, else the location notices. */
export function shownFile(pkg: PackageInfo | null, current: string | null): string | null {
  if (!pkg) return null;
  if (current && (current === MANIFEST_FILE || pkg.manifest.files.some((file) => file.name === current))) return current;
  return (pkg.manifest.files.find((file) => file.kind === FIRST_PREVIEW) ?? pkg.manifest.files[0])?.name ?? null;
}

export const useDocumentsStore = create<DocumentsState>()((set, get) => ({
  jobId: null,
  generating: false,
  progress: null,
  generateError: null,
  selected: null,
  folder: null,
  folderError: null,
  draft: null,
  touched: {},
  plssMessage: null,
  filling: false,

  open: (jobId) => {
    if (get().jobId !== jobId) {
      set({ jobId, generating: false, progress: null, generateError: null, selected: null, folder: null, folderError: null, draft: null, touched: {}, plssMessage: null, filling: false });
    }
    landDraft();
  },

  generate: async () => {
    const job = useJobStore.getState().job;
    if (!job || get().generating) return;
    set({ jobId: job.id, generating: true, progress: null, generateError: null, folder: null });
    // Whatever was typed a moment ago must be in the package: the claimant's date and the land description.
    await saveClaimantDraft();
    await saveLandDraft();
    await useJobStore.getState().flushSave();
    const result = await api.generatePackage({ jobId: job.id });
    if (get().jobId !== job.id) return;
    if (!result.ok) {
      set({ generating: false, progress: null, generateError: result.error });
      return;
    }
    set({ generating: false, progress: null, selected: shownFile(result.value, get().selected) });
    // The new package, and the workflow it moved on (documents ready), are read again.
    changed('workflowChanged', { jobIds: [job.id] });
  },

  select: (name) => set({ selected: name }),

  openFolder: async () => {
    const { jobId } = get();
    if (jobId === null) return;
    const result = await api.openPackageFolder({ jobId });
    if (get().jobId !== jobId) return;
    if (result.ok) set({ folder: { opened: result.value.opened, path: result.value.folder }, folderError: null });
    else set({ folderError: result.error });
  },

  setField: (field, value) => set((state) => (state.draft ? { draft: { ...state.draft, [field]: value } } : state)),
  touch: (field) => set((state) => ({ touched: { ...state.touched, [field]: true } })),

  onProgress: (progress) => {
    const { jobId, generating } = get();
    if (generating && progress.jobId === jobId) set({ progress });
  },

  fillFromPlss: async (mode) => {
    const job = useJobStore.getState().job;
    if (!job || get().jobId !== job.id || get().filling) return;
    const layout = useJobStore.getState().history?.present ?? job.layout;
    if (mode === 'if-blank' && quietFill?.layout === layout && quietFill.inputs === fillInputs(job) && !unsavedLand()) return;
    set({ filling: true });
    // What was typed is saved first: 'if-blank' must see it (and keep it), 'replace' replaces it knowingly.
    await saveLandDraft();
    const asked = useJobStore.getState().job;
    const outcome = await useJobStore.getState().fillLand(mode);
    if (get().jobId !== job.id) return;
    if ('code' in outcome) {
      set({ filling: false, plssMessage: outcome.message });
      return;
    }
    quietFill = mode === 'if-blank' && !outcome.filled && asked ? { layout, inputs: fillInputs(asked) } : null;
    const saved = useJobStore.getState().job;
    set({
      filling: false,
      plssMessage: outcome.message,
      ...(outcome.filled && saved ? { draft: draftFromDocuments(saved.documents), touched: {} } : {}),
    });
  },
}));

/** The land draft for the open job, started from what the job has saved. */
export function landDraft(): LandDraft | null {
  const job = useJobStore.getState().job;
  if (!job) return null;
  const state = useDocumentsStore.getState();
  if (state.jobId !== job.id) return null;
  if (state.draft) return state.draft;
  const draft = draftFromDocuments(job.documents);
  useDocumentsStore.setState({ draft, touched: {} });
  return draft;
}

/** The typed land description when it differs from the job's saved one, else null. */
export function unsavedLand(): Job['documents'] | null {
  const job = useJobStore.getState().job;
  const { draft, jobId } = useDocumentsStore.getState();
  if (!job || !draft || jobId !== job.id) return null;
  const documents = documentsFromDraft(draft, job.documents);
  return sameDocuments(documents, job.documents) ? null : documents;
}

/** Saves the land description when it differs from the job's; true when nothing needed saving or it saved. */
export async function saveLandDraft(): Promise<boolean> {
  const documents = unsavedLand();
  return documents ? useJobStore.getState().patchJob({ documents }) : true;
}

/** The job's current package as main has it (null: none yet), read again after a generation and workflow changes. */
export function usePackage(jobId: number | undefined): { pkg: PackageInfo | null; loaded: boolean; error: ErrorInfo | null } {
  const { data, loaded, error } = useIpcQuery('package', jobId ?? null);
  return { pkg: data?.package ?? null, loaded, error };
}
