/** DRF TokenAuthentication semantics: `Authorization: Token <key>`; other schemes count as "no credentials". */
import type { FastifyRequest } from 'fastify';
import type { ApiUser } from '../../shared/api/geodb.schemas';
import type { ReferenceStore } from '../store/reference-store';
import { invalidToken, notAuthenticated, staffRequired } from './http-errors';

export async function requireUser(request: FastifyRequest, store: ReferenceStore): Promise<ApiUser> {
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') throw notAuthenticated();
  const [keyword, token, ...extra] = header.trim().split(/\s+/);
  if (keyword?.toLowerCase() !== 'token') throw notAuthenticated();
  if (token === undefined || extra.length > 0) throw invalidToken();
  const user = await store.userForToken(token);
  if (user === undefined) throw invalidToken();
  return user;
}

export async function requireStaff(request: FastifyRequest, store: ReferenceStore): Promise<ApiUser> {
  const user = await requireUser(request, store);
  if (!user.is_staff) throw staffRequired();
  return user;
}
