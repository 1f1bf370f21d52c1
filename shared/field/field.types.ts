/**
 * Field work: where the crew really set the posts (a handheld GPS's waypoints, 8–26 ft of error is normal), set
 * against the package's planned posts. Everything here is plain data so the report can cross IPC, be printed by
 * the CLI as JSON, and be derived again at any time from the planned package and the staked points.
 */
import { z } from 'zod';

/** A point the crew brought back: a GPX waypoint or a CSV row, WGS84 decimal degrees as the GPS reads them. */
export const stakedPointSchema = z.object({
  name: z.string().max(200),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** ISO time the unit stamped on the waypoint, when it did. */
  time: z.string().max(40).nullable().default(null),
});
export type StakedPoint = z.infer<typeof stakedPointSchema>;

/** The settings' bounds, ground feet: beyond these a "tolerance" would take one claim's post for another's. */
export const FIELD_TOLERANCE_LIMITS = { okFt: { min: 1, max: 500 }, matchFt: { min: 1, max: 1000 } } as const;

/** How close is close enough. Ground feet. */
export const fieldTolerancesSchema = z.object({
  /** A staked post within this distance of its planned position is `ok`; farther, `moved`. */
  okFt: z.number().min(FIELD_TOLERANCE_LIMITS.okFt.min).max(FIELD_TOLERANCE_LIMITS.okFt.max),
  /** An unnamed (or unknown-named) point is taken for the nearest planned post only within this distance. */
  matchFt: z.number().min(FIELD_TOLERANCE_LIMITS.matchFt.min).max(FIELD_TOLERANCE_LIMITS.matchFt.max),
});
export type FieldTolerances = z.infer<typeof fieldTolerancesSchema>;

/** A consumer handheld reads 8–26 ft off; 25 ft separates GPS error from a post set somewhere else. */
export const DEFAULT_FIELD_TOLERANCES: FieldTolerances = { okFt: 25, matchFt: 50 };

export const POST_STATUSES = ['ok', 'moved', 'missing'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const latLonSchema = z.object({ lat: z.number(), lon: z.number() });
export type LatLon = z.infer<typeof latLonSchema>;

export const stakedPostReportSchema = z.object({
  /** The package's post id, "P12". */
  post: z.string(),
  /** Every claim the post marks, in the order of its markings. */
  claims: z.array(z.string()),
  /** What the post is for those claims, "Corner 2 / Corner 1", in the same order. */
  designation: z.string(),
  /** The waypoint name the package gave it (as cut to the field-unit length). */
  waypoint: z.string(),
  kind: z.enum(['corner', 'discovery', 'location', 'sideline', 'endline']),
  planned: latLonSchema,
  staked: latLonSchema.nullable(),
  /** The staked point's own name as the unit wrote it; null when missing. */
  stakedName: z.string().nullable(),
  /** How it was found: by its name, or as the nearest planned post within the match tolerance. */
  matchedBy: z.enum(['name', 'position']).nullable(),
  /** Ground feet from planned to staked (geodesic); null when missing. */
  offsetFt: z.number().nullable(),
  /** True bearing from planned to staked, degrees clockwise from true north, [0, 360); null when missing. */
  bearingDeg: z.number().nullable(),
  status: z.enum(POST_STATUSES),
});
export type StakedPostReport = z.infer<typeof stakedPostReportSchema>;

export const extraPointSchema = z.object({
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  /** The planned post nearest to it, and how far (ground feet), so staff can see why it matched nothing. */
  nearestPost: z.string().nullable(),
  distanceFt: z.number().nullable(),
});
export type ExtraPoint = z.infer<typeof extraPointSchema>;

export const stakedReportSchema = z.object({
  posts: z.array(stakedPostReportSchema),
  extra: z.array(extraPointSchema),
  tolerances: fieldTolerancesSchema,
  counts: z.object({ ok: z.number(), moved: z.number(), missing: z.number(), extra: z.number() }),
});
export type StakedReport = z.infer<typeof stakedReportSchema>;

/** A problem of the as-staked layout, by claim (the layout checks, or a monument away from its corners). */
export const fieldProblemSchema = z.object({ code: z.string(), claim: z.string().nullable(), message: z.string() });
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

/** The Field step's whole state for a job: the last import, its comparison, and what accepting it would change. */
export const fieldViewSchema = z.object({
  jobId: z.number().int(),
  fileName: z.string(),
  importedAt: z.string(),
  /** Points of the file that could not be read, each with why. */
  warnings: z.array(z.string()),
  report: stakedReportSchema,
  problems: z.array(fieldProblemSchema),
  /** Claims whose corners moved: accepting changes their description (an amendment once delivered). */
  changedClaims: z.array(z.string()),
  /** Accepting now would amend a delivered package. */
  amends: z.boolean(),
  acceptedAt: z.string().nullable(),
});
export type FieldView = z.infer<typeof fieldViewSchema>;

export const importStakedRequestSchema = z
  .object({ jobId: z.number().int().positive(), fileName: z.string().min(1).max(260), text: z.string().max(20_000_000) })
  .strict();
