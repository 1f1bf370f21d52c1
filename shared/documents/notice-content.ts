/**
 * WHAT a claim's location notice / certificate of location says, from the package model and the state's rules
 * (shared/claims/state-rules.ts, document fields; research sections 2 and 3.2 "Fields by document"). Pure: the PDF
 * renderer lays these blocks out and adds nothing of substance, so every legal item is checked by unit tests here.
 * A state's item that the model cannot supply (discovery date, PLSS, county) becomes a blank line to fill in, never
 * a silently missing item: an NV certificate or WY location certificate lacking an item is void.
 */
import { stateRule, type StateRule } from '../claims/state-rules';
import { formatAcres, formatBearing, formatFeet, formatLatLon, formatUtm, generalCourse, trueCourse } from './bearing-format';
import { BLANK, longDate, type NoticeBlock, type NoticeDocument, type NoticeField } from './notice-blocks';
import {
  boundaryLinesText,
  cornerLabel,
  cornerTitle,
  courseText,
  crsText,
  locationMonumentCorner,
  locationText,
  markingText,
  MONUMENT_NAMES,
  otherMarkings,
} from './notice-corners';
import { noticeSignatures } from './notice-signatures';
import type { PackageClaim, PackageCorner, PackageModel } from './package-model.types';
import { FOOT_M } from '../geo/utm';

export interface NoticeContext {
  model: PackageModel;
  claim: PackageClaim;
  rule: StateRule;
  /** The corner the notice is posted on when the LM is a corner (ID, NM), else null. */
  lmCorner: PackageCorner | null;
}

const feet = (ft: number): string => formatFeet(ft);

function kindWords(claim: PackageClaim, model: PackageModel): string {
  if (claim.kind === 'placer') return model.claimant.locatorCount > 1 ? 'association placer' : 'placer';
  return 'lode';
}

function claimSection({ model, claim, rule }: NoticeContext): NoticeBlock[] {
  const kind = kindWords(claim, model);
  const fields: NoticeField[] = [
    { label: 'Name of claim', value: claim.name },
    { label: 'Kind of claim', value: `${kind[0]!.toUpperCase()}${kind.slice(1)} mining claim` },
    { label: 'Date of location', value: longDate(model.dateOfLocation) },
  ];
  if (rule.discoveryDateRequired) fields.push({ label: 'Date of discovery', value: '' });
  const place: NoticeField[] = [];
  if (rule.districtRequired || model.district !== '') place.push({ label: 'Mining district', value: model.district });
  place.push({ label: 'County', value: model.county }, { label: 'State', value: model.stateName });
  if (rule.recordingDistrictRequired) place.push({ label: 'Recording district', value: '' });
  return [{ kind: 'heading', text: 'The claim' }, { kind: 'fields', fields }, { kind: 'fields', fields: place, row: true }];
}

function locatorSection({ model, claim }: NoticeContext): NoticeBlock[] {
  const c = model.claimant;
  const fields: NoticeField[] = [
    { label: c.locatorCount > 1 ? 'Locators' : 'Locator', value: c.name },
    { label: 'Mailing address', value: c.addressLines.join('\n') },
  ];
  if (claim.kind === 'placer' && c.locatorCount > 1) {
    fields.push({ label: 'Number of locators', value: `${c.locatorCount} (at most 20 acres per locator, 43 CFR 3832.22)` });
  }
  if (c.agentName !== '') {
    fields.push({ label: 'Agent', value: c.agentName }, { label: "Agent's address", value: c.agentAddress });
  }
  return [{ kind: 'heading', text: c.locatorCount > 1 ? 'Locators' : 'Locator' }, { kind: 'fields', fields }];
}

function landSection({ model }: NoticeContext): NoticeBlock[] {
  const p = model.plss;
  return [
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
  ];
}

