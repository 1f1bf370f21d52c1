/**
 * OpenAPI 3.1 description of the reference server's public routes (test hooks excluded), generated from
 * the shared zod schemas with zod 4's z.toJSONSchema so the document cannot drift from the contract.
 */
import { z } from 'zod';
import {
  API_PATHS,
  apiErrorBodySchema,
  apiUserSchema,
  pendingOrdersResponseSchema,
  tokenAuthRequestSchema,
  tokenAuthResponseSchema,
} from '../../shared/api/geodb.schemas';
import { ME_PATH } from '../routes/auth.routes';
import { validationErrorSchema } from './error-bodies.schemas';
import { crewPaths } from './crews.openapi';
import { fulfilmentPaths } from './fulfilment.openapi';
import { idOf, json, ref, REF_PREFIX, type JsonObject } from './openapi.helpers';
import { orderEventPaths } from './order-events.openapi';
import { assignmentPaths } from './assignment.openapi';


/**
 * All schemas with an id, converted together so shared parts become $refs; then only those reachable from
 * the routes are kept (the global registry may hold unrelated schemas of other modules).
 */
function componentSchemas(roots: string[]): Record<string, JsonObject> {
  const all = z.toJSONSchema(z.globalRegistry, { target: 'draft-2020-12', uri: (id) => `${REF_PREFIX}${id}` }).schemas;
  const kept: Record<string, JsonObject> = {};
  const visit = (id: string): void => {
    if (id in kept) return;
    const schema = all[id];
    if (schema === undefined) throw new Error(`Schema ${id} is not registered`);
    const { $schema: _s, $id: _i, ...rest } = schema as JsonObject;
    kept[id] = rest;
    const refs = JSON.stringify(rest).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g);
    for (const match of refs) if (match[1] !== undefined) visit(match[1]);
  };
  roots.forEach(visit);
  return Object.fromEntries(Object.entries(kept).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function buildOpenApiDocument(): JsonObject {
  const ids = {
    tokenRequest: idOf(tokenAuthRequestSchema),
    tokenResponse: idOf(tokenAuthResponseSchema),
    user: idOf(apiUserSchema),
    error: idOf(apiErrorBodySchema),
    validation: idOf(validationErrorSchema),
    pending: idOf(pendingOrdersResponseSchema),
  };
  const unauthorized = json(ids.error, 'Missing or invalid token: {"detail": "Authentication credentials were not provided."} or {"detail": "Invalid token."}');
  const forbidden = json(ids.error, 'Not staff: {"error": "Staff access required"}.');
  const security = [{ TokenAuth: [] }];
  const shared = { security, unauthorized, forbidden, validationId: ids.validation, errorId: ids.error };
  const fulfilment = fulfilmentPaths(shared);
  const events = orderEventPaths(shared);
  const assignment = assignmentPaths(shared);
  const crews = crewPaths(shared);

  return {
    openapi: '3.1.0',
    info: {
      title: 'GeoDB staff orders API (ClaimDesk reference server)',
      version: '1.0.0',
      description:
        'The part of the GeoDB REST API ClaimDesk uses (pending orders, document upload into ClaimPackages, staff status changes, workflow override events). Generated from shared/api/geodb.schemas.ts by scripts/write-openapi.ts; do not edit by hand.',
    },
    servers: [{ url: 'http://127.0.0.1:8765', description: 'Reference server (npm run server)' }],
    paths: {
      [API_PATHS.tokenAuth]: {
        post: {
          operationId: 'obtainAuthToken',
          summary: 'Sign in with username and password; returns a Knox-style token and the user.',
          security: [],
          requestBody: { required: true, content: { 'application/json': { schema: ref(ids.tokenRequest) } } },
          responses: {
            '200': json(ids.tokenResponse, 'Signed in.'),
            '400': json(ids.validation, 'Bad credentials ({"non_field_errors": [...]}) or missing fields.'),
          },
        },
      },
      [ME_PATH]: {
        get: {
          operationId: 'getCurrentUser',
          summary: 'The signed-in user, including is_staff and role.',
          security,
          responses: { '200': json(ids.user, 'The current user.'), '401': unauthorized },
        },
      },
      [API_PATHS.pendingOrders]: {
        get: {
          operationId: 'listStaffPendingOrders',
          summary: 'Orders waiting for fulfilment, oldest first (staff only).',
          description:
            'claim_purchase orders with status processing, pending, in_progress or on_hold and no completed package, and claim_order orders with status paid, approved, in_progress or on_hold; sorted by created_at, then order_type, then id. Send the last ETag in If-None-Match to get 304 when nothing changed.',
          security,
          parameters: [
            { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'ETag of the copy the client holds.' },
          ],
          responses: {
            '200': {
              ...json(ids.pending, 'The pending orders.'),
              headers: { ETag: { description: 'Strong validator of this list; changes on every data change.', schema: { type: 'string' } } },
            },
            '304': { description: 'Not modified: the If-None-Match ETag is current. No body.' },
            '401': unauthorized,
            '403': forbidden,
          },
        },
      },
      ...fulfilment.paths,
      ...events.paths,
      ...assignment.paths,
      ...crews.paths,
    },
    components: {
      securitySchemes: {
        TokenAuth: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Send "Token <token>" (Knox / DRF TokenAuthentication).' },
      },
      schemas: componentSchemas([...Object.values(ids), ...fulfilment.schemaIds, ...events.schemaIds, ...assignment.schemaIds, ...crews.schemaIds]),
    },
  };
}

/** The exact text written to docs/openapi.json (stable key order, trailing newline). */
export function renderOpenApiJson(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
