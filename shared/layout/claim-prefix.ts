/**
 * The one name prefix a layout uses ("SB" for SB 1, SB 2 …). Claim names print on the location notices and the
 * corner posts, so the suggestion must be something a locator would write, and staff confirm it: the stem the
 * customer already used for the claims when there is one, else a short form of the project name.
 */

/** Short enough to fit a corner card's marking line and a 10-character GPS waypoint with the number. */
export const SUGGESTED_PREFIX_MAX = 16;

const NUMBERED = /^(.*?)[\s#-]*(\d+)(?:\s*-\s*\d+)?$/;

/** The stem most of these names share before their number ("OAT 1", "OAT 2", "OAT 3" → "OAT"), or null. */
export function prefixOfNames(names: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const name of names) {
    const stem = NUMBERED.exec(name.trim())?.[1]?.trim();
    if (stem) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [stem, count] of counts) {
    if (count > bestCount) {
      best = stem;
      bestCount = count;
    }
  }
  // A stem used by fewer than half the claims is a coincidence, not a naming scheme.
  return best !== null && bestCount * 2 >= names.length ? best : null;
}

/**
 * A short prefix from a project name: parenthetical notes dropped ("Goldfield East (Esmeralda Co., NV)" →
 * "GOLDFIELD EAST"), the word "project" dropped, cut at a word boundary, never mid-word.
 */
export function prefixFromProject(projectName: string): string {
  const words = projectName
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/\bproject\b/gi, ' ')
    .replace(/[^\p{L}\p{N}'&.\- ]/gu, ' ')
    .trim()
    .toUpperCase()
    .split(/\s+/)
    .filter(Boolean);
  let prefix = '';
  for (const word of words) {
    const next = prefix ? `${prefix} ${word}` : word;
    if (next.length > SUGGESTED_PREFIX_MAX) break;
    prefix = next;
  }
  return prefix || (words[0] ?? '').slice(0, SUGGESTED_PREFIX_MAX);
}

export interface PrefixSuggestion {
  prefix: string;
  /** Where it came from, said next to the field so staff know what they are confirming. */
  source: 'order-names' | 'project-name' | 'order-number';
}

export function suggestPrefix(input: { orderClaimNames: readonly string[]; projectName: string; orderNumber: string }): PrefixSuggestion {
  const fromNames = prefixOfNames(input.orderClaimNames.filter((n) => n.trim() !== ''));
  if (fromNames) return { prefix: fromNames.slice(0, 40), source: 'order-names' };
  const fromProject = prefixFromProject(input.projectName);
  if (fromProject) return { prefix: fromProject, source: 'project-name' };
  return { prefix: prefixFromProject(input.orderNumber) || 'CLAIM', source: 'order-number' };
}