function dimensionSection(ctx: NoticeContext): NoticeBlock[] {
  const { claim, rule, lmCorner } = ctx;
  const f = claim.frame;
  const fields: NoticeField[] = [];
  const blocks: NoticeBlock[] = [{ kind: 'heading', text: 'Dimensions and course' }, { kind: 'fields', fields }];
  if (f === null) {
    fields.push({ label: 'Shape', value: `Irregular, ${claim.corners.length} corners: described by the courses below` });
  } else {
    fields.push(
      { label: 'Length (centerline)', value: feet(f.lengthFt) },
      { label: 'General course', value: `${generalCourse(f.courseDeg)} (centerline ${formatBearing(f.courseDeg)})` },
    );
    if (f.fromDiscoveryFt) {
      fields.push({
        label: 'From discovery monument',
        value: `${feet(f.fromDiscoveryFt.start)} ${formatBearing(f.courseDeg + 180)} and ${feet(f.fromDiscoveryFt.end)} ${formatBearing(f.courseDeg)} along the centerline, to the end lines`,
      });
    } else if (lmCorner) {
      fields.push({ label: 'Location monument', value: `${cornerTitle(lmCorner)}, where this notice is posted; there is no separate discovery monument` });
    }
    const { left, right } = f.sideWidthFt;
    fields.push({
      label: 'Width each side',
      value: Math.abs(left - right) < 0.005
        ? `${feet(left)} on each side of the centerline (${feet(f.widthFt)} in all)`
        : `${feet(left)} on the left and ${feet(right)} on the right, facing ${formatBearing(f.courseDeg)} (${feet(f.widthFt)} in all)`,
    });
  }
  fields.push({ label: 'Surface area claimed', value: formatAcres(claim.areaAcres) });
  if (rule.distanceToEachEnd) {
    const each = f?.fromDiscoveryFt
      ? `${feet(f.fromDiscoveryFt.start)} to the end of the claim lying ${formatBearing(f.courseDeg + 180)} of it, and ${feet(f.fromDiscoveryFt.end)} to the end lying ${formatBearing(f.courseDeg)} of it`
      : `${BLANK} ft to one end of the claim and ${BLANK} ft to the other end`;
    blocks.push({ kind: 'paragraph', style: 'statement', text: `Distance from the location monument to each end of the claim: ${each}${rule.noticeStatute ? ` (${rule.noticeStatute})` : ''}.` });
  }
  return blocks;
}

function coordinateTable({ model, claim, lmCorner }: NoticeContext): NoticeBlock {
  const row = (name: string, post: string, utm: readonly [number, number], lonLat: readonly [number, number]): string[] => {
    const { easting, northing } = formatUtm(utm);
    const { latitude, longitude } = formatLatLon([lonLat[0], lonLat[1]]);
    return [name, post, easting, northing, latitude, longitude];
  };
  const rows = claim.corners.map((c) => row(`${cornerTitle(c)}${c === lmCorner ? ' — LM' : ''}`, c.postId, c.utm, c.lonLat));
  for (const m of claim.monuments) {
    if (m.kind !== 'location' || !lmCorner) rows.push(row(`${MONUMENT_NAMES[m.kind]} (${m.label})`, m.postId, m.utm, m.lonLat));
  }
  return {
    kind: 'table',
    caption: `Corner coordinates: ${crsText(model)}, metres; latitude and longitude in decimal degrees (WGS84).`,
    columns: [
      { header: 'Corner / monument', width: 31, align: 'left' },
      { header: 'Post', width: 7, align: 'left' },
      { header: 'Easting (m)', width: 15, align: 'right' },
      { header: 'Northing (m)', width: 16, align: 'right' },
      { header: 'Latitude', width: 15, align: 'right' },
      { header: 'Longitude', width: 16, align: 'right' },
    ],
    rows,
  };
}

/** Where a corner lies from the claim's monument: how a certificate traditionally locates each corner. */
function fromMonument(ctx: NoticeContext, corner: PackageCorner): string {
  const dm = ctx.claim.monuments.find((m) => m.kind === 'discovery');
  const origin = dm ? { name: 'the discovery monument', lonLat: dm.lonLat } : ctx.lmCorner ? { name: 'the location monument', lonLat: ctx.lmCorner.lonLat } : null;
  if (!origin || corner === ctx.lmCorner) return '';
  const course = trueCourse(origin.lonLat, corner.lonLat);
  return `located ${courseText(course.bearingDeg, course.distanceM / FOOT_M)} from ${origin.name}`;
}

/** NRS 517.050 "location and description of each corner, with the markings thereon"; IC 47-602 line directions. */
function cornerDescriptions(ctx: NoticeContext): NoticeBlock {
  const { model, claim, rule, lmCorner } = ctx;
  const type = model.monumentType || BLANK;
  const items = claim.corners.map((c) => {
    const also = otherMarkings(model, c.postId, claim.name);
    const lines = boundaryLinesText(claim, c.number);
    const parts = [
      `A ${type}, post ${c.postId}, marked “${markingText(claim.name, `Corner ${c.number}`)}”`,
      also.length > 0 ? `also marked “${also.join('”, “')}” as a common corner` : '',
      rule.cornerLineDirections ? `and with the directions of the boundary lines, which run ${lines}` : `from it the boundary lines run ${lines}`,
      fromMonument(ctx, c),
      c === lmCorner ? 'this corner is the location monument, where this notice is posted' : '',
    ];
    return { term: cornerTitle(c), text: `${parts.filter((p) => p !== '').join('; ')}.` };
  });
  for (const m of claim.monuments) {
    if (m.kind === 'location' && lmCorner) continue;
    const posted = m.kind === 'discovery' ? '; this notice is posted on it' : '';
    items.push({
      term: `${MONUMENT_NAMES[m.kind]} (${m.label})`,
      text: `A ${type}, post ${m.postId}, marked “${markingText(claim.name, m.label)}”${posted}.`,
    });
  }
  return { kind: 'items', items };
}

