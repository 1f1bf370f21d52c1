/**
 * The state's minimum monument, and a check of the job's free-text monument description against it. A post
 * that is clearly too small is refused (a monument short of the statute can defeat the location); a description
 * the check cannot read, or one that leaves the height above ground open, is a warning to make it say so.
 *
 * The text is read for a material (post, stone mound, tree) and its figures: feet ("4 ft", "4'", "4-ft"),
 * inches ("2 in", '2"'), and whether a height is stated as above the ground ("projecting", "above ground",
 * "high"). A post's length without "above ground" is assumed to be set about a foot deep (NRS 517.030 and
 * MCA 82-2-101 both set posts a foot in the ground).
 */
import type { LandStatus } from './state-land';

export interface MonumentMinimum {
  /** The rule in words for the field instructions. */
  text: string;
  citation: string;
  /** Least height of a post above the ground, feet. */
  postAboveGroundFt: number | null;
  /** Least side or diameter of a post, inches. */
  postSectionIn: number | null;
  /** Least height of a stone mound, feet. */
  moundFt: number | null;
}

const MINIMUMS: Readonly<Record<string, MonumentMinimum>> = {
  AZ: {
    text: 'Location monument: a monument of stones at least 3 ft high, or an upright post securely fixed and projecting at least 4 ft above the ground.',
    citation: 'A.R.S. § 27-202(A)',
    postAboveGroundFt: 4,
    postSectionIn: null,
    moundFt: 3,
  },
  NV: {
    text:
      'Each corner: a tree at least 4 in across topped at least 3 ft above ground, blazed and marked; a rock capped with stones to 3 ft; a wooden post at least ' +
      '1.5 × 1.5 in and 4 ft long set 1 ft deep; a capped metal post at least 2 in across and 4 ft long; or a stone at least 6 × 18 in in a mound. Plastic monuments must be removed.',
    citation: 'NRS 517.030',
    postAboveGroundFt: 3,
    postSectionIn: 1.5,
    moundFt: 3,
  },
  MT: {
    text: 'Each corner or angle: a tree at least 8 in across blazed on four sides; a post at least 4 in square and 4.5 ft long set 1 ft deep in a mound of earth or stone at least 4 ft across and 2 ft high; or a stone at least 6 × 18 in.',
    citation: 'MCA § 82-2-101',
    postAboveGroundFt: 3.5,
    postSectionIn: 4,
    moundFt: null,
  },
  ID: {
    text: 'Each corner or angle: a monument or post at least 4 ft high and 4 in square or in diameter, marked with the claim name, the corner and the directions of the boundary lines.',
    citation: 'Idaho Code § 47-602',
    postAboveGroundFt: 4,
    postSectionIn: 4,
    moundFt: 4,
  },
  OR: {
    text: 'Each corner: a post projecting at least 3 ft above ground (wood at least 1.5 × 1.5 in) or a stone mound at least 2 ft high.',
    citation: 'ORS 517.010',
    postAboveGroundFt: 3,
    postSectionIn: 1.5,
    moundFt: 2,
  },
  CA: {
    text: 'Discovery and corners: a wooden post at least 1.5 in across projecting at least 2 ft above ground, a capped metal post or rod at least 1 in across and 2 ft above ground, or a stone mound at least 2 ft high.',
    citation: 'Cal. Pub. Res. Code § 3915',
    postAboveGroundFt: 2,
    postSectionIn: 1,
    moundFt: 2,
  },
  NM: {
    text: 'Each corner of a placer: a post at least 4 ft high or a stone monument; lode: four substantial posts or monuments, one at each corner.',
    citation: 'NMSA 1978, § 69-3-1',
    postAboveGroundFt: 4,
    postSectionIn: null,
    moundFt: null,
  },
};

const ALASKA_STATE_LAND: MonumentMinimum = {
  text: 'Each corner: a post at least 3 ft high and 2.5 in in diameter, marked with the location name and corner number.',
  citation: 'Alaska DNR staking requirements for state land',
  postAboveGroundFt: 3,
  postSectionIn: 2.5,
  moundFt: null,
};

/** The state's minimum, or null when none is on file (the instructions then say to follow the state's law). */
export function monumentMinimum(stateCode: string | null, landStatus: LandStatus = 'federal'): MonumentMinimum | null {
  const code = stateCode?.trim().toUpperCase() ?? '';
  if (code === 'AK' && landStatus === 'state') return ALASKA_STATE_LAND;
  return MINIMUMS[code] ?? null;
}

