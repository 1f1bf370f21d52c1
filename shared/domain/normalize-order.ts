/**
 * normalizePendingOrder: one entry of GET /api/v2/claims/staff/pending-orders/ → a NormalizedOrder.
 *
 * Each order is checked on its own so one broken order never blocks the others, and every order with a
 * usable identity is kept (and listed) even when its data is broken: staff can see it, and its problems,
 * instead of it silently vanishing. Only an entry without an identity is refused, because the cache could
 * not key it, update it on the next sync or mark it gone.
 *
 * | field              | class    | missing / wrong type →                                                   |
 * |--------------------|----------|--------------------------------------------------------------------------|
 * | order_type         | identity | refused. Half of the cache key; the two types are separate server tables  |
 * | id                 | identity | refused. Other half of the key ("12" accepted with a warning)             |
 * | order_number       | expected | CPO-?-<id> / CO-?-<id> + warning. Staff search by it; a visible stand-in  |
 * | status             | expected | "unknown" + warning. Only shown and filtered on                           |
 * | created_at         | expected | "" + warning (kept as sent, warned, if not ISO 8601). FIFO sort key       |
 * | customer_email     | expected | "" + warning. Contact only                                                |
 * | company_name       | expected | "" + warning. Display only                                                |
 * | project_name       | expected | "" + warning. Display only                                                |
 * | claim_count        | expected | polygon count + warning. What was paid for; compared with the polygons    |
 * | claim_polygons     | expected | problem (from parseClaimPolygons): nothing to fulfil without it          |
 * | staking_service    | expected | false + warning; "yes"/1/"true" coerced + warning                         |
 * | expedited_delivery | expected | false + warning; coerced like staking_service                             |
 * | claimant_info      | expected | claim_order: null + warning (staff must enter it). claim_purchase: null   |
 * |                    |          | is normal (the contract says so), so no warning. Malformed → null + warn. |
 * | project_id         | optional | null is legitimate; a missing key or wrong type → null + warning          |
 * | claim_package_id   | optional | null until a package exists; missing / wrong type → null + warning        |
 * | status_display,    | tolerated| The real server sends them (the QGIS plugin reads them) though the       |
 * | company_id         |          | contract lists neither; ignored silently so no order carries a warning.  |
 * | anything else      | unknown  | ONE warning listing them all, then ignored                                |
 *
 * Text longer than ORDER_LIMITS.maxTextChars (order-limits.ts) in any field is cut there with a problem naming
 * the field: no order number, name or address is that long, and a 10 MB "name" must not reach the cache.
 */
import { claimantInfoSchema, ORDER_TYPES, PENDING_ORDER_FIELDS, type ClaimantInfo, type OrderType } from '../api/geodb.schemas';
import { parseClaimPolygons } from '../geometry/claim-polygons';
import { formatCount, ORDER_LIMIT_CODES, ORDER_LIMITS } from './order-limits';
import type { NormalizedOrder, NormalizeOrderResult } from './normalized-order.types';
import type { OrderIssue } from './order.types';

export const ORDER_WARNING_CODES = {
  idCoerced: 'order_id_coerced',
  orderTypeCoerced: 'order_type_coerced',
  fieldMissing: 'order_field_missing',
  fieldInvalid: 'order_field_invalid',
  fieldCoerced: 'order_field_coerced',
  createdAtInvalid: 'order_created_at_invalid',
  claimantInfoMissing: 'claimant_info_missing',
  claimantInfoMalformed: 'claimant_info_malformed',
  unknownFields: 'order_unknown_fields',
  claimCountMismatch: 'claim_count_mismatch',
} as const;
const W = ORDER_WARNING_CODES;

const TOLERATED_EXTRA_FIELDS = ['status_display', 'company_id'] as const;
const KNOWN_FIELDS: ReadonlySet<string> = new Set<string>([...PENDING_ORDER_FIELDS, ...TOLERATED_EXTRA_FIELDS]);
const ORDER_NUMBER_PREFIX: Record<OrderType, string> = { claim_purchase: 'CPO', claim_order: 'CO' };
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '']);

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** For messages: `"text"`, `12`, `null`, `a list`. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'an object';
  return String(value);
}

function warn(warnings: OrderIssue[], code: string, message: string): void {
  warnings.push({ code, message });
}