function monumentSection(ctx: NoticeContext): NoticeBlock[] {
  const { model, rule } = ctx;
  const blocks: NoticeBlock[] = [
    { kind: 'heading', text: 'Monuments' },
    { kind: 'fields', fields: [{ label: 'Monuments used', value: model.monumentType }] },
    coordinateTable(ctx),
  ];
  if (rule.cornerMarkingsRequired) {
    blocks.push({ kind: 'paragraph', style: 'body', text: 'Location and description of each corner, with the markings on it:' }, cornerDescriptions(ctx));
  }
  return blocks;
}

function boundarySection({ claim, lmCorner }: NoticeContext): NoticeBlock[] {
  const start = lmCorner ?? claim.corners[0]!;
  const at = Math.max(0, claim.courses.findIndex((c) => c.from === start.number));
  const courses = [...claim.courses.slice(at), ...claim.courses.slice(0, at)];
  const dm = claim.monuments.find((m) => m.kind === 'discovery');
  const fromDm = dm ? trueCourse(dm.lonLat, start.lonLat) : null;
  const lead = fromDm ? `From the discovery monument, ${cornerLabel(start.number)} bears ${courseText(fromDm.bearingDeg, fromDm.distanceM / FOOT_M)}. ` : '';
  const steps = courses.map((c, k) => `thence ${courseText(c.bearingDeg, c.distanceFt)} to ${cornerLabel(c.to)}${k === courses.length - 1 ? ', the place of beginning' : ''}`);
  const text = `${lead}Beginning at ${cornerLabel(start.number)}${lmCorner ? ', the location monument' : ''}, ${steps.join('; ')}; containing ${formatAcres(claim.areaAcres)}.`;
  return [{ kind: 'heading', text: 'Boundary description (true bearings, ground distances)' }, { kind: 'paragraph', style: 'body', text }];
}

function tieSection({ model, claim, lmCorner }: NoticeContext): NoticeBlock[] {
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

function stateStatements({ rule }: NoticeContext): NoticeBlock[] {
  if (!rule.mapStatementRequired) return [];
  return [
    { kind: 'heading', text: 'Location work' },
    { kind: 'paragraph', style: 'statement', text: `The location work for this claim consisted of making the maps of the claim required by NRS 517.040, filed with this certificate.` },
    { kind: 'paragraph', style: 'statement', text: `This certificate is recorded in duplicate, with two copies of the map of the claim (${rule.noticeStatute ?? 'NRS 517.050'}).` },
  ];
}

function opening({ model, claim, rule }: NoticeContext): NoticeBlock {
  const several = model.claimant.locatorCount > 1;
  const act = /certificate/i.test(rule.certificateName) ? (several ? 'certify' : 'certifies') : several ? 'give notice of' : 'gives notice of';
  const state = model.stateName !== '' ? model.stateName : BLANK;
  return {
    kind: 'paragraph',
    style: 'body',
    text: `The undersigned ${several ? 'locators' : 'locator'} hereby ${act} the location of the ${claim.name} ${kindWords(claim, model)} mining claim described below, and ${several ? 'claim' : 'claims'} the land within its boundaries, under the General Mining Law of the United States (30 U.S.C. § 22 et seq.) and the laws of the State of ${state}.`,
  };
}

/** The notice for one claim. Throws when the claim cannot be described (fewer than 3 corners). */
export function noticeContent(model: PackageModel, claim: PackageClaim): NoticeDocument {
  if (claim.corners.length < 3 || claim.courses.length < 3) {
    throw new Error(`The claim has ${claim.corners.length} corners: its boundary cannot be described.`);
  }
  const rule = stateRule(model.stateCode);
  const ctx: NoticeContext = { model, claim, rule, lmCorner: rule.lm === 'corner' ? locationMonumentCorner(claim) : null };
  const sections = [
    [opening(ctx)],
    claimSection(ctx),
    locatorSection(ctx),
    landSection(ctx),
    dimensionSection(ctx),
    monumentSection(ctx),
    boundarySection(ctx),
    tieSection(ctx),
    stateStatements(ctx),
    noticeSignatures(model, rule),
  ];
  let n = 0;
  const blocks = sections.flat().map((b): NoticeBlock => (b.kind === 'heading' ? { ...b, text: `${(n += 1)}. ${b.text}` } : b));
  const kind = kindWords(claim, model);
  return {
    claimName: claim.name,
    title: rule.certificateName,
    subtitle: `${kind[0]!.toUpperCase()}${kind.slice(1)} mining claim · ${claim.name}`,
    authority: `Under ${rule.noticeStatute ? `${rule.noticeStatute} and ` : ''}the General Mining Law (30 U.S.C. § 22 et seq.)`,
    returnTo: [model.claimant.name, ...model.claimant.addressLines].filter((line) => line !== ''),
    blocks,
  };
}
