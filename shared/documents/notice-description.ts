/**
 * How a notice describes the ground. A lode: its length along the centerline, general course, the distances from
 * the discovery to each end and the width each side (NRS 517.010(3)(d), A.R.S. 27-202, PRC 3900(c)). A placer has
 * no vein, so none of that: it is described by legal subdivision where it conforms to the public land survey,
 * otherwise by metes and bounds (30 U.S.C. 35; 43 CFR 3832.12(c); NRS 517.090; PRC 3902). Both get the courses
 * round the boundary and the tie to a reference point. The land description fields come from the package model's
 * one PLSS description (model.plss), so a PLSS lookup that fills it fills every notice.
 */
import { formatAcres, formatBearing, formatFeet, generalCourse, trueCourse } from './bearing-format';
import { BLANK, type NoticeBlock, type NoticeField } from './notice-blocks';
import type { NoticeContext } from './notice-content';
import { cornerLabel, cornerTitle, courseText, locationText } from './notice-corners';
import type { PackageClaim } from './package-model.types';
import { FOOT_M } from '../geo/utm';
import { landDescriptionText } from '../plss/land-description';

const feet = (ft: number): string => formatFeet(ft);

/** A placer whose every boundary runs within this of true N–S or E–W follows the survey's lines. */
export const PLACER_CARDINAL_TOLERANCE_DEG = 0.5;

/** True when a placer's lines run with the public land survey (true north), so it can be a legal subdivision. */
export function placerConforms(claim: PackageClaim): boolean {
  if (claim.kind !== 'placer' || claim.courses.length !== 4) return false;
  return claim.courses.every((c) => {
    const r = ((c.bearingDeg % 90) + 90) % 90;
    return Math.min(r, 90 - r) <= PLACER_CARDINAL_TOLERANCE_DEG;
  });
}

export function landSection({ model, claim }: NoticeContext): NoticeBlock[] {
  const p = model.plss;
  const blocks: NoticeBlock[] = [
    { kind: 'heading', text: 'Land description' },
    {
      kind: 'fields',
      row: true,
      fields: [
        { label: 'Meridian', value: p.meridian.trim() },
        { label: 'Township', value: p.township.trim() },
        { label: 'Range', value: p.range.trim() },
        { label: 'Section(s)', value: p.sections.trim() },
        { label: 'Aliquot part', value: p.aliquot.trim() },
      ],
    },
    // The same fields as one legal description, the way recorders and BLM read it (43 CFR 3832.12(c)).
    ...(p.township.trim() || p.sections.trim() ? [{ kind: 'paragraph' as const, style: 'body' as const, text: `Described as ${landDescriptionText(p)}.` }] : []),
  ];
  if (claim.kind === 'placer') {
    const conforms = placerConforms(claim);
    // One package-wide aliquot describes a one-claim package; with several claims each needs its own subdivision.
    // The same one-line legal description the land section prints (a meridian filled from the PLSS already ends in
    // "Meridian"; an aliquot list may name several sections).
    const subdivision = conforms && model.claims.length === 1 && p.aliquot.trim() !== '' && p.sections.trim() !== '' ? landDescriptionText(p) : '';
    blocks.push({
      kind: 'paragraph',
      style: 'statement',
      text: conforms
        ? `This placer claim conforms to the public land survey: its lines run true north–south and east–west, and it is described by legal subdivision as ${subdivision || `the ${BLANK}`} (30 U.S.C. § 35; 43 CFR 3832.12(c)). The courses below are the boundary as staked.`
        : 'This placer claim does not follow the lines of the public land survey, so it is described by metes and bounds: the courses below, tied to the reference point (43 CFR 3832.12(c)).',
    });
  }
  return blocks;
}

function lodeDimensions(ctx: NoticeContext, claim: PackageClaim, fields: NoticeField[]): void {
  const f = claim.frame!;
  fields.push(
    { label: 'Length (centerline)', value: feet(f.lengthFt) },
    // The general course is the centerline's own direction, rounded: never its reverse.
    { label: 'General course', value: `${generalCourse(f.courseDeg)} (centerline ${formatBearing(f.courseDeg)})` },
  );
  if (f.fromDiscoveryFt) {
    fields.push({
      label: 'From discovery monument',
      value: `${feet(f.fromDiscoveryFt.start)} ${formatBearing(f.courseDeg + 180)} and ${feet(f.fromDiscoveryFt.end)} ${formatBearing(f.courseDeg)} along the centerline, to the end lines`,
    });
  }
  if (ctx.lmCorner) {
    fields.push({ label: 'Location monument', value: `${cornerTitle(ctx.lmCorner)}, where this notice is posted` });
  }
  const { left, right } = f.sideWidthFt;
  fields.push({
    label: 'Width each side',
    value: Math.abs(left - right) < 0.005
      ? `${feet(left)} on each side of the centerline (${feet(f.widthFt)} in all)`
      : `${feet(left)} on the left and ${feet(right)} on the right, facing ${formatBearing(f.courseDeg)} (${feet(f.widthFt)} in all)`,
  });
}

