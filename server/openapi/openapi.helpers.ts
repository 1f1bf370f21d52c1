/** Small builders shared by the OpenAPI path modules. */
import { z } from 'zod';

export type JsonObject = Record<string, unknown>;

export const REF_PREFIX = '#/components/schemas/';
export const ref = (id: string): JsonObject => ({ $ref: `${REF_PREFIX}${id}` });
export const json = (id: string, description: string): JsonObject => ({ description, content: { 'application/json': { schema: ref(id) } } });
/** A response whose body is one of several schemas (e.g. field errors or a coded error). */
export const jsonOneOf = (ids: string[], description: string): JsonObject => ({
  description,
  content: { 'application/json': { schema: { oneOf: ids.map(ref) } } },
});

export function idOf(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (id === undefined) throw new Error('Every schema in the OpenAPI document needs .meta({ id })');
  return id;
}
