/**
 * What ClaimDesk reads from the GeoDB server's answers, and nothing more. The zod schemas in geodb.schemas.ts
 * describe what OUR reference server sends (and document it in docs/openapi.json); a real GeoDB server only
 * promises what the order-fulfilment contract says, so the client never holds an answer to those schemas. Each
 * reader takes the one or two facts ClaimDesk needs, ignores every other field, and when a fact is missing
 * says which one, so a person can check the server.
 */

export type Reading<T> = { ok: true; value: T } | { ok: false; missing: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Django primary keys: a positive integer, or its digits as text (some serializers send ids as strings). */
export function readId(value: unknown): number | null {
  const n = typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

function readText(value: unknown, max = 200): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value.trim().slice(0, max);
}

// --- the documents upload ----------------------------------------------------------------------------------

export interface UploadReceipt {
  /** The ClaimPackage the documents were linked to: sent with every later upload of the order. */
  packageId: number;
  /** Its human number (e.g. "CP-2026-0042"), shown to staff; null when the server did not say. */
  packageNumber: string | null;
  /** The server's id per stored file, when it lists them (kept for support, never required). */
  documents: { filename: string; documentId: number }[];
}

/**
 * The package of an upload answer. The contract says only that the server links the documents to the order's
 * ClaimPackage and answers with the documents and that package; the QGIS plugin reads `package.id` and
 * `package.package_number`. Django REST serializers spell the same relation in three ways, all accepted:
 *   {package: {id, package_number}}              a nested serializer (what the plugin reads, our reference server)
 *   {package: 42, package_number: "CP-…"}        a primary-key related field beside a flat number
 *   {package_id: 42, package_number: "CP-…"}     flat model fields (`package_id` is the FK's attname)
 *   {claim_package: {id, package_number} | 42}   the serializer named after the order's `claim_package` relation
 *   {claim_package_id: 42, …}                    its attname, as the pending-orders list spells it
 * The first one that yields an id wins. Without an id ClaimDesk cannot add later uploads to the same package
 * (a second package for one order is exactly the duplicate the plugin suffered from), so that answer is refused.
 */
export function readUploadReceipt(body: unknown): Reading<UploadReceipt> {
  if (!isRecord(body)) return { ok: false, missing: 'a claim package id (the answer is not a JSON object)' };
  const candidates: [unknown, unknown][] = [
    [body.package, body.package_number],
    [body.package_id, body.package_number],
    [body.claim_package, body.claim_package_number ?? body.package_number],
    [body.claim_package_id, body.claim_package_number ?? body.package_number],
  ];
  for (const [ref, flatNumber] of candidates) {
    const nested = isRecord(ref);
    const packageId = nested ? readId(ref.id ?? ref.pk) : readId(ref);
    if (packageId === null) continue;
    const packageNumber = (nested ? readText(ref.package_number) : null) ?? readText(flatNumber);
    return { ok: true, value: { packageId, packageNumber, documents: readDocuments(body.documents) } };
  }
  return {
    ok: false,
    missing: 'a claim package id (looked for package.id, package, package_id, claim_package.id, claim_package and claim_package_id)',
  };
}

/** `documents` is optional and each entry on its own: an entry without a file name and id is passed over. */
function readDocuments(value: unknown): UploadReceipt['documents'] {
  if (!Array.isArray(value)) return [];
  const documents: UploadReceipt['documents'] = [];
  for (const item of value.slice(0, 1000)) {
    if (!isRecord(item)) continue;
    const filename = readText(item.filename ?? item.title ?? item.name, 255);
    const documentId = readId(item.document_id ?? item.id);
    if (filename !== null && documentId !== null) documents.push({ filename, documentId });
  }
  return documents;
}

// --- who is signed in --------------------------------------------------------------------------------------

export interface UserFacts {
  username: string | null;
  displayName: string | null;
  /** null: the answer did not say (a bare DRF token answer, or a user serializer without the flag). */
  isStaff: boolean | null;
  role: string | null;
}

/** A user object, bare or wrapped in {user: …}; every field optional. */
export function readUserFacts(body: unknown): UserFacts | null {
  const user = isRecord(body) && isRecord(body.user) ? body.user : body;
  if (!isRecord(user)) return null;
  const username = readText(user.username, 150) ?? readText(user.email, 254);
  const name = [readText(user.first_name, 150), readText(user.last_name, 150)].filter(Boolean).join(' ');
  const isStaff = typeof user.is_staff === 'boolean' ? user.is_staff : null;
  const role = typeof user.role === 'string' ? user.role.trim().toLowerCase() : null;
  if (username === null && isStaff === null && role === null) return null;
  return { username, displayName: name || null, isStaff, role };
}

/** The sign-in answer: Django REST's obtain_auth_token answers {token} and nothing else; a user is a bonus. */
export function readSignIn(body: unknown): Reading<{ token: string; user: UserFacts | null }> {
  if (!isRecord(body)) return { ok: false, missing: 'a token (the answer was not a JSON object)' };
  const token = typeof body.token === 'string' ? body.token.trim() : '';
  if (token === '' || token.length > 4096) return { ok: false, missing: 'a token' };
  return { ok: true, value: { token, user: isRecord(body.user) ? readUserFacts(body.user) : null } };
}