/** A positive safe integer, from a number or a string of digits. */
function positiveInt(value: unknown): number | null {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

type Identity = { ok: true; orderType: OrderType; id: number; warnings: OrderIssue[] } | { ok: false; reason: string };

function readIdentity(raw: Fields, index: number): Identity {
  const warnings: OrderIssue[] = [];
  const refuse = (why: string): Identity => {
    // Whatever identifying information exists, so staff can chase the entry on the server.
    const hints = ['order_number', 'order_type', 'id']
      .filter((key) => raw[key] !== undefined && raw[key] !== null && raw[key] !== '')
      .map((key) => `${key} ${show(raw[key])}`);
    const known = hints.length > 0 ? ` (${hints.join(', ')})` : '';
    return { ok: false, reason: `Order at index ${index}${known} cannot be stored: ${why}` };
  };

  const rawType = raw.order_type;
  const typeText = typeof rawType === 'string' ? rawType.trim().toLowerCase() : null;
  const orderType = ORDER_TYPES.find((t) => t === typeText);
  if (orderType === undefined) {
    return refuse(`order_type is ${show(rawType)}, expected one of ${ORDER_TYPES.join(', ')}`);
  }
  if (rawType !== orderType) {
    warn(warnings, W.orderTypeCoerced, `order_type ${show(rawType)} read as "${orderType}"`);
  }

  const id = positiveInt(raw.id);
  if (id === null) return refuse(`id is ${show(raw.id)}, expected a positive integer`);
  if (typeof raw.id === 'string') warn(warnings, W.idCoerced, `id arrived as the text ${show(raw.id)}; read as ${id}`);
  return { ok: true, orderType, id, warnings };
}

/** Field readers: each returns a safe value and records a warning when it had to fall back or convert. */
class FieldReader {
  readonly warnings: OrderIssue[] = [];
  readonly problems: OrderIssue[] = [];
  constructor(private readonly raw: Fields) {}

  /** Text cut at the cap, with a problem naming the field. */
  text(field: string, value: string): string {
    if (value.length <= ORDER_LIMITS.maxTextChars) return value;
    const message = `${field} is ${formatCount(value.length)} characters long; ClaimDesk keeps at most ${formatCount(ORDER_LIMITS.maxTextChars)} (cut there)`;
    this.problems.push({ code: ORDER_LIMIT_CODES.textTooLong, message });
    return value.slice(0, ORDER_LIMITS.maxTextChars);
  }

  private fallback<T>(field: string, value: unknown, result: T, shown: string): T {
    if (value === undefined || value === null) {
      warn(this.warnings, W.fieldMissing, `${field} is ${value === null ? 'null' : 'missing'}; using ${shown}`);
    } else {
      warn(this.warnings, W.fieldInvalid, `${field} is ${show(value)}, not the expected type; using ${shown}`);
    }
    return result;
  }

  string(field: string, fallback: string): string {
    const value = this.raw[field];
    if (typeof value === 'string') return this.text(field, value);
    if (typeof value === 'number' || typeof value === 'boolean') {
      warn(this.warnings, W.fieldCoerced, `${field} arrived as ${show(value)} instead of text; read as "${String(value)}"`);
      return String(value);
    }
    return this.fallback(field, value, fallback, fallback === '' ? 'an empty value' : `"${fallback}"`);
  }

  /** A non-negative integer (nullable fields: null is a legitimate value and is not warned about). */
  integer(field: string, nullable: true): number | null;
  integer(field: string, nullable: false, fallback: number, shown: string): number;
  integer(field: string, nullable: boolean, fallback: number | null = null, shown = 'null'): number | null {
    const value = this.raw[field];
    if (value === null && nullable) return null;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    if (typeof value === 'string' && /^\s*\d+\s*$/.test(value) && Number.isSafeInteger(Number(value))) {
      warn(this.warnings, W.fieldCoerced, `${field} arrived as the text ${show(value)}; read as ${Number(value)}`);
      return Number(value);
    }
    return this.fallback(field, value, fallback, shown);
  }

  boolean(field: string): boolean {
    const value = this.raw[field];
    if (typeof value === 'boolean') return value;
    const word = typeof value === 'string' ? value.trim().toLowerCase() : typeof value === 'number' ? String(value) : null;
    if (word !== null && (TRUE_WORDS.has(word) || FALSE_WORDS.has(word))) {
      const result = TRUE_WORDS.has(word);
      warn(this.warnings, W.fieldCoerced, `${field} arrived as ${show(value)} instead of true/false; read as ${result}`);
      return result;
    }
    return this.fallback(field, value, false, 'false');
  }
}

function readClaimantInfo(value: unknown, orderType: OrderType, warnings: OrderIssue[]): ClaimantInfo | null {
  if (value === null || value === undefined) {
    // The contract says claim_purchase (BLM Map) orders never carry claimant info; QPlugin orders should.
    if (orderType === 'claim_order') {
      warn(warnings, W.claimantInfoMissing, 'No claimant info on this order; it will need to be entered before documents are generated');
    }
    return null;
  }
  let candidate: unknown = value;
  if (typeof value === 'string') {
    // Legacy rows hold JSON serialised as text (as with claim_polygons); anything unparseable is malformed.
    try {
      candidate = JSON.parse(value) as unknown;
    } catch {
      candidate = value;
    }
  }
  const parsed = isRecord(candidate) ? claimantInfoSchema.safeParse(candidate) : null;
  if (parsed?.success) {
    const long = Object.entries(parsed.data).find(([, text]) => typeof text === 'string' && text.length > ORDER_LIMITS.maxTextChars);
    if (!long) return parsed.data;
    const message = `claimant_info.${long[0]} is ${formatCount(String(long[1]).length)} characters long (at most ${formatCount(ORDER_LIMITS.maxTextChars)}); ignored, it will need to be entered`;
    warn(warnings, W.claimantInfoMalformed, message);
    return null;
  }
  const issue = parsed?.error.issues[0];
  const detail = issue ? `${issue.path.join('.') || 'value'}: ${issue.message}` : `got ${show(value)}`;
  warn(warnings, W.claimantInfoMalformed, `claimant_info is malformed (${detail}); ignored, it will need to be entered`);
  return null;
}

function readCreatedAt(reader: FieldReader, raw: Fields, warnings: OrderIssue[]): string {
  const createdAt = reader.string('created_at', '');
  if (typeof raw.created_at === 'string' && (!ISO_8601.test(createdAt.trim()) || Number.isNaN(Date.parse(createdAt)))) {
    warn(warnings, W.createdAtInvalid, `created_at ${show(createdAt)} is not an ISO 8601 timestamp; orders may sort out of FIFO order`);
  }
  return createdAt;
}

export function normalizePendingOrder(raw: unknown, index: number): NormalizeOrderResult {
  if (!isRecord(raw)) {
    return { ok: false, reason: `Order at index ${index} cannot be stored: it is ${show(raw)}, not an order object` };
  }
  const identity = readIdentity(raw, index);
  if (!identity.ok) return { ok: false, reason: identity.reason };
  const { orderType, id } = identity;

  const reader = new FieldReader(raw);
  const warnings = reader.warnings;
  warnings.push(...identity.warnings);

  let orderNumber: string;
  if (typeof raw.order_number === 'string' && raw.order_number.trim() !== '') {
    orderNumber = reader.text('order_number', raw.order_number.trim());
  } else if (typeof raw.order_number === 'number' && Number.isFinite(raw.order_number)) {
    orderNumber = String(raw.order_number);
    warn(warnings, W.fieldCoerced, `order_number arrived as ${orderNumber} instead of text; read as "${orderNumber}"`);
  } else {
    orderNumber = `${ORDER_NUMBER_PREFIX[orderType]}-?-${id}`;
    const what = raw.order_number === undefined ? 'missing' : `${show(raw.order_number)}`;
    warn(warnings, W.fieldMissing, `order_number is ${what}; shown as ${orderNumber}`);
  }
  const status = reader.string('status', 'unknown');
  const createdAt = readCreatedAt(reader, raw, warnings);
  const customerEmail = reader.string('customer_email', '');
  const companyName = reader.string('company_name', '');
  const projectId = reader.integer('project_id', true);
  const projectName = reader.string('project_name', '');
  const claimPackageId = reader.integer('claim_package_id', true);
  const stakingService = reader.boolean('staking_service');
  const expedited = reader.boolean('expedited_delivery');
  const claimantInfo = readClaimantInfo(raw.claimant_info, orderType, warnings);

  const polygons = parseClaimPolygons(raw.claim_polygons);
  const polygonCount = polygons.polygonCount;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const claimCount = reader.integer('claim_count', false, polygonCount, `the ${plural(polygonCount, 'polygon')} received`);

  const unknown = Object.keys(raw).filter((key) => !KNOWN_FIELDS.has(key));
  if (unknown.length > 0) {
    // Names as sent can be anything: shown short, and at most twenty of them.
    const shown = unknown.slice(0, 20).map((key) => (key.length > 40 ? `${key.slice(0, 40)}…` : key));
    const more = unknown.length > 20 ? ` and ${unknown.length - 20} more` : '';
    warn(warnings, W.unknownFields, `Unknown fields ignored: ${shown.join(', ')}${more}`);
  }

  warnings.push(...polygons.warnings);
  // With no polygons at all, claim_polygons already carries a problem saying so; a count warning would repeat it.
  if (claimCount !== polygonCount && polygonCount > 0) {
    const message = `${plural(claimCount, 'claim')} purchased but ${plural(polygonCount, 'polygon')} received`;
    warn(warnings, W.claimCountMismatch, message);
  }

  const order: NormalizedOrder = {
    orderType,
    id,
    orderNumber,
    status,
    createdAt,
    customerEmail,
    companyName,
    projectId,
    projectName,
    claimCount,
    claimantInfo,
    claimPackageId,
    stakingService,
    expedited,
    claims: polygons.claims,
    polygonCount,
    problems: [...reader.problems, ...polygons.problems],
    warnings,
  };
  return { ok: true, order };
}

/**
 * An order whose entry could not be read at all (reading it threw), kept under its identity with one problem
 * saying why, so staff see it and the next sync can update it; nothing else of it is trusted.
 */
export function unreadableOrder(orderType: OrderType, id: number, why: string): NormalizedOrder {
  return {
    orderType,
    id,
    orderNumber: `${ORDER_NUMBER_PREFIX[orderType]}-?-${id}`,
    status: 'unknown',
    createdAt: '',
    customerEmail: '',
    companyName: '',
    projectId: null,
    projectName: '',
    claimCount: 0,
    claimantInfo: null,
    claimPackageId: null,
    stakingService: false,
    expedited: false,
    claims: [],
    polygonCount: 0,
    problems: [{ code: ORDER_LIMIT_CODES.entryUnreadable, message: `ClaimDesk could not read this order: ${why}` }],
    warnings: [],
  };
}
