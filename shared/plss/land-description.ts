/**
 * The job's land description (meridian, township, range, sections, aliquot parts: the fields the notices and maps
 * already print) and its tie, filled from what the PLSS says about the claims; and the one-line legal description
 * those fields make: "T39N R55E, Sec. 12: NE¼NE¼, Mount Diablo Meridian". 43 CFR 3832.12(c) asks for the aliquot
 * part down to the quarter section: when quarter-quarters would not fit the field, quarters are given instead.
 */
import type { PlssDescription } from '../documents/package-model.types';
import { LAND_LIMITS } from '../jobs/job.types';
import { quarterOf, summariseSectionParts } from './aliquot';
import type { ClaimPlss } from './plss-describe';


export interface LandFill {
  plss: PlssDescription;
  tie: { description: string; lon: number; lat: number } | null;
  /** 'full': every claim lies wholly in imported sections; 'none': no claim touches them. */
  coverage: 'full' | 'partial' | 'none';
  notes: string[];
}

interface SectionAcc {
  label: string;
  number: number | null;
  parts: Set<string>;
  known: boolean;
}

interface TownshipAcc {
  key: string;
  meridian: string;
  township: string;
  range: string;
  sections: Map<string, SectionAcc>;
}

const unique = (values: readonly string[]): string[] => [...new Set(values.filter((v) => v !== ''))];
const sortSections = (a: SectionAcc, b: SectionAcc): number => (a.number ?? 999) - (b.number ?? 999) || a.label.localeCompare(b.label);

function collect(claims: readonly ClaimPlss[]): TownshipAcc[] {
  const townships = new Map<string, TownshipAcc>();
  for (const claim of claims) {
    for (const t of claim.townships) {
      let acc = townships.get(t.plssId);
      if (!acc) {
        acc = { key: t.plssId, meridian: t.meridian, township: `T${t.township}`, range: `R${t.range}`, sections: new Map() };
        townships.set(t.plssId, acc);
      }
      for (const s of t.sections) {
        const entry = acc.sections.get(s.label) ?? { label: s.label, number: s.section, parts: new Set<string>(), known: s.partsKnown };
        for (const p of s.parts) entry.parts.add(p.label);
        entry.known &&= s.partsKnown;
        acc.sections.set(s.label, entry);
      }
    }
  }
  return [...townships.values()].filter((t) => t.sections.size > 0);
}

function partsText(section: SectionAcc, level: 'qq' | 'quarter'): string {
  const labels = level === 'qq' ? [...section.parts] : [...section.parts].map((l) => (l.startsWith('L') ? l : (quarterOf(l) ?? l)));
  return summariseSectionParts(labels).join(', ');
}

function aliquotField(townships: readonly TownshipAcc[], level: 'qq' | 'quarter'): string {
  const several = townships.length > 1;
  const blocks = townships.map((t) => {
    const sections = [...t.sections.values()].filter((s) => s.parts.size > 0).sort(sortSections);
    const oneSection = !several && t.sections.size === 1;
    return sections
      .map((s) => (oneSection ? partsText(s, level) : `${several ? `${t.township} ${t.range} ` : ''}Sec. ${s.label}: ${partsText(s, level)}`))
      .join('; ');
  });
  return blocks.filter((b) => b !== '').join('; ');
}

export function landDescriptionFromPlss(claims: readonly ClaimPlss[]): LandFill {
  const townships = collect(claims);
  const coverage = claims.length === 0 || claims.every((c) => c.coverage === 'none') ? 'none' : claims.every((c) => c.coverage === 'full') ? 'full' : 'partial';
  const notes: string[] = [];
  const outside = claims.filter((c) => c.coverage !== 'full').map((c) => c.claim);
  if (outside.length > 0 && coverage !== 'none') notes.push(`Not wholly inside the imported PLSS: ${outside.join(', ')}.`);
  const unknown = townships.flatMap((t) => [...t.sections.values()].filter((s) => !s.known && s.parts.size === 0).map((s) => `Section ${s.label} ${t.township} ${t.range}`));
  if (unknown.length > 0) notes.push(`No aliquot parts in the data for ${unknown.join(', ')}: enter them by hand.`);

  const sectionsField =
    townships.length === 1
      ? [...townships[0]!.sections.values()].sort(sortSections).map((s) => s.label).join(', ')
      : townships.map((t) => `${[...t.sections.values()].sort(sortSections).map((s) => s.label).join(', ')} (${t.township} ${t.range})`).join('; ');
  let aliquot = aliquotField(townships, 'qq');
  if (aliquot.length > LAND_LIMITS.aliquot) {
    aliquot = aliquotField(townships, 'quarter');
    notes.push('The quarter-quarters do not fit the description: it names quarter sections (43 CFR 3832.12(c) asks for the quarter section).');
  }
  if (aliquot.length > LAND_LIMITS.aliquot) {
    aliquot = '';
    notes.push('The claims cover too many parts to list: describe the aliquot parts by hand.');
  }
  const tie = claims.map((c) => c.tie).find((t) => t !== null) ?? null;
  return {
    plss: {
      meridian: unique(townships.map((t) => t.meridian)).join(' / ').slice(0, LAND_LIMITS.meridian),
      township: unique(townships.map((t) => t.township)).join(', ').slice(0, LAND_LIMITS.township),
      range: unique(townships.map((t) => t.range)).join(', ').slice(0, LAND_LIMITS.range),
      sections: sectionsField.slice(0, LAND_LIMITS.sections),
      aliquot,
    },
    tie: tie ? { description: tie.corner.description.slice(0, 300), lon: tie.corner.lonLat[0], lat: tie.corner.lonLat[1] } : null,
    coverage,
    notes,
  };
}

/** "32N" as staff type it prints as "T32N"; "T39N" stays. */
function prefixed(value: string, letter: 'T' | 'R'): string {
  const v = value.trim();
  return /^\d/.test(v) ? `${letter}${v}` : v;
}

/** The one-line legal description from the land-description fields; blank fields are left out. */
export function landDescriptionText(plss: PlssDescription): string {
  const tr = [prefixed(plss.township, 'T'), prefixed(plss.range, 'R')].filter((s) => s !== '').join(' ');
  const sections = plss.sections.trim();
  const aliquot = plss.aliquot.trim();
  let body: string;
  if (/^T\d/.test(aliquot)) body = aliquot;
  else if (/^Sec\./.test(aliquot)) body = [tr, aliquot].filter((s) => s !== '').join(', ');
  else {
    const sec = sections ? `Sec${/[,;]/.test(sections) ? 's' : ''}. ${sections}${aliquot ? `: ${aliquot}` : ''}` : aliquot;
    body = [tr, sec].filter((s) => s !== '').join(', ');
  }
  const m = plss.meridian.trim();
  const meridian = m === '' ? '' : /meridian|survey|base/i.test(m) ? m : `${m} Meridian`;
  return [body, meridian].filter((s) => s !== '').join(', ');
}

type LandFields = { plss: PlssDescription; tie: { description: string; lon: number; lat: number } | null };

/** Whether two land descriptions say the same (field by field: stored JSON may order its keys differently). */
export function sameLand(a: LandFields, b: LandFields): boolean {
  const keys = ['meridian', 'township', 'range', 'sections', 'aliquot'] as const;
  if (keys.some((k) => a.plss[k] !== b.plss[k])) return false;
  if (a.tie === null || b.tie === null) return a.tie === b.tie;
  return a.tie.description === b.tie.description && a.tie.lon === b.tie.lon && a.tie.lat === b.tie.lat;
}
