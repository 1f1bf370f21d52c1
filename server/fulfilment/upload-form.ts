/**
 * Turns the multipart parts of an upload into checked fields and typed files, or a DRF-style 400 naming
 * each bad field. Multipart text is read the way DRF's form parser would: digits as integers, "true" as a
 * boolean, `claims` as JSON text (or an application/json part the plugin has already parsed).
 */
import type { z } from 'zod';
import {
  claimDocumentsUploadFieldsSchema,
  UPLOAD_DOCUMENT_TYPES,
  type ClaimDocumentsUploadFields,
  type UploadDocumentType,
} from '../../shared/api/geodb.schemas';
import { HttpError } from '../http/http-errors';
import type { FormFile, MultipartForm } from '../http/multipart-form';

export interface UploadFile extends FormFile {
  documentType: UploadDocumentType;
}

export interface UploadForm {
  fields: ClaimDocumentsUploadFields;
  files: UploadFile[];
}

const INTEGER_FIELDS = new Set(['order_id', 'project_id', 'claim_package_id']);
const KNOWN_FIELDS = new Set(Object.keys(claimDocumentsUploadFieldsSchema.shape));
const BAD_JSON = Symbol('bad json');
/** A bare file name: 1-255 characters, no folders (either slash), no control characters. */
function isPlainFilename(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  return [...name].every((ch) => ch !== '/' && ch !== '\\' && ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f);
}

type FieldErrors = Record<string, string[]>;

function add(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}

function coerce(name: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (INTEGER_FIELDS.has(name)) return /^\d{1,15}$/.test(text) ? Number(text) : text === '' ? undefined : text;
  if (name === 'save_to_project') return text === 'true' ? true : text === 'false' ? false : text;
  if (name === 'claims') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return BAD_JSON;
    }
  }
  return text;
}

function messageFor(issue: z.core.$ZodIssue, raw: unknown): string {
  const field = String(issue.path[0]);
  if (raw === undefined) return 'This field is required.';
  if (field === 'save_to_project') return 'Must be true: order uploads are always saved to the project.';
  if (INTEGER_FIELDS.has(field)) return issue.code === 'invalid_type' ? 'A valid integer is required.' : 'Must be a positive integer.';
  if (field === 'order_type') return `"${String(raw)}" is not a valid choice (claim_purchase or claim_order).`;
  if (field === 'claims' && issue.path.length > 1) {
    const [, index, ...rest] = issue.path;
    const where = typeof index === 'number' ? `Claim ${index + 1}` : 'Claims';
    return `${where}${rest.length > 0 ? ` ${rest.join('.')}` : ''}: ${issue.message}`;
  }
  return issue.message;
}

function checkFiles(files: readonly FormFile[], errors: FieldErrors): UploadFile[] {
  if (files.length === 0) add(errors, 'non_field_errors', 'No file was submitted: send at least one document.');
  const seen = new Set<string>();
  const typed: UploadFile[] = [];
  for (const file of files) {
    const type = UPLOAD_DOCUMENT_TYPES.find((t) => t === file.fieldname);
    if (KNOWN_FIELDS.has(file.fieldname)) {
      add(errors, file.fieldname, 'Send this field as a text part, not a file.');
      continue;
    }
    if (type === undefined) {
      add(errors, file.fieldname, `"${file.fieldname}" is not a document type; name each file part by one of: ${UPLOAD_DOCUMENT_TYPES.join(', ')}.`);
      continue;
    }
    if (!isPlainFilename(file.filename)) {
      add(errors, file.fieldname, `File name "${file.filename}" is not allowed: 1-255 characters, no folders or control characters.`);
      continue;
    }
    if (seen.has(file.filename)) add(errors, file.fieldname, `"${file.filename}" is sent twice; each file name may appear once per upload.`);
    seen.add(file.filename);
    typed.push({ ...file, documentType: type });
  }
  return typed;
}

export function parseUploadForm(form: MultipartForm): UploadForm {
  const errors: FieldErrors = {};
  const values: Record<string, unknown> = {};
  for (const [name, raw] of form.fields) {
    if (!KNOWN_FIELDS.has(name)) {
      add(errors, name, UPLOAD_DOCUMENT_TYPES.some((t) => t === name) ? 'Send documents as file parts.' : 'Unknown field.');
      continue;
    }
    const value = coerce(name, raw);
    if (value === BAD_JSON) add(errors, name, 'Value must be valid JSON.');
    else if (value !== undefined) values[name] = value;
  }
  const files = checkFiles(form.files, errors);
  const parsed = claimDocumentsUploadFieldsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'non_field_errors');
      if (errors[field] !== undefined && issue.path.length <= 1) continue; // already explained above
      add(errors, field, messageFor(issue, values[field]));
    }
  }
  if (parsed.success) {
    const names = new Set<string>();
    for (const claim of parsed.data.claims) {
      if (names.has(claim.name)) add(errors, 'claims', `Claim names must be unique: "${claim.name}" appears more than once.`);
      names.add(claim.name);
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) throw new HttpError(400, errors);
  return { fields: parsed.data, files };
}
