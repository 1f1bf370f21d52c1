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
import { storedLayoutJson } from '../workflow/job-check-cache';
import type { JobRow, JobRowUpdate } from '../repos/jobs.repo';

export interface PatchWorkflow {
  /** Something was queued for the server. */
  queued: boolean;
  /** The workflow moved or logged something (a state change, a log line, a capacity override). */
  moved: boolean;
}

/**
 * `layoutChanged`: the change writes another layout (or zone) than the stored one (layoutChangedBy), decided from
 * the row's text, so a layout edit never parses the stored layout to compare it.
 */
export async function applyPatchWorkflow(trx: Trx, before: JobCore, patch: JobPatch, layoutChanged: boolean, actor: Actor, at: string): Promise<PatchWorkflow> {
  const jobId = before.id;
  let queued = false;
  let moved = false;
  if (layoutChanged) {
    const applied = await transitionAndQueue(trx, jobId, 'EDIT_LAYOUT', actor, { at });
    queued = applied.entryIds.length > 0;
    moved = applied.changed || applied.logId !== null;
  }
  if (patch.capacityOverride && before.capacityOverride === null) {
    const outgoing = await recordCapacityOverride(trx, jobId, actor, patch.capacityOverride.reason, at);
    queued = (await writeOutgoing(trx, jobId, outgoing, { at, queuedBy: actor.username })).length > 0 || queued;
    moved = true;
  }
  return { queued, moved };
}

/**
 * Whether `update` writes another layout or zone than `row` holds: a layout counts as changed when it differs from
 * the stored one as that one parses (JSON.stringify of both; a row an older ClaimDesk wrote may differ in form only).
 */
export function layoutChangedBy(row: JobRow, update: JobRowUpdate): boolean {
  if (update.epsg !== undefined) return true;
  if (update.layout_json === undefined || update.layout_json === row.layout_json) return false;
  return update.layout_json !== storedLayoutJson(row);
}
