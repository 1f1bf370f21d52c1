/**
 * A person's workflow commands on a job, each checked and applied by main: accept the layout as validated (the job
 * check runs again here, whatever the renderer showed), confirm the claimant, accept the posts as staked, and the
 * decisions the job header offers (hold, resume, cancel, reopen). Each runs in one transaction with what it must tell the server, and
 * answers the job as it now stands; a refusal carries the machine's message and changes nothing.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Job } from '../../shared/jobs/job.types';
import type { StaffAction } from '../../shared/workflow/workflow-view.types';
import type { Actor, TransitionOptions, WorkflowEvent } from '../../shared/workflow/workflow.types';
import type { Database } from '../db/schema';
import { setConflictAck } from '../repos/jobs.repo';
import { getWorkflowFacts } from '../repos/workflow.repo';
import type { OutboxService } from '../outbox/outbox.service';
import { transitionAndQueue } from '../outbox/outbox-writer';
import { assertTransition, type Applied, type Trx } from '../workflow/apply-transition';

export interface JobCommandsDeps {
  db: Kysely<Database>;
  now: () => Date;
  requireActor: () => Promise<Actor>;
  getJob: (jobId: number) => Promise<Job>;
  /** Sends what a command queued (an override record, an order status change) at once; absent, it waits for the next send. */
  outbox?: Pick<OutboxService, 'kick'>;
  /** Told which jobs' workflow changed, so the views refresh. */
  onChanged: (jobIds: number[]) => void;
}

export interface JobCommands {
  /** VALIDATE_OK: the job check's layout problems and the over-capacity guard (which a manager may override) decide. */
  validateLayout(jobId: number, override?: { reason: string }): Promise<Job>;
  /** CONFIRM_CLAIMANT: the job check's claimant problems decide. */
  confirmClaimant(jobId: number): Promise<Job>;
  /**
   * AS_STAKED_ACCEPTED: the crew's posts become the job's layout (`write`, in the same transaction, after the
   * transition), then VALIDATE_OK when the machine's guards (the job check over the layout as staked) allow it;
   * otherwise the job stays laying out with the check's problems to fix.
   */
  acceptAsStaked(jobId: number, write: (trx: Trx, by: { actor: Actor; at: string }) => Promise<void>): Promise<Job>;
  /** Hold, resume, cancel or reopen, with an optional reason (or an override and its reason). */
  fire(jobId: number, action: StaffAction, reason: string | null, override?: { reason: string }): Promise<Job>;
}

export function createJobCommands(deps: JobCommandsDeps): JobCommands {
  type After = (trx: Trx, applied: Applied, by: { actor: Actor; at: string }) => Promise<boolean | void>;

  async function run(jobId: number, event: WorkflowEvent, options: TransitionOptions, after?: After): Promise<Job> {
    // Who decided, read before the transaction: the session is not part of it.
    const actor = await deps.requireActor();
    const at = deps.now().toISOString();
    const queued = await deps.db.transaction().execute(async (trx) => {
      const applied = await transitionAndQueue(trx, jobId, event, actor, { ...options, at });
      const queuedAfter = await after?.(trx, applied, { actor, at });
      return applied.entryIds.length > 0 || queuedAfter === true;
    });
    deps.onChanged([jobId]);
    if (queued) deps.outbox?.kick();
    return deps.getJob(jobId);
  }

  return {
    validateLayout: (jobId, override) => run(jobId, 'VALIDATE_OK', override ? { override } : {}),
    confirmClaimant: (jobId) => run(jobId, 'CONFIRM_CLAIMANT', {}),
    acceptAsStaked: (jobId, write) =>
      run(jobId, 'AS_STAKED_ACCEPTED', {}, async (trx, _applied, { actor, at }) => {
        await write(trx, { actor, at });
        // Asked first (nothing written), so a layout the check refuses leaves the acceptance itself standing.
        const validated = await assertTransition(trx, jobId, 'VALIDATE_OK', actor).then(
          () => true,
          (error: unknown) => {
            if (error instanceof AppError && (error.code === 'workflow-refused' || error.code === 'forbidden')) return false;
            throw error;
          },
        );
        if (!validated) return false;
        return (await transitionAndQueue(trx, jobId, 'VALIDATE_OK', actor, { at })).entryIds.length > 0;
      }),
    fire: (jobId, action, reason, override) =>
      run(jobId, action, { ...(reason ? { reason } : {}), ...(override ? { override } : {}) }, async (trx, applied) => {
        // Keeping the work after a server change is the "keep locally" decision: the flag stays down until it changes again.
        const status = (await getWorkflowFacts(trx, jobId))?.order_status;
        if (action === 'RESUME' && applied.from === 'needs_review' && status) await setConflictAck(trx, jobId, status);
      }),
  };
}
