/**
 * The notice's monuments: the monument type, a coordinate table of every corner and monument (NAD83 / UTM and
 * NAD83 latitude and longitude: the package's lon/lat are NAD83 geographic, within about a metre of the WGS84 a
 * GPS shows), and, where the state asks (NRS 517.050(1)(f), PRC 3901, IC 47-602), each corner located and
 * described with its markings. Where the notice is posted comes from the claim's placement rule, never assumed.
 */
import type { NoticeBlock } from './notice-blocks';
import { BLANK } from './notice-blocks';
import type { NoticeContext } from './notice-content';
import {
  boundaryLinesText,
  cornerTitle,
  courseText,
  crsText,
  markingText,
  MONUMENT_NAMES,
  otherMarkings,
} from './notice-corners';
import { formatLatLon, formatUtm, trueCourse } from './bearing-format';
import type { PackageCorner } from './package-model.types';
import { FOOT_M } from '../geo/utm';

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
    caption: `Coordinates: ${crsText(model)}, metres; latitude and longitude NAD83, decimal degrees.`,
    columns: [
      { header: 'Corner / monument', width: 33, align: 'left' },
      { header: 'Post', width: 7, align: 'left' },
      { header: 'Easting', width: 14, align: 'right' },
      { header: 'Northing', width: 15, align: 'right' },
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

const POSTED = 'this notice is posted on it';

function cornerDescriptions(ctx: NoticeContext): NoticeBlock {
  const { model, claim, rule, lmCorner } = ctx;
  const type = model.monumentType || BLANK;
  const postedOn = claim.notice.postId;
  const items = claim.corners.map((c) => {
    const also = otherMarkings(model, c.postId, claim.name);
    const lines = boundaryLinesText(claim, c.number);
    const parts = [
      `A ${type}, post ${c.postId}, marked “${markingText(claim.name, `Corner ${c.number}`)}”`,
      also.length > 0 ? `also marked “${also.join('”, “')}” as a common corner` : '',
      rule.cornerLineDirections ? `and with the directions of the boundary lines, which run ${lines}` : `from it the boundary lines run ${lines}`,
      fromMonument(ctx, c),
      c === lmCorner ? 'this corner is the location monument' : '',
      c.postId === postedOn ? POSTED : '',
    ];
    return { term: cornerTitle(c), text: `${parts.filter((p) => p !== '').join('; ')}.` };
  });
  for (const m of claim.monuments) {
    if (m.kind === 'location' && lmCorner) continue;
    const posted = m.postId === postedOn ? `; ${POSTED}` : '';
    items.push({ term: `${MONUMENT_NAMES[m.kind]} (${m.label})`, text: `A ${type}, post ${m.postId}, marked “${markingText(claim.name, m.label)}”${posted}.` });
  }
  return { kind: 'items', items };
}

export function monumentSection(ctx: NoticeContext): NoticeBlock[] {
  const { model, rule, claim } = ctx;
  const where = claim.notice.postId ? `${claim.notice.where} (post ${claim.notice.postId})` : claim.notice.where;
  const blocks: NoticeBlock[] = [
    { kind: 'heading', text: 'Monuments' },
    { kind: 'fields', fields: [{ label: 'Monuments used', value: model.monumentType }, { label: 'Notice posted', value: `${where}, ${claim.notice.citation}` }] },
    coordinateTable(ctx),
  ];
  if (rule.cornerMarkingsRequired) {
    blocks.push({ kind: 'paragraph', style: 'body', text: 'Location and description of each corner, with the markings on it:' }, cornerDescriptions(ctx));
  }
  return blocks;
}
