/**
 * WHAT the staking crew's field instructions say, from the package model: per post what to set and how to mark
 * it (in staking order), where each claim's notice goes (notice-placement.ts), the state's minimum monument
 * (monument-spec.ts) checked against the job's, the deadlines that start when the notice is posted (the
 * obligations table: monuments, recording, BLM), the magnetic declination at the site for the date so the true
 * bearings can be walked with a compass, and each claim's courses in true and magnetic bearings. Pure: the PDF
 * only lays it out.
 */
import { monumentIssues, monumentMinimum } from '../claims/monument-spec';
import { stateRule } from '../claims/state-rules';
import { formatDeclination, magneticDeclination, trueToMagnetic } from '../geo/declination';
import { formatBearing, formatFeet, formatLatLon, formatUtm } from './bearing-format';
import { formatLongDate } from './calendar';
import { locatorNames } from './notice-parties';
import { MONUMENT_NAMES } from './notice-corners';
import { packageObligations } from './obligations/obligations';
import type { PackageModel, PackagePost } from './package-model.types';
import { placeText } from './place-text';

export interface FieldInstructions {
  title: string;
  facts: { label: string; value: string }[];
  declination: { headline: string; howTo: string };
  monument: { rule: string; job: string; warnings: string[] };
  deadlines: { label: string; dateText: string; rule: string }[];
  notices: string[];
  posts: string[][];
  courses: string[][];
  notes: string[];
}

export const POST_COLUMNS = ['Post', 'Set', 'Mark it', 'Latitude', 'Longitude', 'UTM E', 'UTM N'];
export const COURSE_COLUMNS = ['Claim', 'From–to', 'True bearing', 'Compass bearing', 'Ground distance'];

function centreOf(model: PackageModel): [number, number] | null {
  const points = model.posts.map((p) => p.lonLat);
  if (points.length === 0) return null;
  return [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];
}

function setText(model: PackageModel, post: PackagePost): string {
  const what = post.kind === 'corner' ? 'Corner post' : MONUMENT_NAMES[post.kind];
  return `${what}${model.monumentType ? `: ${model.monumentType}` : ''}`;
}

function postRow(model: PackageModel, post: PackagePost): string[] {
  const notices = model.claims.filter((c) => c.notice.postId === post.id).map((c) => c.name);
  const marks = post.markings.map((m) => `${m.claim} ${m.designation.replace(/^Corner (\d+)$/, 'Corner No. $1')}`).join('; ');
  const { latitude, longitude } = formatLatLon(post.lonLat);
  const { easting, northing } = formatUtm(post.utm);
  const notice = notices.length > 0 ? ` — POST THE NOTICE of ${notices.join(', ')} here` : '';
  return [post.id, setText(model, post), `${marks}${notice}`, latitude, longitude, easting, northing];
}

export function fieldInstructions(model: PackageModel): FieldInstructions {
  const rule = stateRule(model.stateCode);
  const date = model.dateOfLocation ?? model.preparedOn;
  const centre = centreOf(model);
  const declination = centre ? magneticDeclination(centre, date) : null;
  const dateWords = model.dateOfLocation ? `on the date of location, ${formatLongDate(date)}` : `on ${formatLongDate(date)} (the date of location is not set; recompute near the staking date)`;
  const headline = declination
    ? `Magnetic declination ${formatDeclination(declination.deg)} at the claims ${dateWords} (${declination.model})`
    : `Magnetic declination: no World Magnetic Model bundled here covers ${formatLongDate(date)}; look it up (NOAA) before using a compass`;
  const howTo = declination
    ? `Every bearing on the notices and maps is TRUE. A compass set to 0° declination reads ${declination.deg >= 0 ? 'less' : 'more'} than the true bearing by ${formatDeclination(declination.deg).replace(/ [EW]$/, '')}: set the compass's declination to ${formatDeclination(declination.deg)}, or use the compass bearings below. GPS waypoints need no correction.`
    : 'Every bearing on the notices and maps is TRUE; correct for declination before walking a line by compass. GPS waypoints need no correction.';

  const minimum = monumentMinimum(model.stateCode, model.landStatus);
  const { obligations } = packageObligations(model);
  const fieldDeadlines = obligations.filter((o) => o.category === 'monumenting' || o.category === 'recording' || o.category === 'blm-filing');

  const courses = model.claims.flatMap((claim) =>
    claim.courses.map((c, k) => [
      k === 0 ? claim.name : '',
      `${c.from}–${c.to}`,
      formatBearing(c.bearingDeg),
      declination ? formatBearing(trueToMagnetic(c.bearingDeg, declination.deg)) : '—',
      formatFeet(c.distanceFt),
    ]),
  );

  const kinds = [...new Set(model.claims.map((c) => c.kind))].join(' and ');
  return {
    title: `Field instructions — ${model.order.orderNumber}`,
    facts: [
      { label: 'Where', value: placeText(model) || 'State not known: check the state\'s staking law' },
      { label: 'Land', value: model.landStatus === 'state' ? 'State of Alaska land (DNR rules)' : 'Federal land (General Mining Law)' },
      { label: 'Claims', value: `${model.claims.length} ${kinds} claim${model.claims.length === 1 ? '' : 's'}, ${model.posts.length} posts in staking order P1–P${model.posts.length}` },
      { label: 'Locators', value: locatorNames(model) },
      { label: 'Date of location', value: model.dateOfLocation ? formatLongDate(model.dateOfLocation) : 'Not set: it is the day the notice is posted; write it on every notice and card' },
    ],
    declination: { headline, howTo },
    monument: {
      rule: minimum ? `${minimum.text} (${minimum.citation})` : `No minimum monument is on file for ${rule.name}: follow the state's staking law; BLM's guide suggests a 4 × 4 in post at least 4 ft long.`,
      job: model.monumentType || 'Not entered on the job',
      warnings: monumentIssues(model.monumentType, model.stateCode, model.landStatus).map((i) => i.message),
    },
    deadlines: fieldDeadlines.map((o) => ({ label: o.label, dateText: o.dateText, rule: `${o.rule} (${o.citation})` })),
    notices: model.claims.map((c) => `${c.name}: ${c.notice.where}${c.notice.postId ? ` — post ${c.notice.postId}` : ''} (${c.notice.citation}).`),
    posts: model.posts.map((p) => postRow(model, p)),
    courses,
    notes: [
      ...rule.notes,
      ...model.notes,
      'Mark each post on the face toward the claim with the claim name and the corner number (C1…C4), S/C for side-line centres, E/C for end-line centres and D.M. for the discovery monument (Mineral Survey Procedures Guide).',
      'Where a corner falls where no post can stand (private land, water, a cliff), set a witness post on a claim line nearby and mark it "WC" with the bearing and distance to the true corner.',
    ],
  };
}
