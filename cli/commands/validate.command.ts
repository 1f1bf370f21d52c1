/**
 * `claimdesk validate FILE.geojson [--state XX] [--type lode|placer] [--json]`: checks claim polygons from a file
 * with the same code as the app (the order geometry checks, then checkJob's layout rules in the file's own UTM
 * zone). `claimdesk validate --order TYPE:ID [--data-dir DIR] [--json]` checks a cached job, or the order's claims
 * as drawn, exactly as the app does before it accepts a layout or makes documents (validate-order.ts).
 * Exit 0 no problems, 1 problems, 2 the file cannot be read (or bad usage).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { OrderIssue, OrderKey } from '../../shared/domain/order.types';
import { checkJobLayout } from '../../shared/jobs/check-job';
import type { LayoutClaim } from '../../shared/layout/layout.types';
import { stateByCode, type UsState } from '../../shared/geo/us-states';
import { parseClaimPolygons } from '../../shared/geometry/claim-polygons';
import type { Position } from '../../shared/geometry/geojson.types';
import { CLAIM_WARNING_CODES } from '../../shared/geometry/claim-issue-codes';
import { claimKindSchema, type ClaimKind } from '../../shared/layout/layout.types';
import { withoutPoints } from '../../shared/geometry/point-features';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { lookupLocation } from '../../core/geo/location-lookup';
import { crsForVertices, orderVertices, vertexCentroid } from '../../core/jobs/job-defaults';
import { CommandError, UsageError, withDatabase, type CliIo } from '../cli-context';
import { parseOrderKey } from '../order-key-arg';
import { asReportIssue, validateCachedOrder, type ReportIssue } from './validate-order';

export interface ValidateReport {
  claims: number;
  problems: ReportIssue[];
  warnings: ReportIssue[];
}

/** A file that is missing, not JSON, or not features at all: nothing to validate (exit 2). */
export class UnreadableFile extends Error {}

function isFeatureList(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  return value.type === 'FeatureCollection' || value.type === 'Feature';
}

export async function readGeoJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UnreadableFile(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UnreadableFile(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (!isFeatureList(json)) throw new UnreadableFile(`${file} is not a GeoJSON FeatureCollection, Feature or list of Features.`);
  return json;
}

/**
 * A file is checked with the layout part of the job check: its claims are the layout, and it carries no order (no
 * area to stay inside, as many claims purchased as it holds), no claimant (one locator) and federal land.
 */
function layoutCheckOfFile(claims: LayoutClaim[], epsg: number) {
  return checkJobLayout({
    layout: { claims },
    crs: { epsg },
    order: { claimsPurchased: claims.length, orderClaims: [] },
    capacityOverride: null,
    claimant: { claimantName: '', address1: '', address2: '', address3: '', coLocators: [] },
    location: { stateOverride: null, detectedState: null, landStatus: 'federal' },
  });
}

/**
 * The claims file and options `validate` and `plss describe` share: one FILE.geojson, --state, --type. Null (exit
 * 2, reason on stderr) when the file cannot be read; bad usage throws.
 */
export async function readClaimsInput(
  command: string,
  positionals: readonly string[],
  values: { state?: string; type?: string },
): Promise<{ json: unknown; state: UsState | undefined; kind: ClaimKind }> {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one FILE.geojson.`);
  const state = values.state === undefined ? undefined : stateByCode(values.state);
  if (values.state !== undefined && !state) throw new UsageError(`--state "${values.state}" is not a US state code (for example NV).`);
  const kind = claimKindSchema.safeParse(values.type ?? 'lode');
  if (!kind.success) throw new UsageError('--type must be lode or placer.');
  try {
    return { json: await readGeoJson(positionals[0]!), state, kind: kind.data };
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    // Exit 2 like bad usage; main prints it once, as one JSON document under --json.
    throw new CommandError('unreadable-file', error.message, 2);
  }
}

/** The checks themselves, without I/O: also what tests call. */
export function validateFeatures(json: unknown, options: { kind?: 'lode' | 'placer' } = {}): ValidateReport & { epsg: number; centroid: Position | null } {
  const parsed = parseClaimPolygons(withoutPoints(json));
  const vertices = orderVertices(parsed.claims);
  const crs = crsForVertices(vertices);
  const claims = claimsFromOrder(parsed.claims, crs.epsg, 'Claim', options.kind ?? 'lode');
  const layout = layoutCheckOfFile(claims, crs.epsg);
  const problems: OrderIssue[] = [...parsed.problems, ...layout.problems];
  // The layout check reports a repeated name as a problem; the geometry check's warning for it would only repeat it.
  const warnings: OrderIssue[] = parsed.warnings.filter((w) => w.code !== CLAIM_WARNING_CODES.nameDuplicate);
  if (crs.straddles) warnings.push({ code: 'zone_straddle', message: crs.reason });
  warnings.push(...layout.warnings);
  return {
    claims: parsed.polygonCount,
    problems: problems.map(asReportIssue),
    warnings: warnings.map(asReportIssue),
    epsg: crs.epsg,
    centroid: vertexCentroid(vertices),
  };
}

export async function runValidateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      state: { type: 'string' },
      type: { type: 'string' },
      json: { type: 'boolean', default: false },
      order: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  if (values.order !== undefined) {
    if (positionals.length > 0 || values.state !== undefined || values.type !== undefined) {
      throw new UsageError('validate --order TYPE:ID checks a cached order: it takes no file, --state or --type.');
    }
    return runValidateOrder(parseOrderKey(values.order), values['data-dir'], values.json, io);
  }
  if (values['data-dir'] !== undefined) throw new UsageError('--data-dir goes with --order: a file is checked without the cache.');
  const input = await readClaimsInput('validate', positionals, values);
  const { json, state } = input;
  const result = validateFeatures(json, { kind: input.kind });
  const report: ValidateReport = { claims: result.claims, problems: result.problems, warnings: result.warnings };
  if (values.json) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    // The boundary file is only loaded for people reading the summary, not for --json.
    const detected = result.centroid ? lookupLocation(result.centroid[0], result.centroid[1]).stateCode : null;
    const where = state?.code ?? detected ?? 'outside the US';
    io.stdout(`${report.claims} claims (${where}, EPSG:${result.epsg}): ${report.problems.length} problems, ${report.warnings.length} warnings\n`);
    printIssues(report, io);
  }
  return report.problems.length > 0 ? 1 : 0;
}

async function runValidateOrder(key: OrderKey, dataDir: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const report = await withDatabase(dataDir, io, (db) => validateCachedOrder(db, key, new Date()));
  if (json) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const from = report.source === 'job' ? 'its job' : 'its claims as drawn';
    io.stdout(`${report.order} (${from}, ${report.claims} claims, ${report.state ?? 'state unknown'}, EPSG:${report.epsg}): ${report.problems.length} problems, ${report.warnings.length} warnings\n`);
    printIssues(report, io);
  }
  return report.problems.length > 0 ? 1 : 0;
}

function printIssues(report: { problems: ReportIssue[]; warnings: ReportIssue[] }, io: CliIo): void {
  for (const issue of report.problems) io.stdout(`problem  ${issue.code}: ${issue.message}\n`);
  for (const issue of report.warnings) io.stdout(`warning  ${issue.code}: ${issue.message}\n`);
}
