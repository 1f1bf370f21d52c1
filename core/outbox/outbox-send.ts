/**
 * Turns one outbox entry into its request and sends it. Runs outside any transaction; the only state it reads
 * is the entry, its snapshot folder and the job's current server package id (an earlier upload may have set
 * it since this entry was queued).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { uploadDocumentTypeSchema, type UploadDocumentType } from '../../shared/api/geodb.schemas';
import type { UploadReceipt } from '../../shared/api/answer-readers';
import type { AnyOrderEventRequest, OrderEventRequest } from '../../shared/api/order-events.schemas';
import { crewOrderPath } from '../../shared/api/crews.schemas';
import { crewPayloadSchema } from '../../shared/crews/crew-payload';
import { MANIFEST_FILE } from '../../shared/documents/package-files';
import { assignmentPayloadSchema, eventPayloadSchema, isFilingPayload, statusPayloadSchema, uploadPayloadSchema, type EventPayload, type UploadPayload } from '../../shared/outbox/outbox.types';
import { RequestError, type AssignmentAnswer, type Credential, type GeoDbClient, type UploadFile } from '../api/geodb-client';
import type { OutboxDocumentRow, OutboxRow } from '../repos/outbox.repo';
import { OUTBOX_DIR } from './outbox-queue';

/**
 * A delivered entry: for an upload, the package facts the job keeps (read tolerantly by the client) and what it
 * carried (its payload, read once); for every kind, the answer as received, serialised for support (`answerJson`).
 */
export type SendAnswer = ({ kind: 'upload'; receipt: UploadReceipt; payload: UploadPayload } | { kind: 'status' } | { kind: 'event' } | { kind: 'assignment'; answer: AssignmentAnswer } | { kind: 'crew' }) & {
  answerJson: string;
};

/** Kept with the entry for support; a huge or unserialisable answer is noted instead of stored. */
const MAX_ANSWER_JSON = 64 * 1024;

export function answerJson(body: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(body ?? null);
  } catch {
    text = undefined;
  }
  if (text === undefined) return JSON.stringify({ note: 'the answer could not be serialised' });
  return text.length <= MAX_ANSWER_JSON ? text : JSON.stringify({ note: `the answer was ${text.length} characters long and is not kept` });
}

export interface SendContext {
  client: GeoDbClient;
  /** The token with the server that issued it; the client refuses to send it anywhere else. */
  auth: Credential;
  dataDir: string;
  documents: OutboxDocumentRow[];
  /** An upload's files, read ahead while the previous request was in flight (null or absent: read them now). */
  snapshot?: Promise<SnapshotFiles | null>;
  /** Resolves when the request may leave (the previous outcome is on disk); it is prepared meanwhile. */
  mayRequest?: Promise<void>;
}

/** An upload's snapshot as read: each document by file name, and the manifest when the snapshot has one. */
export interface SnapshotFiles {
  documents: Map<string, Uint8Array>;
  manifest: Uint8Array | null;
}

/** Reads an upload's snapshot side by side (each read is several round trips to the file-system threads, which overlap). */
export async function readSnapshot(dataDir: string, entryId: string, documents: readonly Pick<OutboxDocumentRow, 'file_name'>[]): Promise<SnapshotFiles> {
  const folder = join(dataDir, OUTBOX_DIR, entryId);
  const [manifest, ...read] = await Promise.all([readFile(join(folder, MANIFEST_FILE)).catch(() => null), ...documents.map((doc) => readFile(join(folder, doc.file_name)))]);
  return { documents: new Map(documents.map((doc, i) => [doc.file_name, new Uint8Array(read[i]!)])), manifest: manifest && new Uint8Array(manifest) };
}

/** "location-notices" → "location_notices": the server names file parts by document type. */
function uploadType(kind: string): UploadDocumentType {
  const type = uploadDocumentTypeSchema.safeParse(kind.replace(/-/g, '_'));
  return type.success ? type.data : 'other';
}

async function sendUpload(entry: OutboxRow, context: SendContext): Promise<SendAnswer> {
  const payload = uploadPayloadSchema.parse(JSON.parse(entry.payload_json));
  if (payload.projectId === null) {
    throw new RequestError({ kind: 'http', status: 400, serverMessage: 'The order has no project to save the package to.', retryAfterMs: null });
  }
  // Taking the entry pinned it (outbox-lease.repo.ts): every attempt names the package its first attempt named.
  if (payload.sentPackageId === undefined) throw new Error('The upload was not pinned to a package when it was taken.');
  const packageId = payload.sentPackageId;
  // What was read ahead is used when it holds every document; a read ahead that failed is read again here, so the
  // entry fails, if it does, with its own error.
  const ahead = await context.snapshot?.catch(() => null);
  const read = ahead && context.documents.every((doc) => ahead.documents.has(doc.file_name)) ? ahead : await readSnapshot(context.dataDir, entry.id, context.documents);
  const files: UploadFile[] = context.documents.map((doc) => ({ type: uploadType(doc.kind), name: doc.file_name, mediaType: doc.media_type, bytes: read.documents.get(doc.file_name)! }));
  if (read.manifest) files.push({ type: 'manifest', name: MANIFEST_FILE, mediaType: 'application/json', bytes: read.manifest });
  const { receipt, body } = await context.client.uploadDocuments(
    context.auth,
    {
      order_id: payload.orderId,
      order_type: payload.orderType,
      project_id: payload.projectId,
      save_to_project: true,
      ...(packageId !== null ? { claim_package_id: packageId } : {}),
      claims: payload.claims,
    },
    files,
    entry.id,
    { ready: context.mayRequest },
  );
  return { kind: 'upload', receipt, payload, answerJson: answerJson(body) };
}

