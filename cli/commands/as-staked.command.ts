/**
 * `claimdesk as-staked (--order TYPE:ID | --layout FILE.geojson --details FILE.json) --gpx FILE [--apply]
 * [--out DIR] [--json]`: the crew's staked posts (GPX waypoints or CSV) against the planned package: each post's
 * offset in ground feet and true bearing, ok / moved / missing, points that match nothing, and the problems of the
 * layout as staked. --apply makes the as-staked layout the order's job (signing in like `upload`; an order without
 * a job gets one with its claims as drawn) and regenerates its package, or, for a layout file, writes the as-staked
 * layout and its package to --out. Exit 0 every post ok and the layout passes, 1 something moved or missing or the
 * as-staked layout has problems, 2 bad usage or an unreadable file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { AppError } from '../../shared/errors';
import { DEFAULT_WAYPOINT_NAME_MAX } from '../../shared/basemap/map-settings';
import { deskDay } from '../../shared/domain/calendar-date';
import { MANIFEST_FILE } from '../../shared/documents/package-files';
import { allStakedOk, assessStaked } from '../../shared/field/assess-staked';
import { asStakedInfo } from '../../shared/field/as-staked-info';
import { DEFAULT_FIELD_TOLERANCES, type ExtraPoint, type FieldProblem, type StakedPostReport } from '../../shared/field/field.types';
import { layoutToFeatureCollection } from '../../shared/layout/layout-geojson';
import { findResourcesDir } from '../../core/documents/fonts';
import { parseLayoutDetails } from '../../core/documents/layout-details';
import { packageSourceFromLayout } from '../../core/documents/layout-package';
import { runPackageTask } from '../../core/documents/package-task';
import { writePackageFolder } from '../../core/documents/package-writer';
import { assessJob } from '../../core/field/field.service';
import { cachedJobOrDraft } from '../../core/jobs/cached-job';
import { parseStakedFile, type StakedFile } from '../../core/field/staked-file';
import { lookupLocation } from '../../core/geo/location-lookup';
import { CommandError, UsageError, withApp, withDatabase, type CliIo } from '../cli-context';
import { parseOrderKey } from '../order-key-arg';
import { assertWritableTarget, BadInput, readJson } from './package.command';
import { jobWithClaims } from './upload.command';
import { readSignInRequest, SIGN_IN_OPTIONS, signInForCommand } from '../sign-in';
import { readGeoJson, UnreadableFile } from './validate.command';

export const AS_STAKED_LAYOUT_FILE = 'as-staked-layout.geojson';

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
const latLon = (p: { lat: number; lon: number }) => ({ lat: round(p.lat, 7), lon: round(p.lon, 7) });

function postJson(p: StakedPostReport) {
  return {
    post: p.post,
    claims: p.claims,
    designation: p.designation,
    planned: latLon(p.planned),
    staked: p.staked ? latLon(p.staked) : null,
    offset_ft: p.offsetFt === null ? null : round(p.offsetFt, 2),
    bearing: p.bearingDeg === null ? null : round(p.bearingDeg, 2),
    status: p.status,
  };
}

function extraJson(e: ExtraPoint) {
  return { name: e.name, ...latLon(e), nearest_post: e.nearestPost, distance_ft: e.distanceFt === null ? null : round(e.distanceFt, 2) };
}

interface Outcome {
  posts: StakedPostReport[];
  extra: ExtraPoint[];
  problems: FieldProblem[];
  applied?: { folder: string | null; layout: string | null; package: string | null; refused: string[] };
}

function print(io: CliIo, outcome: Outcome, json: boolean): void {
  if (json) {
    const { applied } = outcome;
    io.stdout(`${JSON.stringify({ posts: outcome.posts.map(postJson), extra: outcome.extra.map(extraJson), problems: outcome.problems, ...(applied ? { applied } : {}) }, null, 2)}\n`);
    return;
  }
  for (const p of outcome.posts) {
    const offset = p.offsetFt === null ? '' : `${p.offsetFt.toFixed(1).padStart(7)} ft ${p.bearingDeg!.toFixed(1).padStart(5)}°`;
    io.stdout(`${p.status.padEnd(8)} ${p.post.padEnd(5)} ${offset.padEnd(18)} ${p.claims.map((c, k) => `${c} ${p.designation.split(' / ')[k] ?? ''}`).join('; ')}\n`);
  }
  for (const e of outcome.extra) io.stdout(`extra    "${e.name}" matches no post${e.nearestPost ? ` (nearest ${e.nearestPost}, ${e.distanceFt!.toFixed(1)} ft)` : ''}\n`);
  for (const problem of outcome.problems) io.stdout(`problem  ${problem.message}\n`);
  if (outcome.applied) {
    const a = outcome.applied;
    if (a.layout) io.stdout(`as-staked layout → ${a.layout}\n`);
    if (a.package) io.stdout(`as-staked package → ${a.package}\n`);
    for (const reason of a.refused) io.stdout(`not regenerated: ${reason}\n`);
  }
}

async function readStaked(file: string): Promise<StakedFile & { text: string }> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new BadInput(`Cannot read ${file}: ${error.code ?? error.message}`);
  });
  try {
    return { ...parseStakedFile(text, basename(file)), text };
  } catch (error) {
    // Not GPX, no waypoints, no latitude column: the file cannot be used, like one that cannot be read.
    if (error instanceof AppError && error.code === 'invalid-request') throw new BadInput(error.message);
    throw error;
  }
}

async function fromLayout(values: { layout: string; details: string; out?: string; apply: boolean }, staked: StakedFile): Promise<Outcome> {
  const geojson = await readGeoJson(values.layout);
  const parsed = parseLayoutDetails(await readJson(values.details));
  if (!parsed.ok) throw new BadInput(`${values.details}: ${parsed.message}`);
  const reference = parsed.details.reference?.trim() || basename(values.layout, extname(values.layout));
  const planned = packageSourceFromLayout(geojson, parsed.details, reference, lookupLocation);
  // Nothing to compare with: the planned package itself is refused (the same reasons `claimdesk package` gives).
  if (!planned.ok) throw new BadInput(`No planned package can be made from ${values.layout}: ${planned.reasons.join(' ')}`);
  const assessment = assessStaked(planned.source, staked.points, { tolerances: DEFAULT_FIELD_TOLERANCES, waypointNameMax: DEFAULT_WAYPOINT_NAME_MAX, job: planned.job });
  const outcome: Outcome = { posts: assessment.report.posts, extra: assessment.report.extra, problems: assessment.problems };
  if (!values.apply) return outcome;

  const outDir = resolve(values.out!);
  await assertWritableTarget(outDir);
  const applied: NonNullable<Outcome['applied']> = { folder: outDir, layout: null, package: null, refused: assessment.problems.map((p) => p.message) };
  if (assessment.problems.length === 0) {
    const now = new Date();
    // Dated on the desk's calendar day, as the app dates a package.
    const source = { ...planned.source, claims: assessment.asStaked.claims, asStaked: asStakedInfo(assessment, deskDay(now), null) };
    const generated = await runPackageTask({ source, preparedOn: deskDay(now), generatedAt: now.toISOString(), generator: { name: 'ClaimDesk', version }, resourcesDir: findResourcesDir() });
    await writePackageFolder(outDir, generated.files, generated.manifest);
    applied.package = join(outDir, MANIFEST_FILE);
  } else {
    await mkdir(outDir, { recursive: true });
  }
  // Beside the package: the layout a later `claimdesk package` or `validate` reads.
  applied.layout = join(outDir, AS_STAKED_LAYOUT_FILE);
  await writeFile(applied.layout, `${JSON.stringify(layoutToFeatureCollection(assessment.asStaked.claims, planned.source.epsg), null, 2)}\n`);
  return { ...outcome, applied };
}

export async function runAsStakedCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      order: { type: 'string' },
      layout: { type: 'string' },
      details: { type: 'string' },
      gpx: { type: 'string' },
      apply: { type: 'boolean', default: false },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      ...SIGN_IN_OPTIONS,
    },
  });
  const byLayout = values.layout !== undefined || values.details !== undefined;
  if ((values.order !== undefined) === byLayout) throw new UsageError('as-staked needs either --order TYPE:ID or --layout FILE.geojson with --details FILE.json.');
  if (byLayout && (!values.layout || !values.details)) throw new UsageError('--layout and --details go together.');
  if (!values.gpx) throw new UsageError('as-staked needs --gpx FILE: the staked posts (GPX waypoints or CSV).');
  if (byLayout && values.apply && !values.out) throw new UsageError('--apply with a layout file needs --out DIR for the as-staked layout and package.');
  if (!byLayout && values.out) throw new UsageError('--out is for a layout file; with --order, --apply updates the order\'s job.');
  const key = values.order !== undefined ? parseOrderKey(values.order) : null;

  let outcome: Outcome;
  try {
    const staked = await readStaked(values.gpx);
    for (const warning of staked.warnings) io.stderr(`warning: ${warning}\n`);
    if (!key) {
      outcome = await fromLayout({ layout: values.layout!, details: values.details!, out: values.out, apply: values.apply }, staked);
    } else if (!values.apply) {
      outcome = await withDatabase(values['data-dir'], io, async (db) => {
        const { job, source } = await cachedJobOrDraft(db, key, lookupLocation, new Date());
        const assessment = await assessJob(db, job, source, staked.points);
        return { posts: assessment.report.posts, extra: assessment.report.extra, problems: assessment.problems };
      });
    } else {
      const request = await readSignInRequest(values, io, 'as-staked --apply');
      outcome = await withApp(values['data-dir'], io, async (app) => {
        await signInForCommand(app, request);
        const job = await jobWithClaims(app, key);
        await app.handlers.importStaked({ jobId: job.id, fileName: basename(values.gpx!), text: staked.text });
        const accepted = await app.handlers.acceptStaked({ jobId: job.id });
        const { field } = accepted;
        return {
          posts: field.report.posts,
          extra: field.report.extra,
          problems: field.problems,
          applied: { folder: accepted.package?.folder ?? null, layout: null, package: accepted.package ? join(accepted.package.folder, MANIFEST_FILE) : null, refused: field.problems.map((p) => p.message) },
        };
      });
    }
  } catch (error) {
    if (error instanceof BadInput || error instanceof UnreadableFile) throw new CommandError('unreadable-file', error.message, 2);
    if (error instanceof AppError && error.code === 'invalid-request') throw new CommandError(error.code, error.message, 2);
    throw error;
  }
  print(io, outcome, values.json);
  return allStakedOk(outcome.posts, outcome.problems) ? 0 : 1;
}
