/**
 * A multipart/form-data body (RFC 7578) encoded into one buffer, as the HTML standard's form encoder writes it.
 * Encoded here rather than by axios from a FormData: axios streams a FormData part by part and reads each file's
 * Blob asynchronously, and the platform's encoder (a Response over the form) goes through web streams; for a
 * package of a few files either took several times longer than the request itself on loopback. One buffer is also
 * what lets a caller prepare the body before the request may leave (the outbox waits for its previous outcome's
 * flush only then), and a retried request sends exactly the same bytes.
 */
import { randomBytes } from 'node:crypto';

export interface MultipartFile {
  name: string;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** Names in a part header: CR, LF and the double quote escaped as the HTML standard's encoder does. */
function headerName(text: string): string {
  return text.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}

/** Line breaks in a text value become CRLF, as in a browser's form submission. */
function textValue(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

export function encodeMultipart(fields: readonly [string, string][], files: readonly MultipartFile[]): { body: Buffer; contentType: string } {
  // 128 random bits: a package's bytes cannot contain the boundary by chance.
  const boundary = `----ClaimDeskFormBoundary${randomBytes(16).toString('hex')}`;
  const parts: Uint8Array[] = [];
  for (const [name, value] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${headerName(name)}"\r\n\r\n${textValue(value)}\r\n`, 'utf8'));
  }
  for (const file of files) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${headerName(file.name)}"; filename="${headerName(file.fileName)}"\r\nContent-Type: ${file.mediaType.replace(/[\r\n]/g, '')}\r\n\r\n`, 'utf8'),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
