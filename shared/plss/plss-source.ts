/** How the notes name the PLSS a description or a map came from: the states, BLM's data date and the import. */
import type { PlssArea, PlssLayerInfo } from './plss.types';

export interface PlssProvenance {
  states: string[];
  dataDate: string | null;
  importedAt: string;
}

export function plssProvenance(area: PlssArea): PlssProvenance | null {
  const states = [...new Set(area.parts.map((p) => p.state))].sort();
  const layers: PlssLayerInfo[] = area.layers.filter((l) => states.includes(l.state));
  if (states.length === 0 || layers.length === 0) return null;
  const dates = layers.map((l) => l.dataDate).filter((d): d is string => d !== null).sort();
  const imported = layers.map((l) => l.importedAt).sort();
  return { states, dataDate: dates.at(-1) ?? null, importedAt: imported.at(-1)! };
}

/** "BLM CadNSDI PLSS for NV, data of 2024-03-01, imported 2026-12-05". */
export function provenanceText(p: PlssProvenance): string {
  const data = p.dataDate ? `, data of ${p.dataDate}` : '';
  return `BLM CadNSDI PLSS for ${p.states.join(', ')}${data}, imported ${p.importedAt.slice(0, 10)}`;
}