/** The request body of an order event: an override's guards and reason, or a filing's details. */
function eventBody(payload: EventPayload): AnyOrderEventRequest {
  const common = { from_state: payload.from, to_state: payload.to, actor: payload.actor, occurred_at: payload.occurredAt, client_ref: `job-transition-${payload.logId}` };
  if (isFilingPayload(payload)) {
    return {
      event: payload.event,
      ...common,
      ...(payload.countyRecording ? { county_recording: payload.countyRecording } : {}),
      ...(payload.blmFiling ? { blm_filing: payload.blmFiling } : {}),
    };
  }
  return { event: payload.event, ...common, overridden: payload.overridden as OrderEventRequest['overridden'], reason: payload.reason };
}

/** A workflow override or a filing as the server's order event (POST …/orders/{type}/{id}/events/). */
async function sendEvent(entry: OutboxRow, context: SendContext): Promise<SendAnswer> {
  const payload = eventPayloadSchema.parse(JSON.parse(entry.payload_json));
  const body = eventBody(payload);
  const answer = await context.client.postOrderEvent(context.auth, { orderType: payload.orderType, id: payload.orderId }, body, entry.id);
  return { kind: 'event', answerJson: answerJson(answer) };
}

/** A claim, release or take-over (the server's answer, whatever it is, is read by assignment-outcome.ts). */
async function sendAssignment(entry: OutboxRow, context: SendContext): Promise<SendAnswer> {
  const payload = assignmentPayloadSchema.parse(JSON.parse(entry.payload_json));
  const action = payload.action === 'take_over' ? 'takeOver' : payload.action;
  const body = payload.action === 'take_over' ? { reason: payload.reason ?? '', ...(payload.to ? { username: payload.to } : {}) } : {};
  const answer = await context.client.postAssignment(context.auth, action, { orderType: payload.orderType, id: payload.orderId }, body, entry.id);
  return { kind: 'assignment', answer, answerJson: answerJson(answer.body) };
}

/**
 * A crew decision (our extension of the contract, shared/api/crews.schemas.ts). A server without crews answers 404:
 * the entry then fails with a sentence that says so instead of a bare "Not found", and is never retried by itself.
 */
async function sendCrew(entry: OutboxRow, context: SendContext): Promise<SendAnswer> {
  const payload = crewPayloadSchema.parse(JSON.parse(entry.payload_json));
  const { orderType, orderId } = payload;
  const request =
    payload.action === 'interest'
      ? { path: crewOrderPath('interests', orderType, orderId), body: { proposed_cost_cents: payload.proposedCostCents, earliest_date: payload.earliestDate, note: payload.note } }
      : payload.action === 'withdraw'
        ? { path: crewOrderPath('withdraw', orderType, orderId), body: {} }
        : { path: crewOrderPath('assign', orderType, orderId), body: { crew: payload.crew, reason: payload.reason } };
  try {
    const answer = await context.client.requestJson(context.auth, { method: 'POST', ...request, idempotencyKey: entry.id });
    return { kind: 'crew', answerJson: answerJson(answer) };
  } catch (error) {
    if (error instanceof RequestError && error.failure.kind === 'http' && error.failure.status === 404) {
      throw new RequestError({ ...error.failure, serverMessage: `${CREWS_NOT_FOUND} (${error.failure.serverMessage ?? 'Not found'})` });
    }
    throw error;
  }
}

export const CREWS_NOT_FOUND = 'the server does not know this order or does not support field crews';

export async function sendEntry(entry: OutboxRow, context: SendContext): Promise<SendAnswer> {
  if (entry.kind === 'upload') return sendUpload(entry, context);
  await context.mayRequest;
  if (entry.kind === 'assignment') return sendAssignment(entry, context);
  if (entry.kind === 'crew') return sendCrew(entry, context);
  if (entry.kind === 'event') return sendEvent(entry, context);
  const payload = statusPayloadSchema.parse(JSON.parse(entry.payload_json));
  const answer = await context.client.setOrderStatus(
    context.auth,
    { orderType: payload.orderType, id: payload.orderId },
    { status: payload.status, ...(payload.reason ? { reason: payload.reason } : {}) },
    entry.id,
  );
  return { kind: 'status', answerJson: answerJson(answer) };
}
