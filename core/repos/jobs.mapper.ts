/**
 * Job row ↔ domain. Every JSON column is parsed through its zod schema on the way out, so a job written by an
 * older ClaimDesk (or damaged by hand) fails loudly with the column named instead of reaching the renderer.
 */
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  capacityOverrideSchema,
  claimantFormSchema,
  jobCrsSchema,
  jobDocumentsSchema,
  jobLocationSchema,
  jobOrderContextSchema,
  jobStepSchema,
  type JobCore,
  type JobSummary,
} from '../../shared/jobs/job.types';
import { layoutSchema, monumentSettingsSchema } from '../../shared/layout/layout.types';
import type { JobRow, JobSummaryRow, NewJobRow } from './jobs.repo';
import { jobConflict, type JobConflict } from '../../shared/outbox/job-conflict';
import { workflowStateSchema } from '../../shared/workflow/workflow.types';

function parseColumn<T extends z.ZodType>(schema: T, json: string, column: string, jobId: number): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new AppError('db-failed', `Job ${jobId}: ${column} is not valid JSON.`, { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('db-failed', `Job ${jobId}: ${column} does not match this version of ClaimDesk (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
  }
  return parsed.data;
}

/**
 * Jobs saved before co-locators were named kept only a count of locators: each missing one becomes a blank
 * co-locator, so the claimant step shows the rows to fill in and the package is refused until they are.
 */
export function upgradeClaimantJson(json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (typeof value !== 'object' || value === null || 'coLocators' in value || !('locatorCount' in value)) return json;
  const { locatorCount, ...rest } = value as Record<string, unknown>;
  const blanks = Math.max(0, Math.min(7, Math.floor(Number(locatorCount) || 1) - 1));
  const blank = { name: '', address1: '', address2: '', address3: '' };
  return JSON.stringify({ ...rest, coLocators: Array.from({ length: blanks }, () => ({ ...blank })) });
}

export function rowToJob(row: JobRow): JobCore {
  return rowToJobWithLayout(row, parseLayoutColumn(row));
}

/** The stored layout alone, checked as rowToJob checks it. */
export function parseLayoutColumn(row: Pick<JobRow, 'id' | 'layout_json'>): JobCore['layout'] {
  return parseColumn(layoutSchema, row.layout_json, 'layout_json', row.id);
}

/** rowToJob for a caller that already has the row's layout (parsed from this row's layout_json): the rest is parsed. */
export function rowToJobWithLayout(row: JobRow, layout: JobCore['layout']): JobCore {
  const step = jobStepSchema.safeParse(row.step);
  if (!step.success) throw new AppError('db-failed', `Job ${row.id}: unknown step "${row.step}".`);
  return {
    id: row.id,
    order: parseColumn(jobOrderContextSchema, row.order_context_json, 'order_context_json', row.id),
    step: step.data,
    crs: parseColumn(jobCrsSchema, row.crs_json, 'crs_json', row.id),
    layout,
    monuments: parseColumn(monumentSettingsSchema, row.monument_settings_json, 'monument_settings_json', row.id),
    location: parseColumn(jobLocationSchema, row.location_json, 'location_json', row.id),
    claimant: parseColumn(claimantFormSchema, upgradeClaimantJson(row.claimant_json), 'claimant_json', row.id),
    documents: parseColumn(jobDocumentsSchema, row.documents_json, 'documents_json', row.id),
    serverPackage: row.claim_package_id === null ? null : { id: row.claim_package_id, number: row.claim_package_number },
    // Filled in by the jobs service from the order cache and the outbox (withConflict).
    conflict: null,
    capacityOverride:
      row.capacity_override_json === null
        ? null
        : parseColumn(capacityOverrideSchema, row.capacity_override_json, 'capacity_override_json', row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * rowToJob for a change that may read few of its fields (a layout edit reads none): the row is parsed, and every
 * column checked as rowToJob checks it, only when a field other than the id is first read.
 */
export function rowToJobOnRead(row: JobRow): JobCore {
  let job: JobCore | undefined;
  const read = <K extends keyof JobCore>(key: K): JobCore[K] => (job ??= rowToJob(row))[key];
  return {
    id: row.id,
    get order() { return read('order'); },
    get step() { return read('step'); },
    get crs() { return read('crs'); },
    get layout() { return read('layout'); },
    get monuments() { return read('monuments'); },
    get location() { return read('location'); },
    get claimant() { return read('claimant'); },
    get documents() { return read('documents'); },
    get serverPackage() { return read('serverPackage'); },
    get conflict() { return read('conflict'); },
    get capacityOverride() { return read('capacityOverride'); },
    get createdAt() { return read('createdAt'); },
    get updatedAt() { return read('updatedAt'); },
  };
}

export function jobToNewRow(job: Omit<JobCore, 'id'>): NewJobRow {
  return {
    order_type: job.order.orderType,
    order_id: job.order.orderId,
    step: job.step,
    epsg: job.crs.epsg,
    crs_json: JSON.stringify(job.crs),
    order_context_json: JSON.stringify(job.order),
    layout_json: JSON.stringify(job.layout),
    monument_settings_json: JSON.stringify(job.monuments),
    location_json: JSON.stringify(job.location),
    claimant_json: JSON.stringify(job.claimant),
    documents_json: JSON.stringify(job.documents),
    claim_package_id: job.serverPackage?.id ?? null,
    claim_package_number: job.serverPackage?.number ?? null,
    capacity_override_json: job.capacityOverride === null ? null : JSON.stringify(job.capacityOverride),
    // Inserted as queued: the PULL transition in the same transaction moves it on (or refuses the pull).
    workflow_state: 'queued',
    resume_to: null,
    workflow_changed_at: null,
    order_number: job.order.orderNumber,
    claims_purchased: job.order.claimsPurchased,
    ...layoutColumns(job.layout),
    ...claimantColumns(job.claimant),
    created_at: job.createdAt,
    updated_at: job.updatedAt,
  };
}

/** The layout's columns, written with layout_json. */
export function layoutColumns(layout: JobCore['layout']): Pick<JobRow, 'claims_laid_out'> {
  return { claims_laid_out: layout.claims.length };
}

/** The claimant's columns, written with claimant_json. */
export function claimantColumns(claimant: JobCore['claimant']): Pick<JobRow, 'claimant_named'> {
  return { claimant_named: claimant.claimantName.trim() === '' ? 0 : 1 };
}

export function toJobSummary(row: JobSummaryRow): JobSummary {
  const step = jobStepSchema.safeParse(row.step);
  return {
    id: row.id,
    orderType: row.order_type,
    orderId: row.order_id,
    orderNumber: row.order_number ?? '',
    projectName: row.project_name ?? '',
    // An unknown step (a newer ClaimDesk wrote it) lists as the first one rather than hiding the job.
    step: step.success ? step.data : 'import',
    claimsLaidOut: Number(row.claims_laid_out ?? 0),
    claimsPurchased: Number(row.claims_purchased ?? 0),
    conflict: conflictFrom(row),
    updatedAt: row.updated_at,
    // The column's CHECK constraint admits only workflow states.
    workflowState: workflowStateSchema.catch('pulled').parse(row.workflow_state),
    claimsDelivered: Number(row.claims_delivered ?? 0),
  };
}

/** The conflict flag from the columns both the job view and the jobs list read (see jobs.repo.ts). */
export function conflictFrom(row: Pick<JobSummaryRow, 'order_status' | 'order_gone_at' | 'conflict_ack' | 'delivered'>): JobConflict | null {
  return jobConflict({
    orderStatus: row.order_status ?? '',
    orderGone: row.order_gone_at !== null,
    delivered: Number(row.delivered ?? 0) > 0,
    acknowledged: row.conflict_ack,
  });
}
