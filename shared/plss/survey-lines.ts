/**
 * The section and township lines a claim or field map draws (NRS 517.040 and ARS 27-203 want the map tied to the
 * PLSS; BLM wants the claim's place within its quarter section shown), in the job's grid metres, with the text
 * naming where they came from.
 */
import { utmConverter, type Utm } from '../geo/utm';
import { plssProvenance, provenanceText } from './plss-source';
import type { PlssArea } from './plss.types';

export interface SurveyLines {
  /** Section outlines with their number ("12") and township ("T39N R55E"). */
  sections: { label: string; township: string; rings: Utm[][] }[];
  /** Township outlines, drawn heavier. */
  townships: { label: string; rings: Utm[][] }[];
  /** Aliquot parts are drawn only as the quarter-quarter lines within covered sections. */
  aliquots: { rings: Utm[][] }[];
  source: string;
}

export function surveyLines(area: PlssArea, epsg: number): SurveyLines | null {
  const provenance = plssProvenance(area);
  if (!provenance) return null;
  const { toUtm } = utmConverter(epsg);
  const rings = (polygons: PlssArea['parts'][number]['polygons']): Utm[][] => polygons.map((rs) => (rs[0] ?? []).map((p) => toUtm(p)));
  const out: SurveyLines = { sections: [], townships: [], aliquots: [], source: provenanceText(provenance) };
  for (const part of area.parts) {
    if (part.kind === 'section') out.sections.push({ label: String(part.section ?? part.label ?? ''), township: `T${part.township} R${part.range}`, rings: rings(part.polygons) });
    else if (part.kind === 'township') out.townships.push({ label: `T${part.township} R${part.range}`, rings: rings(part.polygons) });
    else if (part.layer === 'second') out.aliquots.push({ rings: rings(part.polygons) });
  }
  return out.sections.length + out.townships.length > 0 ? out : null;
}
