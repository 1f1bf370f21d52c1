/**
 * The only way ClaimDesk opens a URL in the user's browser. Pure: the OS call is injected, so the policy is
 * unit-tested under Node and shared by main, the back-end's openExternal handler and the window guards.
 *
 * Policy: https only. shell.openExternal hands the string to the OS, and file:, smb:, ms-msdt:,
 * javascript: or custom app schemes there have led to code execution; http: would leak the URL in clear.
 * Credentials in the URL are refused because they are a phishing trick (https://geodb.io@evil.example/).
 */
import { errorMessage } from '../../shared/errors';

export const MAX_EXTERNAL_URL_LENGTH = 2048;

export type ExternalLinkResult = { opened: true; url: string } | { opened: false; reason: string };

/** The check on its own, for callers that only need to know whether a URL would be opened. */
export function checkExternalUrl(value: unknown): { ok: true; url: string } | { ok: false; reason: string } {
  if (typeof value !== 'string') return { ok: false, reason: 'The link is not text.' };
  if (value.length === 0 || value.length > MAX_EXTERNAL_URL_LENGTH) {
    return { ok: false, reason: `The link must be between 1 and ${MAX_EXTERNAL_URL_LENGTH} characters.` };
  }
  // URL() silently strips tabs/newlines and surrounding spaces; a link that needed that is not one we trust.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(value)) return { ok: false, reason: 'The link contains spaces or control characters.' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'The link is not a valid address.' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: `Only https links can be opened (this one is ${url.protocol}).` };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'Links containing a user name or password are not opened.' };
  if (url.hostname === '') return { ok: false, reason: 'The link has no host.' };
  return { ok: true, url: url.href };
}

export async function safeOpenExternal(value: unknown, open: (url: string) => Promise<void>): Promise<ExternalLinkResult> {
  const checked = checkExternalUrl(value);
  if (!checked.ok) return { opened: false, reason: checked.reason };
  try {
    // The normalised href is opened, not the raw input, so what was checked is exactly what the OS gets.
    await open(checked.url);
  } catch (error) {
    return { opened: false, reason: `The browser could not be started: ${errorMessage(error)}` };
  }
  return { opened: true, url: checked.url };
}
