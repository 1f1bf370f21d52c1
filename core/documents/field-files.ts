/**
 * The package's field files: GPS waypoints (GPX), claims for Google Earth (KML) and a corner / monument table
 * (CSV). The text is built by the pure builders in shared/documents; this is where the model is screened first,
 * so a claim with broken coordinates is left out of every field file alike and reported as a problem, and the
 * rest of the file is still written ("one bad claim never aborts a package").
 */
import { buildCsv, claimHasUsableCoordinates } from '../../shared/documents/csv';
import { buildGpx, isUsableLonLat, type FieldFileOptions } from '../../shared/documents/gpx';
import { buildKml } from '../../shared/documents/kml';
import { DOCUMENT_FILES, type PackageProblem } from '../../shared/documents/package-files';
import type { PackageClaim, PackageModel } from '../../shared/documents/package-model.types';
import type { DocumentRenderer, RenderResult } from './document.types';

type FieldKind = 'gpx' | 'kml' | 'kmz' | 'csv';

function brokenReason(claim: PackageClaim): string | null {
  if (claim.corners.length === 0) return 'it has no corners';
  if (claim.corners.length < 3) return `it has only ${claim.corners.length} corner${claim.corners.length === 1 ? '' : 's'}`;
  if (claimHasUsableCoordinates(claim)) return null;
  const corner = claim.corners.find((c) => !isUsableLonLat(c.lonLat) || !c.utm.every(Number.isFinite));
  if (corner) return `Corner ${corner.number} has no usable coordinates`;
  const monument = claim.monuments.find((m) => !isUsableLonLat(m.lonLat) || !m.utm.every(Number.isFinite));
  return monument ? `monument ${monument.label} has no usable coordinates` : 'a post has no usable coordinates';
}

/**
 * The model without unusable claims, and a problem for each. Posts keep their P-numbers (a gap is fine): the field
 * map and corner cards print the same numbers, so renumbering here would make the documents disagree.
 */
export function screenFieldModel(model: PackageModel, kind: FieldKind): { model: PackageModel; problems: PackageProblem[] } {
  const fileName = DOCUMENT_FILES[kind].fileName;
  const problems: PackageProblem[] = [];
  const claims: PackageClaim[] = [];
  for (const claim of model.claims) {
    const reason = brokenReason(claim);
    if (reason === null) claims.push(claim);
    else problems.push({ document: kind, claim: claim.name, message: `Left out of ${fileName}: ${reason}.` });
  }
  const kept = new Set(claims.map((c) => c.name));
  const posts: PackageModel['posts'] = [];
  for (const post of model.posts) {
    const markings = post.markings.filter((m) => kept.has(m.claim));
    if (markings.length === 0) continue;
    if (!isUsableLonLat(post.lonLat)) {
      problems.push({ document: kind, claim: null, message: `Post ${post.id} left out of ${fileName}: it has no usable coordinates.` });
      continue;
    }
    posts.push(markings.length === post.markings.length ? post : { ...post, markings });
  }
  return { model: { ...model, claims, posts }, problems };
}

function render(kind: FieldKind, build: (model: PackageModel, options: FieldFileOptions) => string): DocumentRenderer {
  return (model, context) => {
    const screened = screenFieldModel(model, kind);
    const result: RenderResult = {
      document: { kind, bytes: new TextEncoder().encode(build(screened.model, { waypointNameMax: context.waypointNameMax })), pages: null },
      problems: screened.problems,
    };
    return Promise.resolve(result);
  };
}

export const renderGpx: DocumentRenderer = render('gpx', buildGpx);
export const renderKml: DocumentRenderer = render('kml', buildKml);
export const renderCsv: DocumentRenderer = render('csv', buildCsv);
