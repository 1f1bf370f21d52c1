/**
 * A crew's coverage as people type it, one area a line: "NV" for the whole state, "NV: Esmeralda" for one county.
 * Read back exactly as it is written, so the Settings field round-trips.
 */
import type { CrewCoverageArea } from '../api/crews.schemas';
import { stateByCode } from '../geo/us-states';

export function formatCoverage(areas: readonly CrewCoverageArea[]): string {
  return areas.map((a) => (a.county ? `${a.state}: ${a.county}` : a.state)).join('\n');
}

export function parseCoverage(text: string): { ok: true; areas: CrewCoverageArea[] } | { ok: false; message: string } {
  const areas: CrewCoverageArea[] = [];
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  for (const [k, line] of lines.entries()) {
    const match = /^([A-Za-z]{2})\s*(?::\s*(.+))?$/.exec(line);
    const state = match?.[1]?.toUpperCase();
    if (!match || !state || !stateByCode(state)) {
      return { ok: false, message: `Line ${k + 1} ("${line}") is not a state code, or a state code, a colon and a county (e.g. "NV" or "NV: Esmeralda").` };
    }
    const county = match[2]?.trim().replace(/\s+county$/i, '') || null;
    if (county !== null && county.length > 100) return { ok: false, message: `Line ${k + 1}: the county name is longer than 100 characters.` };
    if (!areas.some((a) => a.state === state && a.county === county)) areas.push({ state, county });
  }
  return { ok: true, areas };
}
