/**
 * POST /api/v2/claims/documents/: a staff member's staking package for an order, as
 * multipart/form-data, with a required Idempotency-Key. Which orders accept an upload, and the 409s for
 * the others, are in ../fulfilment/order-rules.ts; the idempotency semantics in ../http/idempotency.ts.
 *
 *   201  {documents, package, order}; a replay of the same key and content answers the stored body again
 *        (Idempotent-Replayed: true) without doing anything
 *   400  bad or missing fields / files (DRF field errors), a missing or malformed Idempotency-Key, or an
 *        unreadable multipart body
 *   401 / 403  not signed in / not staff
 *   404  no such order
 *   409  the order cannot take this upload (cancelled, on hold, not paid, completed without its package id,
 *        or a claim_package_id that is not the order's package)
 *   413  a file over 50 MB, more than 40 files, 200 MB in all
 *   415  not multipart/form-data
 *   422  the Idempotency-Key was used before for a different request
 */
import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '../../shared/api/geodb.schemas';
import { applyUpload } from '../fulfilment/upload.service';
import { parseUploadForm } from '../fulfilment/upload-form';
import { requireStaff } from '../http/auth.guard';
import { readIdempotencyKey, requestFingerprint, requestPath, runIdempotent, sendIdempotent } from '../http/idempotency';
import { formContent, readMultipartForm } from '../http/multipart-form';
import type { ServerProfile } from '../http/server-profile';
import type { ReferenceStore } from '../store/reference-store';

export function registerDocumentRoutes(app: FastifyInstance, store: ReferenceStore, profile: ServerProfile): void {
  app.post(API_PATHS.claimDocuments, async (request, reply) => {
    const user = await requireStaff(request, store);
    const key = profile.idempotency ? readIdempotencyKey(request, true) : undefined;
    const form = await readMultipartForm(request);
    const path = requestPath(request);
    const scope = { key, method: 'POST', path, userId: user.id, fingerprint: requestFingerprint('POST', path, formContent(form)) };
    const result = await runIdempotent(store, scope, async (trx) => {
      // Checked after the key lookup: a replay answers even if the order has moved on since.
      const parsed = parseUploadForm(form);
      const body = await applyUpload(trx, { form: parsed, userId: user.id, now: new Date().toISOString(), reuseOrderPackage: profile.uploadsReuseOrderPackage });
      return profile.upload(body);
    });
    return sendIdempotent(reply, result);
  });
}
