/**
 * The details file of `claimdesk package` (everything a package needs that a layout file cannot say), read
 * leniently: known keys are checked, unknown keys are listed so the CLI can warn about them (a typo must not pass
 * silently, nor stop the work). A locator or date that is missing is not a parse error: the package is refused
 * for it with the reason, like a job in the app.
 */
import { z } from 'zod';
import { landStatusSchema } from '../../shared/claims/state-land';
import { isoDateSchema } from '../../shared/documents/package-info.types';
import { claimKindSchema } from '../../shared/layout/layout.types';

const text = (max: number) => z.string().max(max);

export const layoutDetailsSchema = z.object({
  claim_type: claimKindSchema,
  /** Two-letter state code; default: where the claims lie. */
  state: z.string().length(2).optional(),
  date_of_location: isoDateSchema,
  mining_district: text(200).default(''),
  monument: text(200).default(''),
  locators: z
    .array(z.object({ name: text(200).default(''), address: z.array(text(200)).max(4).default([]) }))
    .max(8)
    .default([]),
  land_description: z
    .object({
      meridian: text(100).default(''),
      township: text(40).default(''),
      range: text(40).default(''),
      sections: text(100).default(''),
      aliquot: text(200).default(''),
    })
    .optional(),
  tie: z.object({ description: text(300).min(1), lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).optional(),
  /** Overrides the county found from the claims' location. */
  county: text(100).optional(),
  /** Alaska: the recording district (shared/geo/alaska-recording-districts.ts). */
  recording_district: text(100).optional(),
  date_of_discovery: isoDateSchema.optional(),
  /** Federal land (default) or, in Alaska, State land. */
  land_status: landStatusSchema.optional(),
  /** What the package is called in its documents and manifest (default: the layout file's name). */
  reference: text(60).optional(),
  /** Corner 1 where the state does not fix it: NE, SE (default), SW or NW. */
  corner1: z.enum(['NE', 'SE', 'SW', 'NW']).optional(),
});
export type LayoutDetails = z.infer<typeof layoutDetailsSchema>;

export const LAYOUT_DETAILS_KEYS: readonly string[] = Object.keys(layoutDetailsSchema.shape);

export type DetailsResult = { ok: true; details: LayoutDetails; unknownKeys: string[] } | { ok: false; message: string };

export function parseLayoutDetails(json: unknown): DetailsResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, message: 'The details file must hold a JSON object.' };
  const unknownKeys = Object.keys(json).filter((key) => !LAYOUT_DETAILS_KEYS.includes(key));
  const parsed = layoutDetailsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `The details file is not valid at "${issue.path.join('.') || '(top)'}": ${issue.message}.` };
  }
  return { ok: true, details: parsed.data, unknownKeys };
}
