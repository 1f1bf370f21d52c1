/**
 * The renderer's Content-Security-Policy. It must equal the <meta> tag in renderer/index.html (a test checks);
 * it is also sent as a response header by the app:// protocol handler and the browser host, because a header
 * applies before any byte of the page is parsed and also covers non-HTML responses (workers).
 *
 * - script-src 'self' only: no inline script, no eval — XSS in order data cannot become code execution.
 * - worker-src 'self' blob: — maplibre-gl starts its worker from a bundled file or a blob URL.
 * - style-src 'unsafe-inline' — maplibre and React set inline styles; styles cannot run code.
 * - object-src/base-uri 'none', frame-src 'none', form-action 'none' — nothing in the app needs them.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; worker-src 'self' blob:; child-src 'self' blob:; connect-src 'self' https:; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

/** Directive name → source list, for checks (tests, start-up assertions). */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Headers every renderer response carries, whoever serves it. */
export const RENDERER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