export interface MonumentDescription {
  kind: 'post' | 'mound' | 'tree' | null;
  plastic: boolean;
  /** Height stated as above the ground. */
  aboveGroundFt: number | null;
  /** A length or height not said to be above the ground. */
  lengthFt: number | null;
  sectionIn: number | null;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?|\d+\s*\d?\/\d)`;

function toNumber(text: string): number {
  const fraction = /^(\d+)\s+(\d)\/(\d)$/.exec(text.trim()) ?? /^()(\d)\/(\d)$/.exec(text.trim());
  if (fraction) return Number(fraction[1] || 0) + Number(fraction[2]) / Number(fraction[3]);
  return Number(text);
}

/** What a monument description says, as far as it can be read. */
export function readMonumentDescription(text: string): MonumentDescription {
  const lower = text.toLowerCase().replace(/×/g, ' x ');
  const kind = /\b(post|pipe|stake|rod|t-post|lath)\b/.test(lower)
    ? 'post'
    : /\b(mound|cairn|stones?|rock)\b/.test(lower)
      ? 'mound'
      : /\btree\b/.test(lower)
        ? 'tree'
        : null;
  const feet = [...lower.matchAll(new RegExp(`${NUMBER}\\s*(?:-\\s*)?(?:ft\\b|feet\\b|foot\\b|')`, 'g'))].map((m) => ({ value: toNumber(m[1]!), at: m.index }));
  const inches = [...lower.matchAll(new RegExp(`${NUMBER}\\s*(?:-\\s*)?(?:in\\b|inch(?:es)?\\b|")`, 'g'))].map((m) => toNumber(m[1]!));
  let aboveGroundFt: number | null = null;
  let lengthFt: number | null = null;
  for (const { value, at } of feet) {
    const after = lower.slice(at, at + 40);
    const before = lower.slice(Math.max(0, at - 20), at);
    if (/above (the )?ground|projecting|high\b|tall\b|out of the ground/.test(after) || /projecting|height of|high/.test(before)) {
      aboveGroundFt = Math.max(aboveGroundFt ?? 0, value);
    } else {
      lengthFt = Math.max(lengthFt ?? 0, value);
    }
  }
  return {
    kind,
    plastic: /\b(pvc|plastic|abs)\b/.test(lower),
    aboveGroundFt,
    lengthFt,
    sectionIn: inches.length > 0 ? Math.min(...inches) : null,
  };
}

export interface MonumentIssue {
  code: 'monument_below_minimum' | 'monument_unclear' | 'monument_plastic';
  severity: 'problem' | 'warning';
  message: string;
}

/** A post's length is taken to include about a foot set in the ground when no height above ground is stated. */
const ASSUMED_DEPTH_FT = 1;

export function monumentIssues(description: string, stateCode: string | null, landStatus: LandStatus = 'federal'): MonumentIssue[] {
  const minimum = monumentMinimum(stateCode, landStatus);
  if (!minimum || description.trim() === '') return [];
  const d = readMonumentDescription(description);
  const rule = `${minimum.citation}: ${minimum.text}`;
  const issues: MonumentIssue[] = [];
  if (d.plastic && (stateCode ?? '').toUpperCase() === 'NV') {
    issues.push({ code: 'monument_plastic', severity: 'warning', message: `The monument "${description}" is plastic; Nevada requires plastic monuments to be removed (NRS 517.030): use wood, metal or stone` });
  }
  if (d.kind === 'post' && minimum.postAboveGroundFt !== null) {
    const need = minimum.postAboveGroundFt;
    const height = d.aboveGroundFt ?? (d.lengthFt === null ? null : d.lengthFt - ASSUMED_DEPTH_FT);
    if (d.aboveGroundFt !== null && d.aboveGroundFt < need) {
      issues.push({ code: 'monument_below_minimum', severity: 'problem', message: `The monument "${description}" stands ${d.aboveGroundFt} ft above ground; ${rule}` });
    } else if (d.aboveGroundFt === null && d.lengthFt !== null && d.lengthFt < need) {
      issues.push({ code: 'monument_below_minimum', severity: 'problem', message: `The monument "${description}" is ${d.lengthFt} ft long in all, short of ${need} ft above ground; ${rule}` });
    } else if (height === null) {
      issues.push({ code: 'monument_unclear', severity: 'warning', message: `The monument "${description}" gives no height: state how far the post stands above ground (at least ${need} ft; ${minimum.citation})` });
    } else if (d.aboveGroundFt === null && height < need) {
      issues.push({ code: 'monument_unclear', severity: 'warning', message: `The monument "${description}": a ${d.lengthFt} ft post set about a foot deep stands ${height} ft above ground, short of ${need} ft (${minimum.citation}); say how high it stands, e.g. "projecting ${need} ft above ground"` });
    }
    if (minimum.postSectionIn !== null && d.sectionIn !== null && d.sectionIn < minimum.postSectionIn) {
      issues.push({ code: 'monument_below_minimum', severity: 'problem', message: `The monument "${description}" is ${d.sectionIn} in across; ${rule}` });
    }
  } else if (d.kind === 'mound' && minimum.moundFt !== null) {
    const height = d.aboveGroundFt ?? d.lengthFt;
    if (height !== null && height < minimum.moundFt) {
      issues.push({ code: 'monument_below_minimum', severity: 'problem', message: `The monument "${description}" is ${height} ft high; ${rule}` });
    }
  } else if (d.kind === null) {
    issues.push({ code: 'monument_unclear', severity: 'warning', message: `The monument "${description}" does not say what it is (post, stone mound, tree): ${rule}` });
  }
  return issues;
}
