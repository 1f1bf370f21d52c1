/** A fulfilment job: one per order, with the order's context and every wizard step's state. */
import { z } from 'zod';
import { claimantInfoSchema, orderTypeSchema } from '../api/geodb.schemas';
import { orderPriceSchema } from '../documents/order-price';
import { landStatusSchema } from '../claims/state-land';
import { layoutSchema, monumentSettingsSchema } from '../layout/layout.types';
import { jobConflictSchema } from '../outbox/job-conflict';
import { jobWorkflowSchema } from '../workflow/workflow-view.types';
import { workflowStateSchema } from '../workflow/workflow.types';
import { workflowSettingsSchema } from '../workflow/workflow-settings';
import { mapSettingsSchema } from '../basemap/map-settings';
import { syncLimitsSchema } from '../sync/sync-limits';

import { jobStepSchema } from './job-steps';

export { JOB_STEPS, jobStepSchema, type JobStep } from './job-steps';

/** The order as it was when pulled: the job keeps working offline and after the order leaves the queue. */
export const jobOrderContextSchema = z.object({
  orderType: orderTypeSchema,
  orderId: z.number().int(),
  orderNumber: z.string(),
  projectId: z.number().int().nullable(),
  projectName: z.string(),
  companyName: z.string(),
  customerEmail: z.string(),
  claimsPurchased: z.number().int(),
  claimant: claimantInfoSchema.nullable(),
  /** The order's usable claim polygons, WGS84 lon/lat (NormalizedClaim[] from the cache). */
  orderClaims: z.array(
    z.object({
      name: z.string(),
      geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) }),
      areaAcres: z.number(),
    }),
  ),
  /**
   * The order's price read from its raw payload when pulled (shared/documents/order-price.ts), for the staking
   * package's orderSnapshot. null: the payload carries no price; absent: a job pulled before this was kept.
   */
  price: orderPriceSchema.nullable().optional(),
});
export type JobOrderContext = z.infer<typeof jobOrderContextSchema>;

export const jobCrsSchema = z.object({
  epsg: z.number().int(),
  zone: z.number().int(),
  zonesSeen: z.array(z.number().int()),
  straddles: z.boolean(),
  reason: z.string(),
});
export type JobCrs = z.infer<typeof jobCrsSchema>;

export const jobLocationSchema = z.object({
  /** From the claims' centroid and the boundary data shipped with the app. */
  detectedState: z.string().nullable(),
  detectedCounty: z.string().nullable(),
  /** Staff's manual override; null keeps the detected value. */
  stateOverride: z.string().nullable(),
  countyOverride: z.string().nullable(),
  /** Federal land (the General Mining Law) or, in Alaska, State land (DNR locations); jobs made before it are federal. */
  landStatus: landStatusSchema.default('federal'),
});
export type JobLocation = z.infer<typeof jobLocationSchema>;

/** A co-locator of an association placer: named, with a mailing address, on every notice, and signing it. */
export const coLocatorSchema = z.object({
  name: z.string().max(200),
  address1: z.string().max(200),
  address2: z.string().max(200),
  address3: z.string().max(200),
});
export type CoLocator = z.infer<typeof coLocatorSchema>;

/** 43 CFR 3832.22(b): an association placer of up to 8 locators (160 acres); the claimant is the first. */
export const MAX_CO_LOCATORS = 7;

export const claimantFormSchema = z.object({
  claimantName: z.string().max(200),
  address1: z.string().max(200),
  address2: z.string().max(200),
  address3: z.string().max(200),
  district: z.string().max(200),
  monumentType: z.string().max(200),
  agentName: z.string().max(200),
  agentAddress: z.string().max(400),
  /** ISO date (YYYY-MM-DD) or empty when it will be written in the field. */
  dateOfLocation: z.string().max(10),
  /** ISO date of discovery, or empty: CO and WY count the recording deadline from it, AK and MT print it. */
  dateOfDiscovery: z.string().max(10).default(''),
  /** The other locators of an association placer (20 acres each, 8 in all = 160 acres). */
  coLocators: z.array(coLocatorSchema).max(MAX_CO_LOCATORS).default([]),
});
export type ClaimantForm = z.infer<typeof claimantFormSchema>;

/**
 * Longest land-description fields: room for an order spanning townships ("T39N, T40N") and a section-by-section
 * aliquot list (shared/plss/land-description.ts fits a PLSS fill to them; the Documents form caps typing at them).
 */
export const LAND_LIMITS = { meridian: 100, township: 100, range: 100, sections: 400, aliquot: 2000 } as const;

const plssFieldsSchema = z.object({
  meridian: z.string().max(LAND_LIMITS.meridian),
  township: z.string().max(LAND_LIMITS.township),
  range: z.string().max(LAND_LIMITS.range),
  sections: z.string().max(LAND_LIMITS.sections),
  aliquot: z.string().max(LAND_LIMITS.aliquot),
});

const tieSchema = z.object({
  description: z.string().trim().min(1).max(300),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});

/**
 * Where a land description filled from the imported PLSS came from, and what was filled: fields that still equal
 * `filled` are the data's; anything else was edited by staff since.
 */
