/** OpenAPI paths of desk assignment (claim, release, take-over): our extension of the contract, reference profile only. */
import { codedErrorBodySchema, IDEMPOTENCY_KEY_HEADER, ORDER_TYPES } from '../../shared/api/geodb.schemas';
import { ASSIGNMENT_PATHS, assignmentHeldBodySchema, assignmentResponseSchema, takeOverRequestSchema } from '../../shared/api/assignment.schemas';
import type { SharedResponses } from './fulfilment.openapi';
import { idOf, json, jsonOneOf, ref, type JsonObject } from './openapi.helpers';

const COMMON =
  'Desk assignment is not part of the GeoDB order-fulfilment contract: a server without it answers 404 and ClaimDesk works on without claims. Claims with no activity for the server\'s number of business days (3 by default) end on the server\'s clock before each of these requests and before the pending list is read; the list then carries assignment_expired instead of assigned_to.';

export function assignmentPaths(shared: SharedResponses): { paths: JsonObject; schemaIds: string[] } {
  const ids = {
    answer: idOf(assignmentResponseSchema),
    held: idOf(assignmentHeldBodySchema),
    takeOver: idOf(takeOverRequestSchema),
    coded: idOf(codedErrorBodySchema),
  };
  const { security, unauthorized, forbidden, validationId, errorId } = shared;
  const orderParams: JsonObject[] = [
    { name: 'order_type', in: 'path', required: true, schema: { type: 'string', enum: [...ORDER_TYPES] } },
    { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
  ];
  const key = (required: boolean): JsonObject => ({
    name: IDEMPOTENCY_KEY_HEADER,
    in: 'header',
    required,
    schema: { type: 'string', minLength: 1, maxLength: 255 },
    description: 'A new random value per request, reused unchanged on every retry of it (the stored answer is replayed).',
  });
  const notFound = json(errorId, 'No such order: {"detail": "Not found.", "code": "not_found"}.');
  const reused = json(ids.coded, 'The Idempotency-Key was used before by the same user for a different request.');

  const paths: JsonObject = {
    [ASSIGNMENT_PATHS.claim]: {
      post: {
        operationId: 'claimStaffOrder',
        summary: 'Claim the order for the signed-in staff member (their own claim again renews it).',
        description: COMMON,
        security,
        parameters: [...orderParams, key(false)],
        responses: {
          '200': json(ids.answer, 'Claimed (or renewed): assigned_to is the caller.'),
          '401': unauthorized,
          '403': forbidden,
          '404': notFound,
          '409': json(ids.held, 'Someone else holds it.'),
          '422': reused,
        },
      },
    },
    [ASSIGNMENT_PATHS.release]: {
      post: {
        operationId: 'releaseStaffOrder',
        summary: 'End the signed-in staff member\'s claim on the order; anyone else\'s claim is left as it is (released: false).',
        description: COMMON,
        security,
        parameters: [...orderParams, key(false)],
        responses: { '200': json(ids.answer, 'Released, or nothing to release.'), '401': unauthorized, '403': forbidden, '404': notFound, '422': reused },
      },
    },
    [ASSIGNMENT_PATHS.takeOver]: {
      post: {
        operationId: 'takeOverStaffOrder',
        summary: 'A manager or admin takes the order over, or gives it to another staff member, with a reason.',
        description: COMMON,
        security,
        parameters: [...orderParams, key(true)],
        requestBody: { required: true, content: { 'application/json': { schema: ref(ids.takeOver) } } },
        responses: {
          '200': json(ids.answer, 'The order\'s new holder, and who held it before.'),
          '400': jsonOneOf([validationId, ids.coded], 'Field errors (a missing or short reason, an unknown username) or a missing Idempotency-Key (coded).'),
          '401': unauthorized,
          '403': { ...forbidden, description: 'Not staff, or staff without role manager or admin.' },
          '404': notFound,
          '422': reused,
        },
      },
    },
  };
  return { paths, schemaIds: Object.values(ids) };
}
