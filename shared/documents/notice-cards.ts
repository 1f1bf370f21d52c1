/**
 * What each corner card (post tag) says: one card per physical POST (model.posts), so the common corner of two
 * claims gets one card carrying both claims' markings, as the post itself must. Each marking gives the directions
 * of the boundary lines from that corner (required on Idaho posts, IC 47-602; printed for every state because it
 * is how a staker checks the post faces the right way), with the date of location and the locator (good practice),
 * blank when not yet known. The post that carries a claim's notice says so.
 */
import { formatBearing, formatFeet } from './bearing-format';
import { longDate } from './notice-blocks';
import { boundaryLinesText, locationText, markingText, MONUMENT_NAMES } from './notice-corners';
import type { PackageClaim, PackageModel, PackagePost } from './package-model.types';
import { placeText } from './place-text';

export interface CardMarking {
  claim: string;
  /** "LUCKY STRIKE 1 — Corner No. 2", plus " · LM" when the location monument stands on this corner. */
  marking: string;
  /** "Lines run N 14°58'03\" E to Corner No. 3 and …", a centerline for a discovery monument, or ''. */
  lines: string;
}

export interface CornerCard {
  postId: string;
  /** "Corner post", "Discovery monument", "Corner post · location monument". */
  kindLabel: string;
  markings: CardMarking[];
  /** '' when the date is not known yet: a blank to write on. */
  dateOfLocation: string;
  locator: string;
  /** "Pershing County, Nevada" (blank parts left out); Alaska: the recording district. */
  place: string;
  location: string;
  /** The claims whose notice is posted on this post ("Post the notice of … here"). */
  noticeFor: string[];
}

function cornerLines(claim: PackageClaim | undefined, number: number): string {
  const lines = claim ? boundaryLinesText(claim, number) : '';
  return lines === '' ? '' : `Lines run ${lines}`;
}

function discoveryLines(claim: PackageClaim | undefined): string {
  const f = claim?.frame;
  if (!f?.fromDiscoveryFt) return '';
  return `Centerline ${formatBearing(f.courseDeg)} ${formatFeet(f.fromDiscoveryFt.end)} and ${formatBearing(f.courseDeg + 180)} ${formatFeet(f.fromDiscoveryFt.start)} to the end lines`;
}

/** One marking per claim at this post; a claim's corner and its LM on the same post read as one marking. */
function cardMarkings(model: PackageModel, post: PackagePost): CardMarking[] {
  const byClaim = new Map<string, string[]>();
  for (const m of post.markings) byClaim.set(m.claim, [...(byClaim.get(m.claim) ?? []), m.designation]);
  return [...byClaim].map(([claimName, designations]) => {
    const claim = model.claims.find((c) => c.name === claimName);
    const corner = designations.map((d) => /^Corner (\d+)$/.exec(d)).find((m) => m !== null);
    const others = designations.filter((d) => !/^Corner \d+$/.test(d));
    if (corner) {
      const lm = others.some((d) => d.startsWith('LM')) ? ' · LM' : '';
      return { claim: claimName, marking: `${markingText(claimName, corner[0])}${lm}`, lines: cornerLines(claim, Number(corner[1])) };
    }
    const label = others.join(' · ');
    return { claim: claimName, marking: markingText(claimName, label), lines: label === 'DM' ? discoveryLines(claim) : '' };
  });
}

function kindLabel(post: PackagePost): string {
  if (post.kind !== 'corner') return MONUMENT_NAMES[post.kind];
  return post.markings.some((m) => m.designation.startsWith('LM')) ? 'Corner post · location monument' : 'Corner post';
}

export function cornerCard(model: PackageModel, post: PackagePost): CornerCard {
  if (post.markings.length === 0) throw new Error(`Post ${post.id} has no claim marking.`);
  return {
    postId: post.id,
    kindLabel: kindLabel(post),
    markings: cardMarkings(model, post),
    dateOfLocation: longDate(model.dateOfLocation),
    locator: model.claimant.name,
    place: placeText(model),
    location: locationText(model, post.utm, post.lonLat),
    noticeFor: model.claims.filter((c) => c.notice.postId === post.id).map((c) => c.name),
  };
}
