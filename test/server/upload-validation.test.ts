import { describe, expect, it } from 'vitest';
import { API_PATHS } from '../../shared/api/geodb.schemas';
import { UPLOAD_LIMITS } from '../../server/http/multipart-form';
import { useSignedInServer } from './server-fixture';
import { claimsNamed, freshOrder, partsFor, totals, upload, uploadForm } from './upload-fixture';

const ctx = useSignedInServer();

async function expect400(response: Response): Promise<unknown> {
  expect(response.status).toBe(400);
  return response.json();
}

describe('upload validation (400 with field-level messages, nothing stored)', () => {
  it('names every missing or malformed field', async () => {
    const form = uploadForm({ order_id: 'abc', order_type: 'mystery', save_to_project: 'false', claims: '[{"name": "A 1",' });
    expect(await expect400(await upload(ctx.server.url, form, { token: ctx.token }))).toEqual({
      order_id: ['A valid integer is required.'],
      order_type: ['"mystery" is not a valid choice (claim_purchase or claim_order).'],
      project_id: ['This field is required.'],
      save_to_project: ['Must be true: order uploads are always saved to the project.'],
      claims: ['Value must be valid JSON.'],
    });
  });

  it('checks each claim (name, geometry, acreage) and unique names', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const claims = [...claimsNamed('A 1', 'A 1'), { name: 'B', geometry: { type: 'Point', coordinates: [1, 2] }, acreage: -3 }];
    const body = (await expect400(await upload(ctx.server.url, uploadForm({ ...partsFor(order), claims: JSON.stringify(claims) }), { token: ctx.token }))) as Record<string, string[]>;
    expect(Object.keys(body)).toEqual(['claims']);
    expect(body['claims']?.some((m) => m.startsWith('Claim 3 geometry.type:'))).toBe(true);
    expect(body['claims']?.some((m) => m.startsWith('Claim 3 acreage:'))).toBe(true);
    const dupes = (await expect400(await upload(ctx.server.url, uploadForm({ ...partsFor(order), claims: claimsNamed('A 1', 'A 1') }), { token: ctx.token }))) as Record<string, string[]>;
    expect(dupes).toEqual({ claims: ['Claim names must be unique: "A 1" appears more than once.'] });
  });

  it('accepts claims sent as an application/json part, refuses them as a file', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const text = (name: string, value: string, type = ''): string =>
      `--XYZ\r\nContent-Disposition: form-data; name="${name}"\r\n${type === '' ? '' : `Content-Type: ${type}\r\n`}\r\n${value}\r\n`;
    const body = [
      text('order_id', String(order.id)),
      text('order_type', order.order_type),
      text('project_id', String(order.project_id)),
      text('save_to_project', 'true'),
      text('claims', JSON.stringify(claimsNamed('J 1')), 'application/json'),
      '--XYZ\r\nContent-Disposition: form-data; name="gpx"; filename="w.gpx"\r\nContent-Type: application/gpx+xml\r\n\r\n<gpx/>\r\n--XYZ--\r\n',
    ].join('');
    const response = await fetch(`${ctx.server.url}${API_PATHS.claimDocuments}`, {
      method: 'POST',
      headers: { authorization: `Token ${ctx.token}`, 'idempotency-key': 'json-part-1', 'content-type': 'multipart/form-data; boundary=XYZ' },
      body,
    });
    expect(response.status).toBe(201);

    const asFile = uploadForm({ ...partsFor(order), claims: undefined });
    asFile.append('claims', new Blob([JSON.stringify(claimsNamed('J 1'))], { type: 'application/json' }), 'claims.json');
    expect(await expect400(await upload(ctx.server.url, asFile, { token: ctx.token }))).toEqual({ claims: ['Send this field as a text part, not a file.'] });
  });

  it('needs at least one file, known document types, plain unique file names, known fields', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    expect(await expect400(await upload(ctx.server.url, uploadForm({ ...partsFor(order), files: [] }), { token: ctx.token }))).toEqual({
      non_field_errors: ['No file was submitted: send at least one document.'],
    });
    const files = [
      { field: 'selfie', filename: 'me.jpg', content: 'x' },
      { field: 'other', filename: `${'x'.repeat(252)}.txt`, content: 'x' },
      { field: 'gpx', filename: 'a.gpx', content: 'x' },
      { field: 'kml', filename: 'a.gpx', content: 'y' },
    ];
    const body = (await expect400(await upload(ctx.server.url, uploadForm({ ...partsFor(order), files, extra: { colour: 'red' } }), { token: ctx.token }))) as Record<string, string[]>;
    expect(Object.keys(body).sort()).toEqual(['colour', 'kml', 'other', 'selfie']);
    expect(body['colour']).toEqual(['Unknown field.']);
    expect(body['kml']).toEqual(['"a.gpx" is sent twice; each file name may appear once per upload.']);
  });

  it('refuses a missing or malformed Idempotency-Key', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const missing = (await expect400(await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key: null }))) as Record<string, string>;
    expect(missing['code']).toBe('idempotency_key_missing');
    const spaced = (await expect400(await upload(ctx.server.url, uploadForm(partsFor(order)), { token: ctx.token, key: 'has a space' }))) as Record<string, string>;
    expect(spaced['code']).toBe('idempotency_key_invalid');
  });

  it('answers a truncated or boundary-less multipart body with 400 {detail}', async () => {
    const headers = { authorization: `Token ${ctx.token}`, 'idempotency-key': 'truncated-1' };
    const truncated = await fetch(`${ctx.server.url}${API_PATHS.claimDocuments}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'multipart/form-data; boundary=XYZ' },
      body: '--XYZ\r\nContent-Disposition: form-data; name="order_id"\r\n\r\n12\r\n--XYZ\r\nContent-Disposition: form-data; name="gpx"; filename="a.gpx"\r\n\r\nhalf a fi',
    });
    const body = (await expect400(truncated)) as { detail: string };
    expect(body.detail).toMatch(/^Multipart form parse error - /);
    const noBoundary = await fetch(`${ctx.server.url}${API_PATHS.claimDocuments}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'multipart/form-data' },
      body: 'whatever',
    });
    expect(((await expect400(noBoundary)) as { detail: string }).detail).toMatch(/^Multipart form parse error - /);
  });

  it('415 for a JSON body', async () => {
    const response = await upload(ctx.server.url, JSON.stringify({ order_id: 1 }), { token: ctx.token });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ detail: 'Unsupported media type "application/json" in request.' });
  });

  it('413 for a file over the size limit', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const files = [{ field: 'other', filename: 'big.bin', content: new Uint8Array(UPLOAD_LIMITS.fileBytes + 1) }];
    const response = await upload(ctx.server.url, uploadForm({ ...partsFor(order), files }), { token: ctx.token });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ detail: 'A file is larger than 50 MB.' });
  });

  it('413 for too many files', async () => {
    const order = await freshOrder(ctx.server, 'claim_order');
    const files = Array.from({ length: UPLOAD_LIMITS.files + 1 }, (_, i) => ({ field: 'other', filename: `f${i}.txt`, content: 'x' }));
    const response = await upload(ctx.server.url, uploadForm({ ...partsFor(order), files }), { token: ctx.token });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ detail: `Too many files: at most ${UPLOAD_LIMITS.files} per upload.` });
  });

  it('stored nothing for any of the refused requests above', async () => {
    const stored = await totals(ctx.server);
    // Only the application/json upload above succeeded (the demo seed brings three packages).
    expect(stored).toMatchObject({ packages: 4, documents: 1, idempotency_keys: 1 });
  });
});
