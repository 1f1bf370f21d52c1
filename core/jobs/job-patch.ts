/**
 * Checking and applying a JobPatch. The dispatcher has already checked the shape against the contract; this
 * checks it again (the CLI and tests call the service directly) and adds the rules a schema cannot state.
 */
import { AppError, describeZodError } from '../../shared/errors';
import { stateByCode } from '../../shared/geo/us-states';
import { zoneFromEpsg } from '../../shared/geo/utm';
import { jobPatchSchema, type JobCore, type JobCrs, type JobPatch } from '../../shared/jobs/job.types';
import type { Layout } from '../../shared/layout/layout.types';
import { claimantColumns, layoutColumns } from '../repos/jobs.mapper';
import type { JobRowUpdate } from '../repos/jobs.repo';
import { reprojectLayout } from './job-reproject';

export function checkJobPatch(raw: unknown): JobPatch {
  const parsed = jobPatchSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('invalid-request', describeZodError(parsed.error, 'job change'));
  return checkParsedPatch(parsed.data);
}

/** The rules a schema cannot state, for a patch already parsed against jobPatchSchema (or its parts' schemas). */
export function checkParsedPatch(patch: JobPatch): JobPatch {
  if (patch.stateOverride !== undefined && patch.stateOverride !== null && !stateByCode(patch.stateOverride)) {
    throw new AppError('invalid-request', `"${patch.stateOverride}" is not a US state code (for example NV, AZ, AK).`);
  }
  if (patch.layout) assertUniqueClaimIds(patch.layout);
  return patch;
}

function assertUniqueClaimIds(layout: Layout): void {
  const seen = new Set<string>();
  for (const claim of layout.claims) {
    // Selection, undo and the claims table address claims by id: two with one id would edit each other.
    if (seen.has(claim.id)) throw new AppError('invalid-request', `Two claims in the layout share the id "${claim.id}".`);
    seen.add(claim.id);
  }
}

function crsChosenBy(current: JobCrs, epsg: number, user: string): JobCrs {
  const zone = zoneFromEpsg(epsg);
  const seen = current.zonesSeen.length > 0 ? ` The claims' corners fall in zone${current.zonesSeen.length > 1 ? 's' : ''} ${current.zonesSeen.join(' and ')}.` : '';
  return {
    ...current,
    epsg,
    zone,
    reason: `UTM zone ${zone} (EPSG:${epsg}) chosen by ${user}; all measuring is done in it.${seen}`,
  };
}

/**
 * The column changes for a patch. A layout sent together with a new epsg is in the job's current CRS (what the
 * renderer was showing) and is reprojected with everything else.
 */
export function applyJobPatch(current: JobCore, patch: JobPatch, by: { user: string; at: string }): JobRowUpdate {
  const update: JobRowUpdate = { updated_at: by.at };
  if (patch.step !== undefined) update.step = patch.step;

  let layout = patch.layout;
  if (patch.epsg !== undefined && patch.epsg !== current.crs.epsg) {
    layout = reprojectLayout(layout ?? current.layout, current.crs.epsg, patch.epsg);
    const crs = crsChosenBy(current.crs, patch.epsg, by.user);
    update.epsg = crs.epsg;
    update.crs_json = JSON.stringify(crs);
  }
  if (layout !== undefined) Object.assign(update, { layout_json: JSON.stringify(layout), ...layoutColumns(layout) });

  if (patch.monuments !== undefined) update.monument_settings_json = JSON.stringify(patch.monuments);
  if (patch.claimant !== undefined) Object.assign(update, { claimant_json: JSON.stringify(patch.claimant), ...claimantColumns(patch.claimant) });
  if (patch.documents !== undefined) update.documents_json = JSON.stringify(patch.documents);

  if (patch.stateOverride !== undefined || patch.countyOverride !== undefined || patch.landStatus !== undefined) {
    const location = { ...current.location };
    if (patch.landStatus !== undefined) location.landStatus = patch.landStatus;
    if (patch.stateOverride !== undefined) location.stateOverride = patch.stateOverride === null ? null : stateByCode(patch.stateOverride)!.code;
    if (patch.countyOverride !== undefined) location.countyOverride = patch.countyOverride?.trim() || null;
    update.location_json = JSON.stringify(location);
  }

  if (patch.capacityOverride !== undefined) {
    update.capacity_override_json =
      patch.capacityOverride === null ? null : JSON.stringify({ reason: patch.capacityOverride.reason, by: by.user, at: by.at });
  }
  return update;
}
