/**
 * The renderer's Content-Security-Policy. Whoever serves the renderer (the app:// protocol handler, the browser
 * host) sends it as a response header, because a header applies before any byte of the page is parsed and also
 * covers non-HTML responses (workers), and writes the same policy into the page's <meta> tag. The <meta> tag in
 * renderer/index.html holds the base policy (no basemap): anything serving the file untouched gets the strictest.
 *
 * - script-src 'self' only: no inline script, no eval — XSS in order data cannot become code execution.
 * - worker-src 'self' blob: — maplibre-gl starts its worker from a bundled file or a blob URL.
 * - style-src 'unsafe-inline' — maplibre and React set inline styles; styles cannot run code.
 * - connect-src: the app's own origin and, when one is configured, the online basemap's origin — nothing else, so
 *   injected code could not send the cache's contents (claimants' names and addresses) to any https host.
 * - object-src/base-uri 'none', frame-src 'none', form-action 'none' — nothing in the app needs them.
 */

export { basemapOriginOf } from '../../shared/basemap/basemap-origin';

export interface CspInputs {
  /** The https origin of the configured online basemap (settings), or null when none is set. */
  basemapOrigin: string | null;
}

export function buildContentSecurityPolicy({ basemapOrigin }: CspInputs): string {
  const connect = ["'self'", ...(basemapOrigin ? [basemapOrigin] : [])].join(' ');
  return (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    `font-src 'self' data:; worker-src 'self' blob:; child-src 'self' blob:; connect-src ${connect}; ` +
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'"
  );
}

/** The policy without a basemap: the one written in renderer/index.html. */
export const CONTENT_SECURITY_POLICY = buildContentSecurityPolicy({ basemapOrigin: null });

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
export function rendererSecurityHeaders(inputs: CspInputs): Record<string, string> {
  return {
    'Content-Security-Policy': buildContentSecurityPolicy(inputs),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

const META_CSP = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/i;

/** The page with its <meta> policy replaced by `policy` (the same one sent as the header). */
export function withPolicyInPage(html: string, policy: string): string {
  return html.replace(META_CSP, (_match, before: string, after: string) => `${before}${policy}${after}`);
}

/** A renderer file as served: the security headers, and an HTML page carrying the same policy in its <meta> tag. */
export function secureRendererFile(body: Buffer, contentType: string, inputs: CspInputs): { body: Buffer; headers: Record<string, string> } {
  const headers = rendererSecurityHeaders(inputs);
  if (!contentType.startsWith('text/html')) return { body, headers };
  return { body: Buffer.from(withPolicyInPage(body.toString('utf8'), headers['Content-Security-Policy']!)), headers };
}