export const plssFillSourceSchema = z.object({
  filled: z.object({ plss: plssFieldsSchema, tie: tieSchema.nullable() }),
  states: z.array(z.string()),
  /** The newest data date of the layers used (BLM's REVISEDDATE), and when they were imported. */
  dataDate: z.string().nullable(),
  importedAt: z.string(),
  filledAt: z.string(),
  coverage: z.enum(['full', 'partial']),
  notes: z.array(z.string()),
});
export type PlssFillSource = z.infer<typeof plssFillSourceSchema>;

/** Land description and tie for the notices and maps, entered on the Documents step; blanks print as lines to fill in. */
export const jobDocumentsSchema = z.object({
  plss: plssFieldsSchema,
  /** Alaska: the recording district the certificate is recorded in (AS 27.10.050); '' elsewhere or not chosen. */
  recordingDistrict: z.string().max(100).default(''),
  /** A reference point (PLSS corner, natural object) the notices tie the claims to by bearing and distance. */
  tie: tieSchema.nullable(),
  /** Set when the fields were filled from the imported PLSS (core/plss/plss-fill.ts); absent on older jobs. */
  plssSource: plssFillSourceSchema.nullable().optional(),
});
export type JobDocuments = z.infer<typeof jobDocumentsSchema>;

export const EMPTY_JOB_DOCUMENTS: JobDocuments = {
  plss: { meridian: '', township: '', range: '', sections: '', aliquot: '' },
  recordingDistrict: '',
  tie: null,
};

export const capacityOverrideSchema = z.object({ reason: z.string().min(3).max(500), by: z.string(), at: z.string() });

export const jobSchema = z.object({
  id: z.number().int(),
  order: jobOrderContextSchema,
  step: jobStepSchema,
  crs: jobCrsSchema,
  layout: layoutSchema,
  monuments: monumentSettingsSchema,
  location: jobLocationSchema,
  claimant: claimantFormSchema,
  documents: jobDocumentsSchema,
  /** The server's ClaimPackage for the order (from the order, or from the first upload's answer). */
  serverPackage: z.object({ id: z.number().int(), number: z.string().nullable() }).nullable(),
  /** Derived on read: the order changed on the server under this job (see shared/outbox/job-conflict.ts). */
  conflict: jobConflictSchema.nullable(),
  /** "More claims laid out than purchased" accepted by a person, with why. */
  capacityOverride: capacityOverrideSchema.nullable(),
  /** The fulfilment workflow (state, every event with whether this user may send it, the wizard's gates, payment, progress, duplicates). */
  workflow: jobWorkflowSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof jobSchema>;
/**
 * What main changes under a job beside what the renderer sent: the answer to a layout save (the layout itself is
 * the renderer's, so thousands of claims are not sent back), and what the outbox, sync and workflow change.
 */
export const jobChangeSchema = jobSchema.pick({ id: true, serverPackage: true, conflict: true, workflow: true, updatedAt: true });
export type JobChange = z.infer<typeof jobChangeSchema>;
/** A job as stored, before the workflow view (which needs the session and settings) is attached. */
export type JobCore = Omit<Job, 'workflow'>;

export const jobSummarySchema = z.object({
  id: z.number().int(),
  orderType: orderTypeSchema,
  orderId: z.number().int(),
  orderNumber: z.string(),
  projectName: z.string(),
  step: jobStepSchema,
  claimsLaidOut: z.number().int(),
  claimsPurchased: z.number().int(),
  updatedAt: z.string(),
  conflict: jobConflictSchema.nullable(),
  workflowState: workflowStateSchema,
  claimsDelivered: z.number().int(),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

/**
 * What the renderer may change; every field optional, validated again in main. `step` is only where the person is
 * looking: moving the job on is a workflow command (validateLayout, confirmClaimant…), never a step change.
 */
export const jobPatchSchema = z.object({
  step: jobStepSchema.optional(),
  /** Choose another zone (claims that straddle a boundary); the layout is reprojected. */
  epsg: z.number().int().min(26901).max(26923).optional(),
  layout: layoutSchema.optional(),
  monuments: monumentSettingsSchema.optional(),
  stateOverride: z.string().length(2).nullable().optional(),
  countyOverride: z.string().max(100).nullable().optional(),
  landStatus: landStatusSchema.optional(),
  claimant: claimantFormSchema.optional(),
  documents: jobDocumentsSchema.optional(),
  capacityOverride: z.object({ reason: z.string().trim().min(3).max(500) }).nullable().optional(),
});
export type JobPatch = z.infer<typeof jobPatchSchema>;

export const locationLookupSchema = z.object({
  stateCode: z.string().nullable(),
  stateName: z.string().nullable(),
  countyName: z.string().nullable(),
});
export type LocationLookup = z.infer<typeof locationLookupSchema>;

export const appSettingsSchema = z.object({
  /** Optional online basemap: a raster tile URL template ({z}/{x}/{y}) or a vector style JSON URL; https only. */
  basemapUrl: z.string().max(2048).nullable(),
  /** The workflow's settings: service levels, business days and holidays, stale-work and duplicate thresholds. */
  workflow: workflowSettingsSchema,
  /** The offline basemap, printed basemaps and field-unit files. */
  maps: mapSettingsSchema,
  /** The pending-orders download's size cap and deadline. */
  sync: syncLimitsSchema,
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

/** What Settings may change: any part alone (the others keep their saved value); map settings field by field. */
export const appSettingsPatchSchema = appSettingsSchema.extend({ maps: mapSettingsSchema.partial().strict() }).partial().strict();
export type AppSettingsPatch = z.infer<typeof appSettingsPatchSchema>;
