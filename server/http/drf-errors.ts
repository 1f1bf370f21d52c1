/**
 * What the order routes share: the `{order_type}/{id}` path parameters (anything else is a 404, as Django's URL
 * resolver answers) and field errors in the shape and wording of DRF's serializers ({field: [message]}), so staff
 * read the same sentences from the reference server as from GeoDB.
 */
import { z } from 'zod';
import { orderTypeSchema } from '../../shared/api/geodb.schemas';
import { HttpError } from './http-errors';

export const orderPathParams = z.object({ order_type: orderTypeSchema, id: z.string().regex(/^\d{1,15}$/).transform(Number) });

/** The order a route's path names; a 404 (with `extra` in the body) for an unknown type or a malformed id. */
export function readOrderPath(params: unknown, extra: Record<string, string> = {}): { orderType: z.infer<typeof orderTypeSchema>; orderId: number } {
  const parsed = orderPathParams.safeParse(params);
  if (!parsed.success) throw new HttpError(404, { detail: 'Not found.', ...extra });
  return { orderType: parsed.data.order_type, orderId: parsed.data.id };
}

/** A route's own wording for one issue; undefined keeps the default. */
export type IssueWording = (issue: z.core.$ZodIssue, field: string, value: unknown) => string | undefined;

/** A JSON value's type as DRF names it in its messages. */
export function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'dict' : typeof value === 'number' ? 'int' : typeof value === 'boolean' ? 'bool' : 'str';
}

/**
 * DRF's order of checks: a body that is not an object is refused as a whole; then an unknown key is named, a
 * missing field is "required", then the route's own wording, then zod's message. A message is listed once per field.
 */
export function drfFieldErrors(error: z.ZodError, raw: unknown, word?: IssueWording): Record<string, string[]> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { non_field_errors: [`Invalid data. Expected a dictionary, but got ${describeType(raw)}.`] };
  }
  const body = raw as Record<string, unknown>;
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : 'non_field_errors';
    const value = body[field];
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unknown field(s): ${issue.keys.join(', ')}.`
        : value === undefined && field !== 'non_field_errors'
          ? 'This field is required.'
          : (word?.(issue, field, value) ?? issue.message);
    const list = (fields[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return fields;
}
