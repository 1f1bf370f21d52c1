/** OpenAPI paths of document upload into ClaimPackages and of staff status changes. */
import {
  API_PATHS,
  claimDocumentsUploadFormSchema,
  claimDocumentsUploadResponseSchema,
  claimPackageSchema,
  codedErrorBodySchema,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  ORDER_TYPES,
  orderStatusChangeRequestSchema,
  orderStatusChangeResponseSchema,
} from '../../shared/api/geodb.schemas';
import { UPLOAD_LIMITS } from '../http/multipart-form';
import { idOf, json, jsonOneOf, ref, type JsonObject } from './openapi.helpers';

export interface SharedResponses {
  security: JsonObject[];
  unauthorized: JsonObject;
  forbidden: JsonObject;
  validationId: string;
  errorId: string;
}

const MB = 1024 * 1024;

const UPLOAD_DESCRIPTION = [
  'In one transaction: reuse the order\'s ClaimPackage or create one linked to the order, store every file part and link it to the package (claim_order documents are linked to the order as well), upsert the claims as LandHoldings of the project by name and link them, set the package to complete and complete the order (claim_purchase → completed, claim_order → fulfilled), which takes it off the pending list.',
  'A file whose name and SHA-256 are already in the package is not stored again (its existing document is returned); new content under a known name becomes the next version.',
  'Which orders accept an upload: claim_purchase processing / pending / in_progress and claim_order paid / approved / in_progress. A completed order accepts more documents only with claim_package_id = its package (re-generating adds to the same package). Otherwise 409: order_cancelled (cancelled, rejected), order_on_hold (lift the hold first), order_not_open (e.g. pending_approval), order_completed (no claim_package_id), package_mismatch (claim_package_id is not the order\'s package: another order\'s, unknown, or the order has none yet).',
  `${IDEMPOTENCY_KEY_HEADER} is required. The same key with the same content answers the stored response again (${IDEMPOTENT_REPLAYED_HEADER}: true) and does nothing; the same key with different content is refused with 422. Only successful answers are remembered: a refused request changed nothing and may be retried with its key.`,
  `Limits: ${UPLOAD_LIMITS.fileBytes / MB} MB per file, ${UPLOAD_LIMITS.files} files, ${UPLOAD_LIMITS.totalBytes / MB} MB in all.`,
].join('\n\n');

const STATUS_DESCRIPTION = [
  'Staff mark an order in_progress, on_hold or cancelled. in_progress and on_hold orders stay on the pending list; cancelled ones leave it. Every change is kept in the order\'s status history with the reason.',
  'Allowed from the open statuses (claim_purchase processing / pending, claim_order paid / approved), in_progress and on_hold; the status the order already has answers 200 with changed: false and writes nothing (so does cancelling a cancelled order). 409: order_completed (completed, fulfilled), order_cancelled (reopening a cancelled or rejected order), order_not_open (e.g. pending_approval).',
  `${IDEMPOTENCY_KEY_HEADER} is optional; when sent it behaves as on the upload.`,
].join('\n\n');

export function fulfilmentPaths(shared: SharedResponses): { paths: JsonObject; schemaIds: string[] } {
  const ids = {
    form: idOf(claimDocumentsUploadFormSchema),
    uploaded: idOf(claimDocumentsUploadResponseSchema),
    coded: idOf(codedErrorBodySchema),
    statusRequest: idOf(orderStatusChangeRequestSchema),
    statusResponse: idOf(orderStatusChangeResponseSchema),
    pkg: idOf(claimPackageSchema),
  };
  const { security, unauthorized, forbidden, validationId, errorId } = shared;
  const keyHeader = (required: boolean): JsonObject => ({
    name: IDEMPOTENCY_KEY_HEADER,
    in: 'header',
    required,
    schema: { type: 'string', minLength: 1, maxLength: 255 },
    description: 'A new random value (e.g. a UUID) per logical request, reused unchanged on every retry of it.',
  });
  const replayedHeader = { [IDEMPOTENT_REPLAYED_HEADER]: { description: 'true when this is the stored answer of an earlier request with the same key.', schema: { type: 'string' } } };
  const reused = json(ids.coded, 'The Idempotency-Key was used before by the same user for a different request (code idempotency_key_reused). Keys are scoped by user.');
  const notFound = json(errorId, 'No such order or package: {"detail": "..."}.');

  const paths: JsonObject = {
    [API_PATHS.claimDocuments]: {
      post: {
        operationId: 'uploadClaimDocuments',
        summary: 'Upload an order\'s documents; links them to its ClaimPackage and completes the order (staff only).',
        description: UPLOAD_DESCRIPTION,
        security,
        parameters: [keyHeader(true)],
        requestBody: {
          required: true,
          content: { 'multipart/form-data': { schema: ref(ids.form), encoding: { claims: { contentType: 'application/json' } } } },
        },
        responses: {
          '201': { ...json(ids.uploaded, 'Stored and linked (or the replay of an earlier identical request).'), headers: replayedHeader },
          '400': jsonOneOf([validationId, ids.coded, errorId], 'Field errors ({"claims": ["Value must be valid JSON."]}), a missing or malformed Idempotency-Key (coded), or an unreadable multipart body ({"detail"}).'),
          '401': unauthorized,
          '403': forbidden,
          '404': notFound,
          '409': json(ids.coded, 'The order cannot take this upload; code and order_status say why.'),
          '413': json(errorId, 'A file, the number of files or the total size is over the limit.'),
          '415': json(errorId, 'Not multipart/form-data.'),
          '422': reused,
        },
      },
    },
    [API_PATHS.orderStatus]: {
      patch: {
        operationId: 'changeStaffOrderStatus',
        summary: 'Mark an order in progress, on hold or cancelled (staff only).',
        description: STATUS_DESCRIPTION,
        security,
        parameters: [
          { name: 'order_type', in: 'path', required: true, schema: { type: 'string', enum: [...ORDER_TYPES] } },
          { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
          keyHeader(false),
        ],
        requestBody: { required: true, content: { 'application/json': { schema: ref(ids.statusRequest) } } },
        responses: {
          '200': { ...json(ids.statusResponse, 'The order\'s status after the request.'), headers: replayedHeader },
          '400': jsonOneOf([validationId, ids.coded], 'Field errors ({"status": ["\\"done\\" is not a valid choice ..."]}) or a malformed Idempotency-Key.'),
          '401': unauthorized,
          '403': forbidden,
          '404': notFound,
          '409': json(ids.coded, 'The order\'s status cannot change this way; code and order_status say why.'),
          '422': reused,
        },
      },
    },
    [API_PATHS.claimPackage]: {
      get: {
        operationId: 'getClaimPackage',
        summary: 'A ClaimPackage with its documents (metadata and SHA-256, no bytes) and LandHoldings (staff only).',
        security,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '200': json(ids.pkg, 'The package.'), '401': unauthorized, '403': forbidden, '404': notFound },
      },
    },
  };
  return { paths, schemaIds: Object.values(ids) };
}
