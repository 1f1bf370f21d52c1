/**
 * The workflow events a job change is, applied in the change's transaction so a refusal keeps the job as it was:
 *   a changed layout (or zone)  → EDIT_LAYOUT (refused once delivered, cancelled, on hold, uploading or in review);
 *                                 it makes an earlier validation and package out of date
 *   a capacity override         → logged and sent to the server as an override
 * Where the person is looking (`step`) is no event: moving the job on is a command (job-commands.ts).
 */
import type { JobCore, JobPatch } from '../../shared/jobs/job.types';
import type { Actor } from '../../shared/workflow/workflow.types';
import { transitionAndQueue, writeOutgoing } from '../outbox/outbox-writer';
import { recordCapacityOverride, type Trx } from '../workflow/apply-transition';

/** Answers whether anything was queued for the server. */
export async function applyPatchWorkflow(trx: Trx, before: JobCore, patch: JobPatch, actor: Actor, at: string): Promise<boolean> {
  const jobId = before.id;
  let queued = false;
  const layoutChanged =
    (patch.layout !== undefined && JSON.stringify(patch.layout) !== JSON.stringify(before.layout)) ||
    (patch.epsg !== undefined && patch.epsg !== before.crs.epsg);
  if (layoutChanged) queued = (await transitionAndQueue(trx, jobId, 'EDIT_LAYOUT', actor, { at })).entryIds.length > 0 || queued;
  if (patch.capacityOverride && before.capacityOverride === null) {
    const outgoing = await recordCapacityOverride(trx, jobId, actor, patch.capacityOverride.reason, at);
    queued = (await writeOutgoing(trx, jobId, outgoing, { at, queuedBy: actor.username })).length > 0 || queued;
  }
  return queued;
}
