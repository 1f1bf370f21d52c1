/** OpenAPI path of the order events: workflow overrides and filings after delivery (POST to record one, GET to list an order's). */
import { API_PATHS, codedErrorBodySchema, IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, ORDER_TYPES } from '../../shared/api/geodb.schemas';
import { anyOrderEventRequestSchema, orderEventListResponseSchema, orderEventRequestSchema, orderEventResponseSchema, filingEventRequestSchema } from '../../shared/api/order-events.schemas';
import { OVERRIDE_ROLE_REQUIRED } from '../fulfilment/order-events.service';
import type { SharedResponses } from './fulfilment.openapi';
import { idOf, json, jsonOneOf, ref, type JsonObject } from './openapi.helpers';

const POST_DESCRIPTION = [
  'A manager or admin went past a blocked workflow transition in ClaimDesk (starting an order awaiting payment, delivering more claims than purchased, reopening a delivered or cancelled job) with a reason, and ClaimDesk\'s outbox reports it as a domain event. The server keeps it as an audit record; the order itself does not change.',
  'After delivery, ClaimDesk also reports what the county recorder and BLM answered for orders whose claims staff record and file: event COUNTY_RECORDED with county_recording (date, office, instrument number or book and page, fee) and BLM_FILED with blm_filing (date, the MLRS serial number of each claim, fees). Any staff member may record these. A GeoDB server that does not know them may refuse them; ClaimDesk keeps a refused event in its outbox to be retried or discarded.',
  `For an override, the signed-in user must be staff with role manager or admin (otherwise 403 {"detail": "${OVERRIDE_ROLE_REQUIRED}"}); actor is the username the override was made under in ClaimDesk, recorded_by the user who sent it. Any existing order may get an event, whatever its status.`,
  `${IDEMPOTENCY_KEY_HEADER} is required: the same key with the same body answers the stored response again (${IDEMPOTENT_REPLAYED_HEADER}: true) and stores nothing; the same key with a different body is refused with 422.`,
].join('\n\n');

export function orderEventPaths(shared: SharedResponses): { paths: JsonObject; schemaIds: string[] } {
  const ids = {
    request: idOf(anyOrderEventRequestSchema),
    override: idOf(orderEventRequestSchema),
    filing: idOf(filingEventRequestSchema),
    event: idOf(orderEventResponseSchema),
    list: idOf(orderEventListResponseSchema),
    coded: idOf(codedErrorBodySchema),
  };
  const { security, unauthorized, forbidden, validationId, errorId } = shared;
  const orderParams: JsonObject[] = [
    { name: 'order_type', in: 'path', required: true, schema: { type: 'string', enum: [...ORDER_TYPES] } },
    { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
  ];
  const notFound = json(errorId, 'No such order (or an unknown order type): {"detail": "Not found."}.');

  const paths: JsonObject = {
    [API_PATHS.orderEvents]: {
      get: {
        operationId: 'listStaffOrderEvents',
        summary: 'The order events (workflow overrides, county recordings, BLM filings) recorded for an order, oldest first (staff only).',
        security,
        parameters: orderParams,
        responses: { '200': json(ids.list, 'The order\'s events.'), '401': unauthorized, '403': forbidden, '404': notFound },
      },
      post: {
        operationId: 'recordStaffOrderEvent',
        summary: 'Record a workflow override (manager or admin only), or a county recording or BLM filing entered in ClaimDesk.',
        description: POST_DESCRIPTION,
        security,
        parameters: [
          ...orderParams,
          {
            name: IDEMPOTENCY_KEY_HEADER,
            in: 'header',
            required: true,
            schema: { type: 'string', minLength: 1, maxLength: 255 },
            description: 'A new random value (e.g. a UUID) per event, reused unchanged on every retry of it.',
          },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: ref(ids.request) } } },
        responses: {
          '201': {
            ...json(ids.event, 'Recorded (or the replay of an earlier identical request).'),
            headers: { [IDEMPOTENT_REPLAYED_HEADER]: { description: 'true when this is the stored answer of an earlier request with the same key.', schema: { type: 'string' } } },
          },
          '400': jsonOneOf([validationId, ids.coded], 'Field errors ({"reason": ["Ensure this field has at least 3 characters."]}) or a missing or malformed Idempotency-Key (coded).'),
          '401': unauthorized,
          '403': { ...forbidden, description: `Not staff ({"error": "Staff access required"}), or staff without role manager or admin ({"detail": "${OVERRIDE_ROLE_REQUIRED}"}).` },
          '404': notFound,
          '422': json(ids.coded, 'The Idempotency-Key was used before by the same user for a different request (code idempotency_key_reused). Keys are scoped by user.'),
        },
      },
    },
  };
  return { paths, schemaIds: Object.values(ids) };
}
