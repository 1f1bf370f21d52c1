/**
 * The claim layout of a fulfilment job, in the job's NAD83 / UTM CRS (metres). One source of truth for claim
 * geometry: monuments, validation, the map and (later) documents are all derived from it.
 */
import { z } from 'zod';

export const utmSchema = z.tuple([z.number().finite(), z.number().finite()]);
export const claimKindSchema = z.enum(['lode', 'placer']);
export type ClaimKind = z.infer<typeof claimKindSchema>;

export const layoutClaimSchema = z.object({
  /** Stable id for selection, undo and the claims table; never shown. */
  id: z.string().min(1),
  name: z.string().min(1).max(120),
  kind: claimKindSchema,
  /**
   * Corners as an open ring (first corner not repeated), clockwise seen from above. For a lode claim laid out by
   * the grid tool the order is start-left, end-left, end-right, start-right, where "start"/"end" are the end lines
   * and left/right are seen facing along the long axis (azimuth); so at azimuth 0 it is SW, NW, NE, SE.
   */
  corners: z.array(utmSchema).min(3).max(200),
  /** Where the claim came from: the order's own polygons, the grid tool, or added by hand. */
  source: z.enum(['order', 'grid', 'added']),
});
export type LayoutClaim = z.infer<typeof layoutClaimSchema>;

export const anchorModeSchema = z.enum(['nw', 'center']);
export type AnchorMode = z.infer<typeof anchorModeSchema>;

/** The grid tool's inputs, kept on the job so the form reopens as it was left. */
export const gridParamsSchema = z.object({
  kind: claimKindSchema,
  rows: z.number().int().min(1).max(100),
  cols: z.number().int().min(1).max(100),
  /** Long axis, degrees clockwise from grid north (lode only; placer claims are north-south aligned). */
  azimuthDeg: z.number().min(0).max(360),
  prefix: z.string().max(40),
  firstNumber: z.number().int().min(1).max(100_000),
  /**
   * Rows are stacked along the long axis and numbered from the azimuth-forward ("north") side; columns run across
   * it from the left. The anchor is either the grid's north-west corner (the end-left corner of row 1, column 1:
   * the true NW corner at azimuth 0) or the grid's centre.
   */
  anchorMode: anchorModeSchema,
  anchor: utmSchema,
  /**
   * Ground feet taken off each claim's length and width, so that staking error and an elevation the UTM grid does
   * not know about cannot carry a claim past 1,500 × 600 ft (0.5 → 1,499.5 × 599.5 ft). 0 lays out full size.
   */
  marginFt: z.number().min(0).max(10).default(0),
  /**
   * Placers only: whose north the claims' sides follow. 'true' lines them up with true north, as the public land
   * survey's section lines run (30 U.S.C. 35: placers conform to legal subdivisions); 'grid' follows UTM grid north.
   */
  placerNorth: z.enum(['grid', 'true']).default('grid'),
});
export type GridParams = z.infer<typeof gridParamsSchema>;
/** Grid parameters as a caller may give them: the margin and the placers' north default as the schema says. */
export type GridInput = z.input<typeof gridParamsSchema>;

export const layoutSchema = z.object({
  claims: z.array(layoutClaimSchema).max(5_000),
  grid: gridParamsSchema.nullable(),
});
export type Layout = z.infer<typeof layoutSchema>;

export const CORNER_POSITIONS = ['NE', 'SE', 'SW', 'NW'] as const;
export const cornerPositionSchema = z.enum(CORNER_POSITIONS);
export type CornerPosition = z.infer<typeof cornerPositionSchema>;

export const monumentSettingsSchema = z.object({
  /** Discovery / location monument: feet along the centerline, measured inward from the midpoint of the start end line. */
  insetFt: z.number().min(0).max(1500),
  /** Which corner (in the claim's own frame: NE is the end-right corner) is Corner 1; numbering runs clockwise. */
  corner1: cornerPositionSchema,
  /** Idaho / New Mexico: the corner number where the location monument (and notice) stands. */
  lmCorner: z.number().int().min(1).max(4),
});
export type MonumentSettings = z.infer<typeof monumentSettingsSchema>;
