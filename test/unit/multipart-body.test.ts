/**
 * The upload's multipart body, read back by the platform's own form-data parser (undici's, as a server framework
 * would read it): every field and file arrives as given, names with quotes or line breaks included.
 */
import { describe, expect, it } from 'vitest';
import { encodeMultipart } from '../../core/api/multipart-body';

async function readBack(encoded: { body: Buffer; contentType: string }): Promise<FormData> {
  return new Response(encoded.body, { headers: { 'content-type': encoded.contentType } }).formData();
}

describe('encodeMultipart', () => {
  it('carries text fields and files byte for byte', async () => {
    const pdf = new Uint8Array(70_000).map((_, i) => (i * 31) % 256); // every byte value, CR and LF and dashes among them
    const claims = JSON.stringify([{ name: 'LYNN 1', geometry: { type: 'Polygon', coordinates: [[[-117.2, 37.7]]] } }]);
    const form = await readBack(
      encodeMultipart(
        [
          ['order_id', '12'],
          ['claims', claims],
        ],
        [
          { name: 'location_notices', fileName: 'location-notices.pdf', mediaType: 'application/pdf', bytes: pdf },
          { name: 'manifest', fileName: 'manifest.json', mediaType: 'application/json', bytes: new TextEncoder().encode('{"a":1}') },
        ],
      ),
    );
    expect(form.get('order_id')).toBe('12');
    expect(form.get('claims')).toBe(claims);
    const file = form.get('location_notices') as File;
    expect(file.name).toBe('location-notices.pdf');
    expect(file.type).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
    expect(await (form.get('manifest') as File).text()).toBe('{"a":1}');
  });

  it('escapes quotes and line breaks in names as a browser does, and writes line breaks in text as CRLF', async () => {
    const encoded = encodeMultipart([['note', 'two\nlines']], [{ name: 'other', fileName: 'Claim "A"\r\nmap.pdf', mediaType: 'application/pdf', bytes: new Uint8Array([1, 2, 3]) }]);
    expect(encoded.body.toString('latin1')).toContain('filename="Claim %22A%22%0D%0Amap.pdf"');
    const form = await readBack(encoded);
    expect(form.get('note')).toBe('two\r\nlines');
    expect([...new Uint8Array(await (form.get('other') as File).arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('uses a fresh boundary for every body', () => {
    const a = encodeMultipart([['x', '1']], []).contentType;
    const b = encodeMultipart([['x', '1']], []).contentType;
    expect(a).toMatch(/^multipart\/form-data; boundary=-+ClaimDeskFormBoundary[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});