export function dimensionSection(ctx: NoticeContext): NoticeBlock[] {
  const { claim, rule } = ctx;
  const f = claim.frame;
  const fields: NoticeField[] = [];
  const blocks: NoticeBlock[] = [{ kind: 'heading', text: claim.kind === 'lode' ? 'Dimensions and course' : 'Dimensions' }, { kind: 'fields', fields }];
  if (f === null) {
    fields.push({ label: 'Shape', value: `Irregular, ${claim.corners.length} corners: described by the courses below` });
  } else if (claim.kind === 'lode') {
    lodeDimensions(ctx, claim, fields);
  } else {
    fields.push({ label: 'Sides', value: `${feet(f.lengthFt)} by ${feet(f.widthFt)}` });
  }
  fields.push({ label: 'Surface area claimed', value: formatAcres(claim.areaAcres) });
  if (rule.distanceToEachEnd && claim.kind === 'lode') {
    const each = f?.fromDiscoveryFt
      ? `${feet(f.fromDiscoveryFt.start)} to the end of the claim lying ${formatBearing(f.courseDeg + 180)} of it, and ${feet(f.fromDiscoveryFt.end)} to the end lying ${formatBearing(f.courseDeg)} of it`
      : `${BLANK} ft to one end of the claim and ${BLANK} ft to the other end`;
    blocks.push({ kind: 'paragraph', style: 'statement', text: `Distance from the location monument to each end of the claim: ${each}${rule.noticeStatute ? ` (${rule.noticeStatute})` : ''}.` });
  }
  return blocks;
}

export function boundarySection({ claim, lmCorner }: NoticeContext): NoticeBlock[] {
  const start = lmCorner ?? claim.corners[0]!;
  const at = Math.max(0, claim.courses.findIndex((c) => c.from === start.number));
  const courses = [...claim.courses.slice(at), ...claim.courses.slice(0, at)];
  const dm = claim.monuments.find((m) => m.kind === 'discovery');
  const fromDm = dm ? trueCourse(dm.lonLat, start.lonLat) : null;
  const lead = fromDm ? `From the discovery monument, ${cornerLabel(start.number)} bears ${courseText(fromDm.bearingDeg, fromDm.distanceM / FOOT_M)}. ` : '';
  const steps = courses.map((c, k) => `thence ${courseText(c.bearingDeg, c.distanceFt)} to ${cornerLabel(c.to)}${k === courses.length - 1 ? ', the place of beginning' : ''}`);
  const text = `${lead}Beginning at ${cornerLabel(start.number)}${lmCorner ? ', the location monument' : ''}, ${steps.join('; ')}; containing ${formatAcres(claim.areaAcres)}.`;
  const title = claim.kind === 'placer' && placerConforms(claim) ? 'Boundary as staked (true bearings, ground distances)' : 'Boundary description (true bearings, ground distances)';
  return [{ kind: 'heading', text: title }, { kind: 'paragraph', style: 'body', text }];
}

export function tieSection({ model, claim, lmCorner }: NoticeContext): NoticeBlock[] {
  const from = lmCorner ?? claim.corners[0]!;
  const fromText = `${cornerLabel(from.number)} of this claim${lmCorner ? ' (the posted corner)' : ''}`;
  const heading: NoticeBlock = { kind: 'heading', text: 'Tie to a reference point' };
  const tie = model.tie;
  if (!tie) {
    return [
      heading,
      { kind: 'fields', fields: [
        { label: 'Natural object or permanent monument', value: '' },
        { label: `Bearing and distance from ${cornerLabel(from.number)}`, value: '' },
      ] },
    ];
  }
  const course = trueCourse(from.lonLat, tie.lonLat);
  const text = `From ${fromText}, the reference point, ${tie.description || BLANK}, bears ${courseText(course.bearingDeg, course.distanceM / FOOT_M)}; the reference point is at ${locationText(model, tie.utm, tie.lonLat)}.`;
  return [heading, { kind: 'paragraph', style: 'body', text }];
}
