/**
 * Reads a whole multipart/form-data request into memory with limits: the upload needs every part (and every
 * file's SHA-256) before it can check the Idempotency-Key fingerprint, and the reference server's files are
 * small staking packages. Errors come out in the server's DRF style.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './http-errors';

export const UPLOAD_LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  files: 40,
  fields: 16,
  fieldBytes: 16 * 1024 * 1024,
  totalBytes: 200 * 1024 * 1024,
} as const;

const MB = 1024 * 1024;

export interface FormFile {
  fieldname: string;
  filename: string;
  mimetype: string;
  data: Buffer;
  sha256: string;
}

export interface MultipartForm {
  /** Text parts as sent; a part declared application/json arrives already parsed. */
  fields: Map<string, unknown>;
  files: FormFile[];
}

/** Options for the plugin, registered once in app.ts. */
export const MULTIPART_PLUGIN_OPTIONS = {
  limits: {
    fileSize: UPLOAD_LIMITS.fileBytes,
    files: UPLOAD_LIMITS.files,
    fields: UPLOAD_LIMITS.fields,
    fieldSize: UPLOAD_LIMITS.fieldBytes,
    parts: UPLOAD_LIMITS.files + UPLOAD_LIMITS.fields,
  },
  throwFileSizeLimit: true,
};

const LIMIT_MESSAGES: Record<string, string> = {
  FST_REQ_FILE_TOO_LARGE: `A file is larger than ${UPLOAD_LIMITS.fileBytes / MB} MB.`,
  FST_FILES_LIMIT: `Too many files: at most ${UPLOAD_LIMITS.files} per upload.`,
  FST_FIELDS_LIMIT: `Too many fields: at most ${UPLOAD_LIMITS.fields}.`,
  FST_PARTS_LIMIT: `Too many parts: at most ${UPLOAD_LIMITS.files + UPLOAD_LIMITS.fields}.`,
};

function translate(error: unknown): HttpError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && code in LIMIT_MESSAGES) return new HttpError(413, { detail: LIMIT_MESSAGES[code] });
  if (code === 'FST_INVALID_JSON_FIELD_ERROR') {
    return new HttpError(400, { non_field_errors: ['A part sent as application/json is not valid JSON.'] });
  }
  return new HttpError(400, { detail: `Multipart form parse error - ${message}` });
}

export async function readMultipartForm(request: FastifyRequest): Promise<MultipartForm> {
  if (!request.isMultipart()) {
    const type = request.headers['content-type'] ?? '';
    throw new HttpError(415, { detail: `Unsupported media type "${type}" in request.` });
  }
  const fields = new Map<string, unknown>();
  const files: FormFile[] = [];
  const duplicates = new Set<string>();
  let total = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        total += data.length;
        if (total > UPLOAD_LIMITS.totalBytes) {
          throw new HttpError(413, { detail: `The files add up to more than ${UPLOAD_LIMITS.totalBytes / MB} MB.` });
        }
        const sha256 = createHash('sha256').update(data).digest('hex');
        files.push({ fieldname: part.fieldname, filename: part.filename, mimetype: part.mimetype, data, sha256 });
        continue;
      }
      if (part.valueTruncated) {
        throw new HttpError(413, { detail: `Field "${part.fieldname}" is larger than ${UPLOAD_LIMITS.fieldBytes / MB} MB.` });
      }
      if (fields.has(part.fieldname)) duplicates.add(part.fieldname);
      fields.set(part.fieldname, part.value);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw translate(error);
  }
  if (duplicates.size > 0) {
    throw new HttpError(400, Object.fromEntries([...duplicates].map((name) => [name, ['Send this field once.']])));
  }
  return { fields, files };
}

/** What identifies the form's content for the Idempotency-Key fingerprint (bytes stand in as their hashes). */
export function formContent(form: MultipartForm): unknown {
  const files = form.files.map((f) => [f.fieldname, f.filename, f.sha256].join('\n')).sort();
  return { fields: Object.fromEntries(form.fields), files };
}
