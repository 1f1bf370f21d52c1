/** The open job's store (job.store.ts): what it holds and what each of its actions promises. */
import type { OrderKey } from '../../../../shared/domain/order.types';
import type { ErrorInfo } from '../../../../shared/errors';
import type { Job, JobChange, JobPatch, JobStep } from '../../../../shared/jobs/job.types';
import type { WizardCommand } from '../../../../shared/jobs/wizard-gates';
import type { Layout } from '../../../../shared/layout/layout.types';
import type { History } from '../../../../shared/layout/layout-history';

export type JobState = {
  job: Job | null;
  history: History<Layout> | null;
  selection: string[];
  /** A request to frame these claims on the map (a problem clicked in Validate); `seq` makes a repeat click count. */
  focus: { ids: string[]; seq: number } | null;
  hoverId: string | null;
  saving: boolean;
  saveError: ErrorInfo | null;
  loading: boolean;
  /** Why the last openJob failed (not part of saving); a refused pull is answered to its caller instead. */
  loadError: ErrorInfo | null;

  /**
   * Pulls the order (or resumes its job); resolves to why main refused, else null. A refusal is not kept in the
   * store: it belongs to the order it was about, and the caller shows it there (with an override if allowed).
   */
  pullOrder: (key: OrderKey, override?: { reason: string }) => Promise<ErrorInfo | null>;
  openJob: (jobId: number) => Promise<void>;
  closeJob: () => Promise<void>;
  applyLayout: (next: Layout, label: string) => void;
  undo: () => void;
  redo: () => void;
  setSelection: (ids: string[]) => void;
  /** Selects these claims and asks the map to zoom to them. */
  focusClaims: (ids: string[]) => void;
  setHover: (id: string | null) => void;
  patchJob: (patch: JobPatch) => Promise<boolean>;
  /**
   * Shows `step` now and saves it after every queued write; resolves to main's refusal (the step main keeps is put
   * back and the reason shown as "Not saved"), else null.
   */
  setStep: (step: JobStep) => Promise<ErrorInfo | null>;
  /**
   * True while a write that may change what main's workflow says is queued or on the wire (a layout, a form, a
   * command): a move forward must wait for its answer before it trusts the gates it has.
   */
  hasPendingWrites: () => boolean;
  /**
   * The same save, for a decision main may refuse (a capacity override by a role that may not record one): the
   * refusal is answered to the caller, not shown as "Not saved" in the header, since nothing was lost.
   */
  decideOnJob: (patch: JobPatch) => Promise<ErrorInfo | null>;
  /**
   * A workflow command main applies and checks (accept the layout, confirm the claimant), after every save before
   * it; resolves to main's refusal, else null (the job main answers is taken).
   */
  runCommand: (command: WizardCommand) => Promise<ErrorInfo | null>;
  /** Sends a pending layout save now; resolves when every queued save has been answered. */
  flushSave: () => Promise<void>;
  /** Main fills the land description from the imported PLSS (after every queued save); the job is adopted. */
  fillLand: (mode: 'if-blank' | 'replace') => Promise<{ filled: boolean; message: string } | ErrorInfo>;
  /** Takes what main changes under the open job (server package, conflict, workflow: a JobChange) from `job`. */
  adoptServerState: (job: JobChange) => void;
};
