/**
 * The optional online basemap (settings): a raster tile URL template ({z}/{x}/{y}) or a vector style JSON URL.
 * https only: the renderer's CSP allows tiles from https origins, and a plain-http basemap would leak the
 * location of the claims being worked on to anyone on the network.
 */
import { AppError } from '../../shared/errors';

/** Returns the URL to store (trimmed) or null; refuses anything else with a message staff can act on. */
export function checkBasemapUrl(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new AppError('invalid-request', 'The basemap address is not a web address. Enter an https:// URL, for example https://tiles.example.com/{z}/{x}/{y}.png, or clear it.');
  }
  if (url.protocol !== 'https:') {
    throw new AppError('invalid-request', `The basemap address must start with https:// (got ${url.protocol.replace(/:$/, '')}).`);
  }
  // Credentials in the URL would sit in the settings table in plain text and travel in every tile request.
  if (url.username || url.password) {
    throw new AppError('invalid-request', 'The basemap address must not contain a username or password.');
  }
  return trimmed;
}
