/**
 * Corner points and monuments derived from the layout (never stored separately: one source of truth).
 *
 * Inset convention: the discovery / location monument of a lode claim in a centerline state sits ON the
 * centerline, `insetFt` GROUND feet from the midpoint of the START end line, measured inward along the
 * centerline. The peer's UI says "from the centerline midpoint" while its generator says "from centerline
 * endpoint"; we pick the end-line midpoint because a 25-ft default only makes sense
 * near an end, and the notice then states "x ft from the start end line, 1,500 − x ft to the other"
 * (ARS 27-202 asks for the distance from the LM to each end). Ground feet are converted to grid metres
 * with the point scale factor (grid = ground × k).
 */
import { FOOT_M, utmConverter, utmScaleFactor, type Utm } from '../geo/utm';
import type { Position } from '../geometry/geojson.types';
import { gridToTrueDeg } from '../geo/convergence';
import type { CornerPosition, LayoutClaim, MonumentSettings } from '../layout/layout.types';
import { claimFrame, openRing } from './claim-frame';
import { compassLabels, effectiveCorner1, numberCorners, type CompassPoint } from './corner-numbering';
import { perClaim, type LayoutCheckMemo } from './layout-check-memo';
import { stateRule, type StateRule } from './state-rules';

export interface CornerPoint {
  claimId: string;
  claimName: string;
  /** 1-4 for a 4-corner claim; for other shapes 1..n in ring order. */
  number: number;
  /** Where the corner lies from the claim's centre on the ground (corner-numbering.ts); null when no word fits. */
  position: CompassPoint | null;
  utm: Utm;
  lonLat: Position;
}

export type MonumentKind = 'discovery' | 'location' | 'sideline' | 'endline';

export interface Monument {
  claimId: string;
  claimName: string;
  kind: MonumentKind;
  /** Marking per the Mineral Survey Procedures Guide: D.M. → "DM", side centres "S/C n", end centres "E/C n". */
  label: string;
  utm: Utm;
  lonLat: Position;
}

export interface DerivedMonuments {
  corners: CornerPoint[];
  monuments: Monument[];
  notes: string[];
}

/** A sentence for the monuments step, e.g. "25 ft inside the start (south, at azimuth 0) end line, on the centerline". */
export function describeInset(settings: Pick<MonumentSettings, 'insetFt' | 'lmCorner'>, stateCode: string | null = null): string {
  const rule = stateRule(stateCode);
  if (rule.lm === 'corner') {
    return `At Corner ${settings.lmCorner}: in ${rule.name} the location monument is a corner post; a lode's discovery point is still marked on its centerline, ${settings.insetFt} ft inside the start end line`;
  }
  const ft = Number.isInteger(settings.insetFt) ? String(settings.insetFt) : settings.insetFt.toFixed(2);
  return `${ft} ft inside the start (south, at azimuth 0) end line, on the centerline`;
}

export function deriveMonuments(
  claims: LayoutClaim[],
  settings: MonumentSettings,
  stateCode: string | null,
  epsg: number,
  memo?: LayoutCheckMemo,
): DerivedMonuments {
  const rule = stateRule(stateCode);
  const corner1 = effectiveCorner1(rule, settings);
  const corners: CornerPoint[] = [];
  const monuments: Monument[] = [];
  const notes: string[] = [];
  let placers = 0;

  if (rule.corner1Fixed !== null && settings.corner1 !== rule.corner1Fixed) {
    notes.push(`${rule.name} fixes Corner 1 at ${rule.corner1Fixed}; the job's Corner 1 (${settings.corner1}) is not used.`);
  }

  // The settings by value: a job answered again by main brings equal settings in a new object.
  const context = [rule, corner1, settings.lmCorner, settings.insetFt, epsg];
  for (const claim of claims) {
    const own = perClaim(memo, 'monuments', context, claim, (c) => claimMonuments(c, rule, corner1, settings, epsg));
    corners.push(...own.corners);
    monuments.push(...own.monuments);
    if (own.note) notes.push(own.note);
    if (claim.kind === 'placer' && own.framed) placers += 1;
  }

  if (placers > 0) {
    notes.push(
      `${placers} placer claim${placers === 1 ? '' : 's'}: corner monuments only, no centerline discovery monument; post the notice as ${rule.name} requires${rule.code === 'NV' ? ' (on a monument along the north boundary, NRS 517.090)' : ''}.`,
    );
  }
  if (rule.monumentDescriptionRequired) {
    notes.push(`${rule.name} requires the notice to describe the monuments used (type and markings).`);
  }
  return { corners, monuments, notes };
}

