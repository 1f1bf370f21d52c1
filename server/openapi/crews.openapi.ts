/** OpenAPI paths of the field crews (reference profile only): board, coverage, interests and assignment. */
import { IDEMPOTENCY_KEY_HEADER, ORDER_TYPES } from '../../shared/api/geodb.schemas';
import {
  CREW_PATHS,
  crewAssignRequestSchema,
  crewBoardSchema,
  crewCoverageRequestSchema,
  crewCoverageSchema,
  crewInterestListSchema,
  crewInterestRequestSchema,
  crewInterestSchema,
} from '../../shared/api/crews.schemas';
import { ASSIGN_ROLE_REQUIRED, CREW_ROLE_REQUIRED } from '../fulfilment/crews.service';
import type { SharedResponses } from './fulfilment.openapi';
import { idOf, json, ref, type JsonObject } from './openapi.helpers';

const EXTENSION =
  'ClaimDesk\'s extension of the GeoDB contract: a server without it answers 404 and ClaimDesk says once that it does not support crews.';

export function crewPaths(shared: SharedResponses): { paths: JsonObject; schemaIds: string[] } {
  const ids = {
    board: idOf(crewBoardSchema),
    coverage: idOf(crewCoverageSchema),
    coverageRequest: idOf(crewCoverageRequestSchema),
    interest: idOf(crewInterestSchema),
    interestRequest: idOf(crewInterestRequestSchema),
    list: idOf(crewInterestListSchema),
    assign: idOf(crewAssignRequestSchema),
  };
  const { security, unauthorized, forbidden, validationId, errorId } = shared;
  const orderParams: JsonObject[] = [
    { name: 'order_type', in: 'path', required: true, schema: { type: 'string', enum: [...ORDER_TYPES] } },
    { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
    { name: IDEMPOTENCY_KEY_HEADER, in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 255 }, description: 'Optional: a resend with the same key answers the first result.' },
  ];
  const getParams = orderParams.slice(0, 2);
  const notFound = json(errorId, 'No such order, or no such crew member.');
  const conflict = json(errorId, 'The crew state does not allow it now (a crew is already assigned, no active interest to withdraw or assign).');
  const invalid = json(validationId, 'Field errors, or the order did not buy the staking service.');
  const body = (id: string): JsonObject => ({ required: true, content: { 'application/json': { schema: ref(id) } } });
  const userParam = [{ name: 'username', in: 'path', required: true, schema: { type: 'string' } }];

  const paths: JsonObject = {
    [CREW_PATHS.board]: {
      get: {
        operationId: 'getCrewBoard',
        summary: 'Pending staking-service orders with their crew status and interests: a crew member\'s own (in coverage, awaiting a crew), or all for staff.',
        description: `${EXTENSION} Active interests past their time are expired first.`,
        security,
        responses: { '200': json(ids.board, 'The board.'), '401': unauthorized, '403': forbidden },
      },
    },
    [CREW_PATHS.myCoverage]: {
      get: { operationId: 'getMyCrewCoverage', summary: 'The signed-in crew member\'s coverage.', security, responses: { '200': json(ids.coverage, 'States and counties.'), '401': unauthorized, '403': forbidden } },
    },
    [CREW_PATHS.coverage]: {
      get: { operationId: 'getCrewCoverage', summary: 'A crew member\'s coverage (staff, or the crew member).', security, parameters: userParam, responses: { '200': json(ids.coverage, 'States and counties.'), '401': unauthorized, '403': forbidden, '404': notFound } },
      put: {
        operationId: 'setCrewCoverage',
        summary: 'Replace a crew member\'s coverage (manager or admin).',
        security,
        parameters: userParam,
        requestBody: body(ids.coverageRequest),
        responses: { '200': json(ids.coverage, 'The coverage as stored.'), '400': json(validationId, 'Field errors.'), '401': unauthorized, '403': { ...forbidden, description: ASSIGN_ROLE_REQUIRED }, '404': notFound },
      },
    },
    [CREW_PATHS.interests]: {
      get: { operationId: 'listCrewInterests', summary: 'The order\'s crew interests (a crew member sees their own).', security, parameters: getParams, responses: { '200': json(ids.list, 'Oldest first.'), '400': invalid, '401': unauthorized, '403': forbidden, '404': notFound } },
      post: {
        operationId: 'registerCrewInterest',
        summary: 'Register interest in staking the order (crew only, inside their coverage); registering again revises the offer and renews its time.',
        description: `${EXTENSION} ${CREW_ROLE_REQUIRED}`,
        security,
        parameters: orderParams,
        requestBody: body(ids.interestRequest),
        responses: { '201': json(ids.interest, 'Registered.'), '200': json(ids.interest, 'The active interest revised.'), '400': invalid, '401': unauthorized, '403': forbidden, '404': notFound, '409': conflict },
      },
    },
    [CREW_PATHS.withdraw]: {
      post: { operationId: 'withdrawCrewInterest', summary: 'Withdraw the signed-in crew member\'s active interest.', security, parameters: orderParams, responses: { '200': json(ids.interest, 'Withdrawn.'), '401': unauthorized, '403': forbidden, '404': notFound, '409': conflict } },
    },
    [CREW_PATHS.assign]: {
      post: {
        operationId: 'assignCrew',
        summary: 'Assign the named crew member\'s active interest (manager or admin); every other active interest is rejected with the reason.',
        security,
        parameters: orderParams,
        requestBody: body(ids.assign),
        responses: { '200': json(ids.list, 'The order\'s interests after the decision.'), '400': invalid, '401': unauthorized, '403': { ...forbidden, description: ASSIGN_ROLE_REQUIRED }, '404': notFound, '409': conflict },
      },
    },
  };
  return { paths, schemaIds: Object.values(ids) };
}
