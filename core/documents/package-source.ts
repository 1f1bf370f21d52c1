/**
 * What a package is made from. An order with a fulfilment job uses the job's layout, monuments, claimant and
 * land description; an order without one uses its claims as drawn and its claimant_info. Either way the
 * package is refused, with every reason, when it could not be right: no claims, no claimant, order problems or
 * layout problems. Documents are never generated from a guess.
 */
import { validateLayout } from '../../shared/claims/validate-layout';
import { locatorsOf } from '../../shared/documents/locators';
import { stakingIssues } from '../../shared/documents/staking-rules';
import { priceFromOrderJson } from '../../shared/documents/order-price';
import type { PackageSource } from '../../shared/documents/package-model';
import type { OrderIssue } from '../../shared/domain/order.types';
import type { JobCore } from '../../shared/jobs/job.types';
import { claimsFromOrder } from '../../shared/layout/order-claims';

export type SourceResult = { ok: true; source: PackageSource } | { ok: false; reasons: string[] };

export interface SourceOptions {
  /** Replaces the job's date of location for this package (CLI --date-of-location). */
  dateOfLocation?: string;
  /** The order's server status now (from the order cache), for the manifest's orderSnapshot; default null. */
  orderStatus?: string | null;
  /**
   * The cached order's raw payload (order_payloads.raw_json): its price now replaces the one the job kept when
   * it was pulled. Without it the job's own price is used.
   */
  orderRawJson?: string;
}

export function packageSourceFromJob(job: Omit<JobCore, 'id'>, origin: PackageSource['source'], options: SourceOptions = {}): SourceResult {
  const reasons: string[] = [];
  const claims = job.layout.claims;
  const stateCode = job.location.stateOverride ?? job.location.detectedState;
  const locators = locatorsOf(job.claimant);
  const sentence = (message: string): string => (message.endsWith('.') ? message : `${message}.`);
  if (claims.length === 0) reasons.push('It has no claims laid out.');
  const rules = stakingIssues({
    claims,
    epsg: job.crs.epsg,
    stateCode,
    landStatus: job.location.landStatus,
    monumentType: job.claimant.monumentType,
    locators,
    dateOfLocation: options.dateOfLocation ?? job.claimant.dateOfLocation,
    dateOfDiscovery: job.claimant.dateOfDiscovery,
  });
  for (const problem of rules.problems) reasons.push(sentence(problem.message));
  if (claims.length > 0) {
    const { problems } = validateLayout({
      claims,
      epsg: job.crs.epsg,
      claimsPurchased: job.order.claimsPurchased,
      capacityOverride: job.capacityOverride,
      locatorCount: locators.length,
    });
    for (const problem of problems) reasons.push(sentence(problem.message));
  }
  if (reasons.length > 0) return { ok: false, reasons };
  const tie = job.documents.tie;
  return {
    ok: true,
    source: {
      source: origin,
      order: {
        orderType: job.order.orderType,
        orderId: job.order.orderId,
        orderNumber: job.order.orderNumber,
        projectName: job.order.projectName,
        companyName: job.order.companyName,
        customerEmail: job.order.customerEmail,
        claimsPurchased: job.order.claimsPurchased,
        status: options.orderStatus ?? null,
        price: options.orderRawJson === undefined ? (job.order.price ?? null) : priceFromOrderJson(options.orderRawJson),
      },
      epsg: job.crs.epsg,
      claims,
      monumentSettings: job.monuments,
      stateCode,
      county: job.location.countyOverride ?? job.location.detectedCounty,
      landStatus: job.location.landStatus,
      recordingDistrict: job.documents.recordingDistrict,
      claimant: options.dateOfLocation ? { ...job.claimant, dateOfLocation: options.dateOfLocation } : job.claimant,
      plss: job.documents.plss,
      tie: tie ? { description: tie.description, lonLat: [tie.lon, tie.lat] } : null,
    },
  };
}

/**
 * An order without a job: its claims as drawn become the layout of an in-memory job (never stored). The
 * order's own problems (unreadable polygons, missing names) are reasons to skip it: fixing them is staff work.
 */
export function packageSourceFromOrder(
  draft: Omit<JobCore, 'id'>,
  orderProblems: readonly OrderIssue[],
  options: SourceOptions = {},
): SourceResult {
  const reasons = orderProblems.map((issue) => (issue.message.endsWith('.') ? issue.message : `${issue.message}.`));
  const fallbackPrefix = draft.order.orderNumber || 'Claim';
  const layout = { claims: claimsFromOrder(draft.order.orderClaims, draft.crs.epsg, fallbackPrefix), grid: null };
  const result = packageSourceFromJob({ ...draft, layout }, 'order', options);
  if (!result.ok) return { ok: false, reasons: [...reasons, ...result.reasons] };
  return reasons.length > 0 ? { ok: false, reasons } : result;
}
