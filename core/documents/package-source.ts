/**
 * What a package is made from. An order with a fulfilment job uses the job's layout, monuments, claimant and
 * land description; an order without one uses its claims as drawn and its claimant_info. Either way the
 * package is refused, with every reason checkJob gives (order problems, no claims, no claimant, layout problems
 * including claims outside the order's area): documents are never generated from a guess.
 */
import { priceFromOrderJson } from '../../shared/documents/order-price';
import type { PackageSource } from '../../shared/documents/package-model';
import type { AsStakedInfo } from '../../shared/documents/package-model.types';
import type { OrderIssue } from '../../shared/domain/order.types';
import { checkJob, jobStateCode } from '../../shared/jobs/check-job';
import type { JobCore } from '../../shared/jobs/job.types';
import { withOrderLayout } from '../jobs/job-from-order';

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
  /** The job's accepted field work: the package is then made as staked (and amended after delivery). */
  asStaked?: AsStakedInfo | null;
}

export function packageSourceFromJob(
  job: Omit<JobCore, 'id'>,
  origin: PackageSource['source'],
  options: SourceOptions = {},
  orderProblems: readonly OrderIssue[] = [],
): SourceResult {
  // The CLI's --date-of-location is checked as the documents will print it.
  const dated = options.dateOfLocation ? { ...job, claimant: { ...job.claimant, dateOfLocation: options.dateOfLocation } } : job;
  const reasons = checkJob(dated, { orderProblems }).blocking.documents;
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, source: jobPackageSource(dated, origin, options) };
}

/**
 * What the job's package is made from, unchecked: for comparing staked posts with the planned ones, which needs
 * the posts even of a job that would not pass the checks now. Documents are made only through the checked form
 * (packageSourceFromJob), which also dates the claimant for --date-of-location.
 */
export function jobPackageSource(job: Omit<JobCore, 'id'>, origin: PackageSource['source'], options: SourceOptions = {}): PackageSource {
  const tie = job.documents.tie;
  return {
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
    claims: job.layout.claims,
    monumentSettings: job.monuments,
    stateCode: jobStateCode(job),
    county: job.location.countyOverride ?? job.location.detectedCounty,
    landStatus: job.location.landStatus,
    recordingDistrict: job.documents.recordingDistrict,
    claimant: job.claimant,
    plss: job.documents.plss,
    tie: tie ? { description: tie.description, lonLat: [tie.lon, tie.lat] } : null,
    asStaked: options.asStaked ?? null,
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
  return packageSourceFromJob(withOrderLayout(draft), 'order', options, orderProblems);
}
