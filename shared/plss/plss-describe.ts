/**
 * What the PLSS says about each claim: every township and section it touches, the aliquot parts and lots it
 * covers (43 CFR 3832.12(c): state, meridian, township, range, section and quarter section, from the official
 * survey), and the tie to the nearest section corner (NRS 517.040, ARS 27-203: a tie to a PLSS corner) by true
 * bearing and ground distance from Corner 1 and from the discovery monument. Pure: the core reads the PLSS near
 * the claims from the cache and hands it in.
 */
import { intersectionAreaM2, ringBox } from '../claims/polygon-ops';
import type { DerivedMonuments } from '../claims/monuments';
import { openRing } from '../claims/claim-frame';
import { gridAreaM2 } from '../geo/ground';
import { ACRE_M2, FOOT_M, utmScaleFactor, type Utm } from '../geo/utm';
import type { LayoutClaim } from '../layout/layout.types';
import { summariseSectionParts } from './aliquot';
import { nearestSectionCorner, type SectionCorner } from './section-corners';
import { sectionKey, type GridPart, type PlssIndex } from './plss-index';
import { trueCourse } from '../documents/bearing-format';

/**
 * A claim drawn along a section line meets the next section only through centimetre offsets between the survey
 * data and the GPS; under 0.01 acre (436 sq ft: a 0.3 ft strip along a 1,500 ft side) a part is not counted.
 */
export const MIN_COVER_ACRES = 0.01;

export interface PartCover {
  /** "NENE", "L3". */
  label: string;
  acres: number;
  /** Derived from the section's corners: the state publishes no second division here. */
  derived: boolean;
}

export interface SectionCover {
  section: number | null;
  /** The section number or the file's label for another first division (a protraction block). */
  label: string;
  acres: number;
  parts: PartCover[];
  /** Aliquot parts as a description prints them: "NE¼NE¼", "Lot 3", "NE¼" for a whole quarter. */
  description: string[];
  /** False where neither the data nor the section's shape gives its aliquot parts. */
  partsKnown: boolean;
}

export interface TownshipCover {
  state: string;
  meridian: string;
  meridianCode: string;
  township: string;
  range: string;
  plssId: string;
  sections: SectionCover[];
}

export interface Course {
  bearingDeg: number;
  distanceFt: number;
}

export interface ClaimTie {
  corner: SectionCorner;
  fromCorner1: Course & { corner: number };
  fromDiscovery: Course | null;
}

export interface ClaimPlss {
  claimId: string;
  claim: string;
  acres: number;
  /** Share of the claim inside imported sections: 'full' from 99.9 %. */
  coverage: 'full' | 'partial' | 'none';
  townships: TownshipCover[];
  tie: ClaimTie | null;
}

export interface DescribeInput {
  claims: readonly LayoutClaim[];
  index: PlssIndex;
  monuments: Pick<DerivedMonuments, 'corners' | 'monuments'>;
}

interface Hit {
  part: GridPart;
  acres: number;
}

function coverOf(ring: Utm[], parts: readonly GridPart[], k: number): Hit[] {
  const minM2 = MIN_COVER_ACRES * ACRE_M2 * k * k;
  const hits: Hit[] = [];
  for (const part of parts) {
    let m2 = 0;
    for (const r of part.rings) m2 += intersectionAreaM2(ring, r, minM2);
    if (m2 >= minM2) hits.push({ part, acres: m2 / (k * k) / ACRE_M2 });
  }
  return hits;
}

function townshipKey(hit: Hit): string {
  return hit.part.part.plssId;
}

function describeClaim(claim: LayoutClaim, input: DescribeInput, points: TiePoints): ClaimPlss {
  const { index } = input;
  const ring = openRing(claim.corners);
  const n = ring.length;
  const centroid: Utm = [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  const k = utmScaleFactor(index.epsg, centroid);
  const acres = gridAreaM2(ring) / (k * k) / ACRE_M2;
  const nearby = index.search(ringBox(ring));
  const sections = coverOf(ring, nearby.filter((p) => p.part.layer === 'section'), k);
  const seconds = coverOf(ring, nearby.filter((p) => p.part.layer === 'second' && (p.part.kind === 'aliquot' || p.part.kind === 'lot')), k);
  const townshipsSeen = coverOf(ring, nearby.filter((p) => p.part.kind === 'township'), k);

  const byTownship = new Map<string, TownshipCover>();
  const townshipOf = (hit: Hit): TownshipCover => {
    const key = townshipKey(hit);
    let entry = byTownship.get(key);
    if (!entry) {
      const p = hit.part.part;
      entry = { state: p.state, meridian: p.meridian, meridianCode: p.meridianCode, township: p.township, range: p.range, plssId: p.plssId, sections: [] };
      byTownship.set(key, entry);
    }
    return entry;
  };
  for (const hit of townshipsSeen) townshipOf(hit);
  for (const hit of sections) {
    const p = hit.part.part;
    const key = sectionKey(p);
    const parts = seconds
      .filter((s) => sectionKey(s.part.part) === key && s.part.part.label)
      .map((s) => ({ label: s.part.part.label!, acres: s.acres, derived: s.part.derived }));
    const known = parts.length > 0 || index.withSecondDivision.has(key);
    townshipOf(hit).sections.push({
      section: p.section,
      label: p.section !== null ? String(p.section) : (p.label ?? ''),
      acres: hit.acres,
      parts,
      description: summariseSectionParts(parts.map((x) => x.label)),
      partsKnown: known,
    });
  }
  for (const t of byTownship.values()) t.sections.sort((a, b) => (a.section ?? 999) - (b.section ?? 999));
  const inSections = sections.reduce((s, h) => s + h.acres, 0);
  const coverage = inSections === 0 ? 'none' : inSections >= 0.999 * acres ? 'full' : 'partial';
  return {
    claimId: claim.id,
    claim: claim.name,
    acres,
    coverage,
    townships: [...byTownship.values()].filter((t) => t.sections.length > 0 || townshipsSeen.length > 0),
    tie: tieFor(claim, input, points),
  };
}

/** Corner 1 and the discovery monument of each claim, found once rather than searched per claim. */
interface TiePoints {
  corner1: Map<string, DerivedMonuments['corners'][number]>;
  discovery: Map<string, DerivedMonuments['monuments'][number]>;
}

function tiePoints(monuments: DescribeInput['monuments']): TiePoints {
  const corner1 = new Map(monuments.corners.filter((c) => c.number === 1).map((c) => [c.claimId, c]));
  const discovery = new Map(monuments.monuments.filter((m) => m.kind === 'discovery').map((m) => [m.claimId, m]));
  return { corner1, discovery };
}

function tieFor(claim: LayoutClaim, input: DescribeInput, points: TiePoints): ClaimTie | null {
  const corner1 = points.corner1.get(claim.id);
  if (!corner1) return null;
  const corner = nearestSectionCorner(input.index, corner1.utm);
  if (!corner) return null;
  const from1 = trueCourse(corner1.lonLat, corner.lonLat);
  const dm = points.discovery.get(claim.id);
  const fromDm = dm ? trueCourse(dm.lonLat, corner.lonLat) : null;
  return {
    corner,
    fromCorner1: { corner: 1, bearingDeg: from1.bearingDeg, distanceFt: from1.distanceM / FOOT_M },
    fromDiscovery: fromDm ? { bearingDeg: fromDm.bearingDeg, distanceFt: fromDm.distanceM / FOOT_M } : null,
  };
}

export function describeClaims(input: DescribeInput): ClaimPlss[] {
  const points = tiePoints(input.monuments);
  return input.claims.map((claim) => describeClaim(claim, input, points));
}
