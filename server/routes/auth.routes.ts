/** Sign-in (DRF obtain_auth_token style) and the current user. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { API_PATHS, tokenAuthRequestSchema } from '../../shared/api/geodb.schemas';
import { requireUser } from '../http/auth.guard';
import { BAD_CREDENTIALS, HttpError } from '../http/http-errors';
import type { ServerProfile } from '../http/server-profile';
import type { ReferenceStore } from '../store/reference-store';

export const ME_PATH = '/api/v2/me/';

/** DRF reports each bad field as `{field: [message]}`. */
function drfFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : 'non_field_errors';
    const message = issue.code === 'too_small' ? 'This field may not be blank.' : 'This field is required.';
    (fields[field] ??= []).push(message);
  }
  return fields;
}

export function registerAuthRoutes(app: FastifyInstance, store: ReferenceStore, profile: ServerProfile): void {
  app.post(API_PATHS.tokenAuth, async (request) => {
    const parsed = tokenAuthRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) throw new HttpError(400, drfFieldErrors(parsed.error));
    const user = await store.checkCredentials(parsed.data.username, parsed.data.password);
    if (user === undefined) throw new HttpError(400, { non_field_errors: [BAD_CREDENTIALS] });
    return profile.signIn(await store.issueToken(user.id), user);
  });

  app.get(ME_PATH, async (request) => profile.me(await requireUser(request, store)));
}
