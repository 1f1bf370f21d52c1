/**
 * Field work for a job: bring in the crew's staked posts, compare them with the package's planned posts, and
 * accept them. Accepting makes the as-staked layout the job's layout (moved corners where they stand, posts not
 * staked where planned), records AS_STAKED_ACCEPTED in the workflow, checks the layout again and, when it passes,
 * regenerates the package as staked. After delivery the changed claims' notices become amended certificates;
 * the date of location never changes (that would be a relocation). Uploading goes through the outbox like any
 * package.
 */
import type { Kysely } from 'kysely';
import type { AsStakedInfo } from '../../shared/documents/package-model.types';
import { AppError } from '../../shared/errors';
import { assessStaked, type StakedAssessment } from '../../shared/field/assess-staked';
import { asStakedInfo } from '../../shared/field/as-staked-info';
import { stakedPointSchema, type FieldTolerances, type FieldView, type StakedPoint } from '../../shared/field/field.types';
import type { JobCore } from '../../shared/jobs/job.types';
import type { PackageInfo } from '../../shared/documents/package-info.types';
import type { Actor } from '../../shared/workflow/workflow.types';
import type { Database } from '../db/schema';
import { jobPackageSource } from '../documents/package-source';
import { applyJobPatch } from '../jobs/job-patch';
import { rowToJob } from '../jobs/job-row.mapper';
import { getFieldWorkRow, saveAcceptance, saveStakedPoints, type FieldWorkRow } from '../repos/field-work.repo';
import { getJobRow, updateJobRow } from '../repos/jobs.repo';
import { getAppSettings } from '../repos/settings.repo';
import { listTransitions } from '../repos/workflow.repo';
import { applyTransition } from '../workflow/apply-transition';
import { parseStakedFile } from './staked-file';

export interface FieldServiceDeps {
  db: Kysely<Database>;
  now: () => Date;
  requireActor: () => Promise<Actor>;
  generatePackage: (jobId: number) => Promise<PackageInfo>;
  onChanged?: (jobId: number) => void;
}

export interface AcceptResult {
  field: FieldView;
  /** The regenerated package; null when the as-staked layout has problems to fix first (field.problems). */
  package: PackageInfo | null;
}

export interface FieldService {
  importStaked(jobId: number, fileName: string, text: string): Promise<FieldView>;
  getField(jobId: number): Promise<FieldView | null>;
  acceptStaked(jobId: number): Promise<AcceptResult>;
}

/** The settings a comparison uses: tolerances and the waypoint names the package's GPX was written with. */
export async function fieldSettings(db: Kysely<Database>): Promise<{ tolerances: FieldTolerances; waypointNameMax: number }> {
  const { maps } = await getAppSettings(db);
  return { tolerances: { okFt: maps.stakedOkFt, matchFt: maps.stakedMatchFt }, waypointNameMax: maps.waypointNameMax };
}

/** When the job's package was delivered, if ever: an accepted change is then an amendment. */
async function deliveredOn(db: Kysely<Database>, jobId: number): Promise<string | null> {
  const delivered = (await listTransitions(db, jobId)).filter((t) => t.to_state === 'delivered');
  return delivered.length > 0 ? delivered[delivered.length - 1]!.at.slice(0, 10) : null;
}

function storedPoints(row: FieldWorkRow): { points: StakedPoint[]; warnings: string[] } {
  const stored = JSON.parse(row.points_json) as { points: unknown[]; warnings?: string[] };
  return { points: stored.points.map((p) => stakedPointSchema.parse(p)), warnings: stored.warnings ?? [] };
}

export function createFieldService(deps: FieldServiceDeps): FieldService {
  const { db } = deps;

  async function load(jobId: number): Promise<{ job: JobCore; row: FieldWorkRow | undefined }> {
    const jobRow = await getJobRow(db, jobId);
    if (!jobRow) throw new AppError('not-found', `Job ${jobId} does not exist.`);
    return { job: rowToJob(jobRow), row: await getFieldWorkRow(db, jobId) };
  }

  async function assess(job: JobCore, points: readonly StakedPoint[]): Promise<StakedAssessment> {
    if (job.layout.claims.length === 0) throw new AppError('not-ready', 'The job has no claims laid out: there are no planned posts to compare with.');
    const settings = await fieldSettings(db);
    return assessStaked(jobPackageSource(job, 'job'), points, {
      ...settings,
      claimsPurchased: job.order.claimsPurchased,
      capacityOverride: job.capacityOverride,
    });
  }

  async function view(job: JobCore, row: FieldWorkRow): Promise<FieldView> {
    const { points, warnings } = storedPoints(row);
    const assessment = await assess(job, points);
    const delivered = await deliveredOn(db, job.id);
    return {
      jobId: job.id,
      fileName: row.file_name,
      importedAt: row.imported_at,
      warnings,
      report: assessment.report,
      problems: assessment.problems,
      changedClaims: assessment.asStaked.changedClaims,
      amends: delivered !== null && assessment.asStaked.changedClaims.length > 0,
      acceptedAt: row.accepted_at,
    };
  }

  return {
    async importStaked(jobId, fileName, text) {
      const { job } = await load(jobId);
      const parsed = parseStakedFile(text, fileName);
      await assess(job, parsed.points); // refused here, not after storing, when there is nothing to compare with
      await saveStakedPoints(db, { job_id: jobId, file_name: fileName, points_json: JSON.stringify(parsed), imported_at: deps.now().toISOString() });
      const { row } = await load(jobId);
      deps.onChanged?.(jobId);
      return view(job, row!);
    },

    async getField(jobId) {
      const { job, row } = await load(jobId);
      return row ? view(job, row) : null;
    },

    async acceptStaked(jobId) {
      const actor = await deps.requireActor();
      const { job, row } = await load(jobId);
      if (!row) throw new AppError('not-ready', 'Bring in the staked posts (GPX or CSV) first.');
      const assessment = await assess(job, storedPoints(row).points);
      const delivered = await deliveredOn(db, jobId);
      const amendment: AsStakedInfo['amendment'] = delivered
        ? { originalDateOfLocation: /^\d{4}-\d{2}-\d{2}$/.test(job.claimant.dateOfLocation) ? job.claimant.dateOfLocation : null, deliveredOn: delivered, recording: null }
        : null;
      const info = asStakedInfo(assessment, row.imported_at.slice(0, 10), amendment);
      const at = deps.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const patch = { layout: { claims: assessment.asStaked.claims, grid: job.layout.grid }, step: 'field' as const };
        await updateJobRow(trx, jobId, applyJobPatch(job, patch, { user: actor.username, at }));
        await applyTransition(trx, jobId, 'AS_STAKED_ACCEPTED', actor, { at });
        await saveAcceptance(trx, jobId, at, JSON.stringify(info));
        // Checked here like any layout leaving Validate; with problems the job stays in laying out to be fixed.
        if (assessment.problems.length === 0) await applyTransition(trx, jobId, 'VALIDATE_OK', actor, { at });
      });
      deps.onChanged?.(jobId);
      const made = assessment.problems.length === 0 ? await deps.generatePackage(jobId) : null;
      const after = await load(jobId);
      return { field: await view(after.job, after.row!), package: made };
    },
  };
}
