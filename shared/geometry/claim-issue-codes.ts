/**
 * Stable codes for what parseClaimPolygons finds. The cache, the UI and tests key on these codes, so
 * rename one only together with everything that reads it; the messages are for people and may change.
 */
import type { OrderIssue } from '../domain/order.types';

/** Problems block fulfilment of the claim (or of the whole order when no claim can be read). */
export const CLAIM_PROBLEM_CODES = {
  missing: 'claim_polygons_missing',
  empty: 'claim_polygons_empty',
  unparseable: 'claim_polygons_unparseable',
  unrecognised: 'claim_polygons_unrecognised',
  entryUnrecognised: 'claim_entry_unrecognised',
  geometryNull: 'claim_geometry_null',
  geometryInvalid: 'claim_geometry_invalid',
  geometryType: 'claim_geometry_type',
  coordinatesEmpty: 'claim_coordinates_empty',
  coordinateInvalid: 'claim_coordinate_invalid',
  ringTooShort: 'claim_ring_too_short',
  selfIntersection: 'claim_self_intersection',
  projected: 'claim_coordinates_projected',
  outOfRange: 'claim_coordinates_out_of_range',
  swapped: 'claim_coordinates_swapped',
} as const;

/** Warnings were repaired or only look suspicious; the claim can still be fulfilled. */
export const CLAIM_WARNING_CODES = {
  nameMissing: 'claim_name_missing',
  nameDuplicate: 'claim_name_duplicate',
  zDropped: 'claim_z_dropped',
  ringClosed: 'claim_ring_closed',
  duplicateVertex: 'claim_duplicate_vertex',
  areaLarge: 'claim_area_large',
  areaTiny: 'claim_area_tiny',
} as const;

export type ClaimProblemCode = (typeof CLAIM_PROBLEM_CODES)[keyof typeof CLAIM_PROBLEM_CODES];
export type ClaimWarningCode = (typeof CLAIM_WARNING_CODES)[keyof typeof CLAIM_WARNING_CODES];

export function claimIssue(code: ClaimProblemCode | ClaimWarningCode, message: string, claim?: string): OrderIssue {
  return claim === undefined ? { code, message } : { code, message, claim };
}

/** A short, human description of a JSON value's kind for messages ("a number", "null", "a list"). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return value.length > 40 ? `the text "${value.slice(0, 40)}…"` : `the text "${value}"`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
