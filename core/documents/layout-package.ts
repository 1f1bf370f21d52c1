/**
 * A staking package from a layout file and a details file, without an order (`claimdesk package`): for
 * walk-in customers, re-issued packages and reviewers. The claims are read like an order's polygons, the job's
 * CRS and location are chosen the same way, and the package is refused, with every reason, by the same job check
 * as a job's (checkJob: the layout's legal limits and the staking rules). The result is a
 * PackageSource, so the same model and renderers as the app make the documents.
 */
import { effectiveCorner1 } from '../../shared/claims/corner-numbering';
import { stateRule } from '../../shared/claims/state-rules';
import { locatorsOf } from '../../shared/documents/locators';
import type { PackageSource } from '../../shared/documents/package-model';
import { checkJob, type CheckedJob } from '../../shared/jobs/check-job';
import { ALASKA_RECORDING_DISTRICTS, findRecordingDistrict, suggestRecordingDistricts } from '../../shared/geo/alaska-recording-districts';
import { stateByCode } from '../../shared/geo/us-states';
import { parseClaimPolygons } from '../../shared/geometry/claim-polygons';
import { withoutPoints } from '../../shared/geometry/point-features';
import type { ClaimantForm, LocationLookup } from '../../shared/jobs/job.types';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { crsForVertices, orderVertices, vertexCentroid } from '../jobs/job-defaults';
import type { LayoutDetails } from './layout-details';

export type LayoutSourceResult =
  /** `job`: the file's claims as the job the check saw (`claimdesk as-staked` checks the layout as staked as it). */
  | { ok: true; source: PackageSource; job: CheckedJob; warnings: string[] }
  | { ok: false; reasons: string[]; warnings: string[] };

const sentence = (message: string): string => (message.endsWith('.') ? message : `${message}.`);

function claimantForm(details: LayoutDetails): ClaimantForm {
  const [first, ...others] = details.locators;
  const lines = (address: readonly string[]): [string, string, string] => [address[0] ?? '', address[1] ?? '', address.slice(2).join(', ')];
  const [a1, a2, a3] = lines(first?.address ?? []);
  return {
    claimantName: first?.name ?? '',
    address1: a1,
    address2: a2,
    address3: a3,
    district: details.mining_district,
    monumentType: details.monument,
    agentName: '',
    agentAddress: '',
    dateOfLocation: details.date_of_location,
    dateOfDiscovery: details.date_of_discovery ?? '',
    coLocators: others.map((l) => {
      const [b1, b2, b3] = lines(l.address);
      return { name: l.name, address1: b1, address2: b2, address3: b3 };
    }),
  };
}

export function packageSourceFromLayout(
  geojson: unknown,
  details: LayoutDetails,
  reference: string,
  lookupLocation: (lon: number, lat: number) => LocationLookup,
): LayoutSourceResult {
  const warnings: string[] = [];
  const reasons: string[] = [];
  const parsed = parseClaimPolygons(withoutPoints(geojson));
  for (const problem of parsed.problems) reasons.push(sentence(problem.message));
  for (const warning of parsed.warnings) warnings.push(sentence(warning.message));
  const vertices = orderVertices(parsed.claims);
  const crs = crsForVertices(vertices);
  if (crs.straddles) warnings.push(sentence(crs.reason));
  const centroid = vertexCentroid(vertices);
  const found = centroid ? lookupLocation(centroid[0], centroid[1]) : null;
  let stateCode = found?.stateCode ?? null;
  if (details.state !== undefined) {
    const state = stateByCode(details.state);
    if (!state) reasons.push(`"${details.state}" is not a US state code (for example NV).`);
    else stateCode = state.code;
  }
  if (stateCode === null) reasons.push('The claims lie outside the US states ClaimDesk knows, and the details give no "state".');
  const landStatus = details.land_status ?? 'federal';

  let recordingDistrict = '';
  if (stateCode === 'AK') {
    const suggestions = suggestRecordingDistricts(found?.countyName ?? null);
    if (details.recording_district === undefined) {
      warnings.push(`No "recording_district" for an Alaska package: the documents leave it blank to fill in${suggestions.length > 0 ? ` (the claims lie in ${found?.countyName}: ${suggestions.join(' or ')})` : ''}.`);
    } else {
      const district = findRecordingDistrict(details.recording_district);
      if (district) recordingDistrict = district;
      else reasons.push(`"${details.recording_district}" is not an Alaska recording district: use one of ${ALASKA_RECORDING_DISTRICTS.join(', ')}.`);
    }
  }

  const claims = claimsFromOrder(parsed.claims, crs.epsg, reference, details.claim_type);
  if (claims.length === 0 && parsed.problems.length === 0) reasons.push('The layout file has no claim polygons.');
  const form = claimantForm(details);
  const locators = locatorsOf(form);
  if (details.locators.length === 0) reasons.push('The details name no locator: give "locators" with each one\'s name and mailing address.');
  const plss = details.land_description ?? { meridian: '', township: '', range: '', sections: '', aliquot: '' };
  const tie = details.tie ? { description: details.tie.description, lon: details.tie.lon, lat: details.tie.lat } : null;
  // The same job check as the app's: the file's claims are the layout of a job without an order (no area to stay
  // inside, as many claims as it holds).
  const job: CheckedJob = {
    order: { claimsPurchased: claims.length, orderClaims: [] },
    crs: { epsg: crs.epsg },
    layout: { claims },
    claimant: form,
    location: { stateOverride: stateCode, detectedState: null, landStatus },
    documents: { plss, tie },
    capacityOverride: null,
  };
  const check = checkJob(job);
  // With no locator at all the details' own reason above says so; the check's "no claimant name" would repeat it.
  const staking = check.staking.problems.filter((problem) => details.locators.length > 0 || problem.code !== 'locator_name_missing');
  for (const problem of staking) reasons.push(sentence(problem.message));
  for (const warning of check.staking.warnings) warnings.push(sentence(warning.message));
  if (claims.length > 0) {
    for (const problem of check.layout.problems) reasons.push(sentence(problem.message));
    for (const warning of check.layout.warnings) warnings.push(sentence(warning.message));
  }
  if (reasons.length > 0) return { ok: false, reasons, warnings };

  const rule = stateRule(stateCode);
  return {
    ok: true,
    warnings,
    job,
    source: {
      source: 'layout',
      order: {
        orderType: null,
        orderId: null,
        orderNumber: reference,
        projectName: '',
        companyName: locators[0]?.name ?? '',
        customerEmail: '',
        claimsPurchased: claims.length,
        status: null,
        price: null,
      },
      epsg: crs.epsg,
      claims,
      monumentSettings: { insetFt: 25, corner1: effectiveCorner1(rule, details.corner1 ? { corner1: details.corner1 } : null), lmCorner: 1 },
      stateCode,
      county: details.county ?? found?.countyName ?? null,
      landStatus,
      recordingDistrict,
      claimant: form,
      plss,
      tie: details.tie ? { description: details.tie.description, lonLat: [details.tie.lon, details.tie.lat] } : null,
    },
  };
}