/** One claim's numbered corners and monuments, and the note it needs (a claim that is not 4-cornered, a long inset). */
function claimMonuments(
  claim: LayoutClaim,
  rule: StateRule,
  corner1: CornerPosition,
  settings: Pick<MonumentSettings, 'lmCorner' | 'insetFt'>,
  epsg: number,
): { corners: CornerPoint[]; monuments: Monument[]; note: string | null; framed: boolean } {
  const { toLonLat } = utmConverter(epsg);
  const corners: CornerPoint[] = [];
  const monuments: Monument[] = [];
  const base = { claimId: claim.id, claimName: claim.name };
  const monument = (kind: MonumentKind, label: string, utm: Utm): void => {
    monuments.push({ ...base, kind, label, utm, lonLat: toLonLat(utm) });
  };
  const frame = claimFrame(claim);
  if (frame === null) {
    const ring = openRing(claim.corners);
    const centre: Utm = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
    const labels = compassLabels(ring.map((p) => gridToTrueDeg(epsg, centre, (Math.atan2(p[0] - centre[0], p[1] - centre[1]) * 180) / Math.PI)));
    ring.forEach((utm, index) => {
      corners.push({ ...base, number: index + 1, position: labels[index] ?? null, utm, lonLat: toLonLat(utm) });
    });
    return { corners, monuments, note: `Claim '${claim.name}' is not a 4-corner claim: corners are numbered in drawing order and no monuments are placed.`, framed: false };
  }
  const numbered = numberCorners(frame, corner1, epsg);
  for (const corner of numbered) corners.push({ ...base, number: corner.number, position: corner.position, utm: corner.utm, lonLat: toLonLat(corner.utm) });

  if (rule.lm === 'corner') {
    // IC 47-602 (notice at one corner), NMSA 69-3-1 (peer: "LM at Corner 1"); lode and placer alike.
    const lm = numbered.find((corner) => corner.number === settings.lmCorner) ?? numbered[0]!;
    monument('location', `LM (Corner ${lm.number})`, lm.utm);
  }
  if (claim.kind === 'placer') return { corners, monuments, note: null, framed: true };
  // Every lode gets its discovery point on the centerline, also where the location monument is a corner (ID,
  // NM): BLM wants a lode description to begin at the discovery (43 CFR 3832.12).
  const k = utmScaleFactor(epsg, frame.startMid);
  const wantedM = settings.insetFt * FOOT_M * k;
  const insetM = Math.min(wantedM, frame.centerlineM);
  const note = insetM < wantedM
    ? `Claim '${claim.name}': the ${settings.insetFt} ft inset is longer than its centerline; the discovery monument is placed at the far end line.`
    : null;
  monument('discovery', 'DM', [frame.startMid[0] + frame.along[0] * insetM, frame.startMid[1] + frame.along[1] * insetM]);
  // Numbered 1 = left / start, 2 = right / end, so labels stay put when Corner 1 changes.
  if (rule.sidelineCentres) {
    monument('sideline', 'S/C 1', frame.leftMid);
    monument('sideline', 'S/C 2', frame.rightMid);
  }
  if (rule.endlineCentres) {
    monument('endline', 'E/C 1', frame.startMid);
    monument('endline', 'E/C 2', frame.endMid);
  }
  return { corners, monuments, note, framed: true };
}

export interface UniqueCorner {
  utm: Utm;
  lonLat: Position;
  /** Every claim corner at this spot (shared corners of adjacent claims). */
  claims: { claimId: string; claimName: string; number: number }[];
}

/**
 * One position per physical corner post, for the map and GPX: corners within `toleranceM` grid metres of the
 * first one seen are the same post. Hash cells of the tolerance size; a point is compared with its 3×3 cells.
 */
export function uniqueCornerPositions(corners: CornerPoint[], toleranceM = 0.01): UniqueCorner[] {
  const cells = new Map<string, UniqueCorner[]>();
  const unique: UniqueCorner[] = [];
  const size = Math.max(toleranceM, 1e-9);
  for (const corner of corners) {
    const cx = Math.floor(corner.utm[0] / size);
    const cy = Math.floor(corner.utm[1] / size);
    let match: UniqueCorner | undefined;
    for (let dx = -1; dx <= 1 && !match; dx += 1) {
      for (let dy = -1; dy <= 1 && !match; dy += 1) {
        match = cells.get(`${cx + dx},${cy + dy}`)?.find(
          (u) => Math.hypot(u.utm[0] - corner.utm[0], u.utm[1] - corner.utm[1]) <= toleranceM,
        );
      }
    }
    const entry = { claimId: corner.claimId, claimName: corner.claimName, number: corner.number };
    if (match) {
      match.claims.push(entry);
      continue;
    }
    const created: UniqueCorner = { utm: corner.utm, lonLat: corner.lonLat, claims: [entry] };
    unique.push(created);
    const key = `${cx},${cy}`;
    cells.set(key, [...(cells.get(key) ?? []), created]);
  }
  return unique;
}
