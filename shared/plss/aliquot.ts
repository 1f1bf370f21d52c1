/**
 * Aliquot parts as CadNSDI labels them ("NENE", "N2SW": smallest part first, "2" for a half) and as a land
 * description prints them ("NE¼NE¼", "N½SW¼"), and the summaries a description uses: the quarter-quarters of a
 * whole quarter section become that quarter, all four quarters become the whole section.
 */
import { ALIQUOT_LABEL } from './cadnsdi-fields';

export const QUARTERS = ['NE', 'NW', 'SW', 'SE'] as const;
export type Quarter = (typeof QUARTERS)[number];

/** The 16 quarter-quarters in the order descriptions list them: by quarter NE, NW, SW, SE, then within it. */
export const QUARTER_QUARTERS: readonly string[] = QUARTERS.flatMap((quarter) => QUARTERS.map((qq) => `${qq}${quarter}`));

/** Splits "N2SWNE" into ["N2", "SW", "NE"]. */
export function aliquotParts(label: string): string[] {
  return label.match(/(NE|NW|SE|SW|N2|S2|E2|W2)/g) ?? [];
}

/** "NENE" → "NE¼NE¼", "N2SW" → "N½SW¼", "L3" → "Lot 3". */
export function aliquotText(label: string): string {
  const lot = /^L(\d+)$/.exec(label);
  if (lot) return `Lot ${lot[1]}`;
  if (!ALIQUOT_LABEL.test(label)) return label;
  return aliquotParts(label)
    .map((part) => (part.endsWith('2') ? `${part[0]}½` : `${part}¼`))
    .join('');
}

/** The quarter section an aliquot label lies in ("SWNE" → "NE"), or null for a half or whole section. */
export function quarterOf(label: string): Quarter | null {
  const last = aliquotParts(label).at(-1);
  return last && (QUARTERS as readonly string[]).includes(last) ? (last as Quarter) : null;
}

function lotNumber(label: string): number {
  return Number(/^L(\d+)$/.exec(label)?.[1] ?? Number.NaN);
}

/**
 * The parts of one section as a description lists them: lots first by number, then aliquot parts, whole quarters
 * collapsed ("NE¼" for its four quarter-quarters) and "All" for a whole regular section.
 */
export function summariseSectionParts(labels: Iterable<string>): string[] {
  const set = new Set(labels);
  const lots = [...set].filter((l) => /^L\d+$/.test(l)).sort((a, b) => lotNumber(a) - lotNumber(b));
  const aliquots = [...set].filter((l) => ALIQUOT_LABEL.test(l));
  const whole = QUARTERS.filter((q) => QUARTERS.every((qq) => set.has(`${qq}${q}`)) || set.has(q));
  if (lots.length === 0 && whole.length === 4) return ['All'];
  const inWhole = (label: string): boolean => {
    const quarter = quarterOf(label);
    return quarter !== null && whole.includes(quarter);
  };
  const rank = (label: string): number => {
    const i = QUARTER_QUARTERS.indexOf(label);
    if (i >= 0) return i;
    const q = quarterOf(label);
    return q ? QUARTERS.indexOf(q) * 4 : 99;
  };
  const rest = aliquots.filter((label) => !inWhole(label) && !(QUARTERS as readonly string[]).includes(label));
  const ordered = [...whole.map((q) => ({ label: q, at: QUARTERS.indexOf(q) * 4 - 0.5 })), ...rest.map((label) => ({ label, at: rank(label) }))]
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.label);
  return [...lots, ...ordered].map(aliquotText);
}
