/**
 * Field work for a job: bring in the crew's staked posts, compare them with the package's planned posts, and
 * accept them. Accepting is a workflow command (AS_STAKED_ACCEPTED, core/jobs/job-commands.ts): the as-staked layout
 * becomes the job's layout (moved corners where they stand, posts not staked where planned) in the transaction that
 * records it, and the machine accepts it as validated only when the job check passes it. A validated layout is
 * then documented again "as staked". After delivery the changed claims' notices become amended certificates; the
 * date of location never changes (that would be a relocation). The package goes out through the outbox like any.
 */
import type { Kysely } from 'kysely';
import type { AsStakedInfo } from '../../shared/documents/package-model.types';
import type { PackageInfo } from '../../shared/documents/package-info.types';
import { deskDay, isCalendarDate } from '../../shared/domain/calendar-date';
import { AppError } from '../../shared/errors';
import { assessStaked, type StakedAssessment } from '../../shared/field/assess-staked';
import { asStakedInfo } from '../../shared/field/as-staked-info';
import { stakedPointSchema, type FieldTolerances, type FieldView, type StakedPoint } from '../../shared/field/field.types';
import type { JobCore } from '../../shared/jobs/job.types';
import type { Database } from '../db/schema';
import { jobPackageSource } from '../documents/package-source';
import { applyJobPatch } from '../jobs/job-patch';
import type { JobCommands } from '../jobs/job-commands';
import { lastDeliveredAt } from '../repos/deliveries.repo';
import { getFieldWorkRow, saveAcceptance, saveStakedPoints, type FieldWorkRow } from '../repos/field-work.repo';
import { rowToJob } from '../repos/jobs.mapper';
import { getJobRow, updateJobRow } from '../repos/jobs.repo';
import { getAppSettings } from '../repos/settings.repo';
import { readWorkflowState } from '../workflow/workflow-context';
import { parseStakedFile } from './staked-file';

export interface FieldServiceDeps {
  db: Kysely<Database>;
  now: () => Date;
  commands: Pick<JobCommands, 'acceptAsStaked'>;
  generatePackage: (jobId: number) => Promise<PackageInfo>;
  onChanged?: (jobIds: number[]) => void;
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

/** The staked posts against a job's planned package, the as-staked layout checked as that job. */
export async function assessJob(db: Kysely<Database>, job: Omit<JobCore, 'id'>, origin: 'job' | 'order', points: readonly StakedPoint[]): Promise<StakedAssessment> {
  if (job.layout.claims.length === 0) throw new AppError('not-ready', 'The job has no claims laid out: there are no planned posts to compare with.');
  return assessStaked(jobPackageSource(job, origin), points, { ...(await fieldSettings(db)), job });
}

/** The desk's day the job's package was last delivered, if ever: an accepted change is then an amendment. */
async function deliveredOn(db: Kysely<Database>, jobId: number): Promise<string | null> {
  const at = await lastDeliveredAt(db, jobId);
  return at ? deskDay(new Date(at)) : null;
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

  async function view(job: JobCore, row: FieldWorkRow): Promise<FieldView> {
    const { points, warnings } = storedPoints(row);
    const assessment = await assessJob(db, job, 'job', points);
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
      await assessJob(db, job, 'job', parsed.points); // refused here, not after storing, when there is nothing to compare with
      await saveStakedPoints(db, { job_id: jobId, file_name: fileName, points_json: JSON.stringify(parsed), imported_at: deps.now().toISOString() });
      const { row } = await load(jobId);
      deps.onChanged?.([jobId]);
      return view(job, row!);
    },

    async getField(jobId) {
      const { job, row } = await load(jobId);
      return row ? view(job, row) : null;
    },

    async acceptStaked(jobId) {
      const { job, row } = await load(jobId);
      if (!row) throw new AppError('not-ready', 'Bring in the staked posts (GPX or CSV) first.');
      const assessment = await assessJob(db, job, 'job', storedPoints(row).points);
      const delivered = await deliveredOn(db, jobId);
      const amendment: AsStakedInfo['amendment'] = delivered
        ? { originalDateOfLocation: isCalendarDate(job.claimant.dateOfLocation) ? job.claimant.dateOfLocation : null, deliveredOn: delivered, recording: null }
        : null;
      const info = asStakedInfo(assessment, deskDay(new Date(row.imported_at)), amendment);
      await deps.commands.acceptAsStaked(jobId, async (trx, { actor, at }) => {
        const patch = { layout: { claims: assessment.asStaked.claims, grid: job.layout.grid }, step: 'field' as const };
        await updateJobRow(trx, jobId, applyJobPatch(job, patch, { user: actor.username, at }));
        await saveAcceptance(trx, jobId, at, JSON.stringify(info));
      });
      // Made again only for a layout the machine accepted as validated: one with problems stays to be fixed.
      const validated = (await readWorkflowState(db, jobId)) === 'validated';
      const made = validated ? await deps.generatePackage(jobId) : null;
      const after = await load(jobId);
      return { field: await view(after.job, after.row!), package: made };
    },
  };
}
