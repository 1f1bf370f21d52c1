/**
 * What a staking package folder holds: fixed file names per document kind (the folder itself is named from the
 * order number, see safe-names.ts) and the manifest that lists every file with its size and SHA-256, so anyone
 * receiving the package can check it is complete and unaltered.
 */
import { z } from 'zod';
import { orderTypeSchema } from '../api/geodb.schemas';
import { orderPriceSchema } from './order-price';
import { landStatusSchema } from '../claims/state-land';

export const DOCUMENT_KINDS = [
  'location-notices',
  'posted-notices',
  'field-instructions',
  'corner-cards',
  'claim-map',
  'field-map',
  'fees-sheet',
  'deadlines-ics',
  'blm-filing',
  'blm-filing-csv',
  'gpx',
  'kml',
  'kmz',
  'csv',
] as const;
export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const DOCUMENT_FILES: Readonly<Record<DocumentKind, { fileName: string; mediaType: string; title: string }>> = {
  'location-notices': { fileName: 'location-notices.pdf', mediaType: 'application/pdf', title: 'Location notices' },
  'posted-notices': { fileName: 'posted-notices.pdf', mediaType: 'application/pdf', title: 'Notices to post on the claims' },
  'field-instructions': { fileName: 'field-instructions.pdf', mediaType: 'application/pdf', title: 'Field instructions' },
  'corner-cards': { fileName: 'corner-cards.pdf', mediaType: 'application/pdf', title: 'Corner cards' },
  'claim-map': { fileName: 'claim-map.pdf', mediaType: 'application/pdf', title: 'Claim map' },
  'field-map': { fileName: 'field-map.pdf', mediaType: 'application/pdf', title: 'Field map' },
  'fees-sheet': { fileName: 'fees-and-deadlines.pdf', mediaType: 'application/pdf', title: 'Fees and deadlines' },
  'deadlines-ics': { fileName: 'deadlines.ics', mediaType: 'text/calendar', title: 'Deadlines calendar (iCalendar)' },
  'blm-filing': { fileName: 'blm-filing.pdf', mediaType: 'application/pdf', title: 'BLM filing sheet and transmittal letter' },
  'blm-filing-csv': { fileName: 'blm-filing.csv', mediaType: 'text/csv', title: 'BLM filing sheet (CSV)' },
  gpx: { fileName: 'waypoints.gpx', mediaType: 'application/gpx+xml', title: 'GPS waypoints (GPX)' },
  kml: { fileName: 'claims.kml', mediaType: 'application/vnd.google-earth.kml+xml', title: 'Claims (KML)' },
  kmz: { fileName: 'claims.kmz', mediaType: 'application/vnd.google-earth.kmz', title: 'Claims with the claim map (KMZ)' },
  csv: { fileName: 'corners-and-monuments.csv', mediaType: 'text/csv', title: 'Corners and monuments (CSV)' },
};

/** What a package holds unless Settings add more: the KMZ is made only when asked for. */
export const DEFAULT_DOCUMENT_KINDS: readonly DocumentKind[] = DOCUMENT_KINDS.filter((kind) => kind !== 'kmz');

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

export const manifestFileSchema = z.object({
  name: z.string(),
  kind: documentKindSchema,
  mediaType: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.number().int().positive().nullable(),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export const packageProblemSchema = z.object({
  document: documentKindSchema,
  claim: z.string().nullable(),
  message: z.string(),
});
export type PackageProblem = z.infer<typeof packageProblemSchema>;

const cents = z.number().int();

/**
 * The order and its BLM fees as they stood when the package was generated (price and fee snapshots
 * kept for audit). Amounts are integer cents. `price` is null when the order's payload carries none (the
 * pending-orders contract has no price field today: see shared/documents/order-price.ts); `orderStatus` is null
 * when the server status was not known to the generator. The fees are exactly what fees.ts computes for the
 * package's claims and the fees sheet prints.
 */
export const orderSnapshotSchema = z.object({
  /** ISO timestamp: the manifest's generatedAt. */
  capturedAt: z.string(),
  orderNumber: z.string(),
  orderType: orderTypeSchema,
  orderStatus: z.string().nullable(),
  price: orderPriceSchema.nullable(),
  fees: z.object({
    scheduleVersion: z.string(),
    effectiveFrom: z.string(),
    currency: z.string(),
    claims: z.number().int().nonnegative(),
    /** One line per claim, as fees.ts computes it: the claim's total due at filing (null: placer area unknown). */
    perClaim: z.array(
      z.object({
        /** Claim kind: lode or placer. */
        kind: z.string(),
        /** Claim name. */
        label: z.string(),
        /** Maintenance-fee units (1 per lode, per 20 acres or part for a placer); null when unknown. */
        units: z.number().int().nullable(),
        cents: cents.nullable(),
      }),
    ),
    /** fees.ts FeeTotals, in cents. */
    totals: z.object({
      units: z.number().int().nonnegative(),
      locationCents: cents,
      initialMaintenanceCents: cents,
      processingCents: cents,
      /** Everything known that is due at BLM filing (location + initial maintenance + processing). */
      totalDueAtRecordingCents: cents,
      /** Placer claims whose area is unknown: their maintenance fee is left out of the totals. */
      incompleteClaims: z.number().int().nonnegative(),
    }),
    annualMaintenancePerYearCents: cents,
    /**
     * Written by manifests before this field was corrected: Form 3830-2 has no processing fee. Newer manifests
     * leave it out and give the annual FLPMA filing fee instead.
     */
    waiverProcessingPerYearCents: cents.nullable().optional(),
    /** Fee per claim for an annual filing (affidavit of assessment work or notice of intent to hold); null: not on file. */
    annualFilingPerClaimCents: cents.nullable().optional(),
  }),
});
export type OrderSnapshot = z.infer<typeof orderSnapshotSchema>;

export const manifestSchema = z.object({
  manifestVersion: z.literal(MANIFEST_VERSION),
  generator: z.object({ name: z.string(), version: z.string() }),
  preparedOn: z.string(),
  generatedAt: z.string(),
  /** 'layout': made by `claimdesk package` from a layout file, with no order (order type and id are null). */
  source: z.enum(['job', 'order', 'layout']),
  order: z.object({
    orderType: orderTypeSchema.nullable(),
    orderId: z.number().int().nullable(),
    orderNumber: z.string(),
    projectName: z.string(),
    companyName: z.string(),
    claimsPurchased: z.number().int(),
  }),
  state: z.string().nullable(),
  county: z.string(),
  epsg: z.number().int(),
  dateOfLocation: z.string().nullable(),
  /** Added later (optional, so older manifests parse; absent = federal land, no date of discovery): with the
   * date of location they fix every deadline of the claims (claim-deadlines.ts), as the package printed them. */
  landStatus: landStatusSchema.optional(),
  dateOfDiscovery: z.string().nullable().optional(),
  claimant: z.string(),
  claims: z.array(z.object({ name: z.string(), kind: z.string(), areaAcres: z.number() })),
  /** null when no BLM fee schedule on file covers the date of location. */
  feeSchedule: z.object({ version: z.string(), effectiveFrom: z.string() }).nullable(),
  files: z.array(manifestFileSchema),
  /** Parts that could not be produced (e.g. one claim's notice), each with why; the rest of the package stands. */
  problems: z.array(packageProblemSchema),
  /** Added after manifest version 1 shipped, so optional: manifests written before it still parse. */
  orderSnapshot: orderSnapshotSchema.optional(),
});
export type PackageManifest = z.infer<typeof manifestSchema>;
