/**
 * The origin an online basemap URL (raster tile template or style JSON) loads from: the one place that decides
 * which host the page's Content-Security-Policy lets it connect to besides itself (core/platform/csp.ts), and so
 * whether a changed basemap needs the page reloaded under a new policy (settings dialog).
 *
 * Null for none, or for anything that is not a plain https address: the settings refuse those already, this only
 * keeps a hand-edited cache from widening the policy.
 */
export function basemapOriginOf(basemapUrl: string | null | undefined): string | null {
  if (!basemapUrl?.trim()) return null;
  try {
    // Template placeholders are not valid in every part of a URL; they never change its origin.
    const url = new URL(basemapUrl.trim().replace(/\{[xyz]\}/g, '0'));
    return url.protocol === 'https:' && !url.username && !url.password ? url.origin : null;
  } catch {
    return null;
  }
}
