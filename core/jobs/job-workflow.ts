/**
 * The workflow events a wizard save implies (issue 6), applied in the save's transaction so a refusal keeps the
 * job as it was:
 *   a changed layout (or leaving the Import step of a job just pulled)  → EDIT_LAYOUT (refused once delivered,
 *                                                                          cancelled, on hold, uploading or in review)
 *   moving past Validate while laying out                              → VALIDATE_OK, after the layout is checked
 *                                                                          here again (the renderer's check is a
 *                                                                          convenience, not the rule)
 *   a capacity override                                                → logged and sent as an override
 */
import { AppError } from '../../shared/errors';
import { checkJob } from '../../shared/jobs/check-job';
import { JOB_STEPS, type JobCore, type JobPatch, type JobStep } from '../../shared/jobs/job.types';
import type { Actor } from '../../shared/workflow/workflow.types';
import { rowToJob } from '../repos/jobs.mapper';
import { getJobRow } from '../repos/jobs.repo';
import { applyTransition, readFacts, recordCapacityOverride, type Trx } from '../workflow/apply-transition';

const after = (step: JobStep, than: JobStep): boolean => JOB_STEPS.indexOf(step) > JOB_STEPS.indexOf(than);

function layoutProblems(job: JobCore): string[] {
  // Capacity is the machine's over-capacity guard, which says who may override it.
  return checkJob(job).blocking.layout;
}

export async function applyPatchWorkflow(trx: Trx, before: JobCore, patch: JobPatch, actor: Actor, at: string): Promise<void> {
  const jobId = before.id;
  let state = (await readFacts(trx, jobId)).workflow_state;
  const layoutChanged =
    (patch.layout !== undefined && JSON.stringify(patch.layout) !== JSON.stringify(before.layout)) ||
    (patch.epsg !== undefined && patch.epsg !== before.crs.epsg);
  const leavingImport = state === 'pulled' && patch.step !== undefined && patch.step !== 'import';
  if (layoutChanged || leavingImport) state = (await applyTransition(trx, jobId, 'EDIT_LAYOUT', actor, { at })).to;

  if (patch.capacityOverride && before.capacityOverride === null) {
    await recordCapacityOverride(trx, jobId, actor, patch.capacityOverride.reason, at);
  }

  if (patch.step !== undefined && after(patch.step, 'validate') && state === 'laying_out') {
    const saved = await getJobRow(trx, jobId);
    const problems = saved ? layoutProblems(rowToJob(saved)) : [];
    if (problems.length > 0) {
      const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
      throw new AppError('workflow-refused', `The layout does not pass validation yet: ${problems.slice(0, 3).join('; ')}${more}. Fix it on the Validate step first.`);
    }
    await applyTransition(trx, jobId, 'VALIDATE_OK', actor, { at });
  }
}
