/**
 * Claims under management, from the local cache: each package's manifest (the dates as the package printed them)
 * through the obligations table, one row per claim and open deadline, sorted by due date. Reads only; no network.
 */
import { manifestSchema } from '../../shared/documents/package-files';
import { openDeadlines, type DeadlineKind } from '../../shared/documents/obligations/claim-deadlines';
import { manifestObligations } from '../../shared/documents/obligations/obligations';
import { filterDeadlines, type DeadlineFilter, type ManagedDeadline } from '../../shared/deadlines/managed-deadlines';
import type { Db } from '../db/schema';
import { listManagedPackageRows } from '../repos/deadlines.repo';

export interface ManagedDeadlines {
  today: string;
  deadlines: ManagedDeadline[];
  /** Packages whose manifest could not be read, each with why: the rest are still listed. */
  problems: string[];
}

/** The filings staff entered for a job (county recording, BLM filing): those deadlines are met. */
function filingsDone(pkg: { county_recorded: number; blm_filed: number }): ReadonlySet<DeadlineKind> {
  const done = new Set<DeadlineKind>();
  if (pkg.county_recorded === 1) done.add('recording');
  if (pkg.blm_filed === 1) done.add('blm-filing');
  return done;
}

/** Every open deadline on `today` (ISO, the desk's local date); a county recording or BLM filing entered is met. */
export async function listManagedDeadlines(db: Db, today: string, filter: Partial<DeadlineFilter> = {}): Promise<ManagedDeadlines> {
  const rows: ManagedDeadline[] = [];
  const problems: string[] = [];
  for (const pkg of await listManagedPackageRows(db)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(pkg.manifest_json);
    } catch {
      parsed = null;
    }
    const manifest = manifestSchema.safeParse(parsed);
    const orderLabel = pkg.order_number || `${pkg.order_type}:${pkg.order_id}`;
    if (!manifest.success) {
      problems.push(`${orderLabel}: the package's manifest could not be read, so its deadlines are not listed.`);
      continue;
    }
    // Not yet posted: no deadline can be counted until the package is made with the date of location.
    if (!manifest.data.dateOfLocation) continue;
    const customer = pkg.company_name || manifest.data.order.companyName || manifest.data.claimant;
    for (const event of openDeadlines(manifestObligations(manifest.data, today), today, filingsDone(pkg))) {
      for (const claim of event.claimNames) {
        rows.push({
          jobId: pkg.job_id,
          orderType: pkg.order_type,
          orderId: pkg.order_id,
          order: manifest.data.order.orderNumber || orderLabel,
          customer,
          state: manifest.data.state,
          claim,
          kind: event.kind,
          obligationId: event.obligationId,
          label: event.label,
          office: event.office,
          citation: event.citation,
          due: event.due,
          status: event.status,
        });
      }
    }
  }
  rows.sort((a, b) => a.due.localeCompare(b.due) || a.order.localeCompare(b.order) || a.claim.localeCompare(b.claim, 'en', { numeric: true }) || a.obligationId.localeCompare(b.obligationId));
  return { today, deadlines: filterDeadlines(rows, filter, today), problems };
}
