/**
 * `claimdesk plss import FILE… | lookup --lat --lon | describe FILE.geojson | list | remove --state XX`, over the
 * PLSS imported into the local cache (BLM CadNSDI). Exit codes: 0 done; 1 the import failed (the data in force is
 * unchanged), the point lies outside the imported data, or a claim is not wholly inside it; 2 bad usage or a claims
 * file that cannot be read.
 */
import { parseArgs } from 'node:util';
import { deriveMonuments } from '../../shared/claims/monuments';
import { formatBearing } from '../../shared/documents/bearing-format';
import { stateByCode } from '../../shared/geo/us-states';
import { parseClaimPolygons } from '../../shared/geometry/claim-polygons';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { aliquotText } from '../../shared/plss/aliquot';
import { landDescriptionText } from '../../shared/plss/land-description';
import { plssWarnings } from '../../shared/plss/plss-rules';
import type { ClaimPlss, Course } from '../../shared/plss/plss-describe';
import { lookupLocation } from '../../core/geo/location-lookup';
import { crsForVertices, defaultMonumentSettings, orderVertices, vertexCentroid } from '../../core/jobs/job-defaults';
import { describeClaimsFromCache } from '../../core/plss/plss-describe.service';
import { importPlssFiles } from '../../core/plss/plss-import';
import { plssAtPoint } from '../../core/plss/plss-query';
import { listPlssLayers, removePlssState } from '../../core/repos/plss.repo';
import { CommandError, UsageError, withDatabase, withWritableDatabase, type CliIo } from '../cli-context';
import { joinNegativeNumbers } from './grid.command';
import { withoutPoints } from '../../shared/geometry/point-features';
import { readClaimsInput } from './validate.command';

const num = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

function courseJson(course: Course): { bearing: string; bearing_deg: number; distance_ft: number } {
  return { bearing: formatBearing(course.bearingDeg), bearing_deg: num(course.bearingDeg, 6), distance_ft: num(course.distanceFt) };
}

/** The describe report as --json prints it: snake_case like `lookup`, numbers rounded to what they mean. */
function claimJson(c: ClaimPlss) {
  return {
    claim: c.claim,
    acres: num(c.acres, 3),
    coverage: c.coverage,
    townships: c.townships.map((t) => ({
      state: t.state,
      meridian: t.meridian,
      meridian_code: t.meridianCode,
      township: t.township,
      range: t.range,
      sections: t.sections.map((s) => ({
        section: s.section,
        label: s.label,
        acres: num(s.acres, 3),
        aliquots: s.parts.filter((p) => !p.label.startsWith('L')).map((p) => p.label),
        lots: s.parts.filter((p) => p.label.startsWith('L')).map((p) => p.label),
        parts: s.parts.map((p) => ({ label: p.label, acres: num(p.acres, 3), derived: p.derived })),
        description: s.description.join(', '),
        parts_known: s.partsKnown,
      })),
    })),
    tie: c.tie
      ? {
          corner: { description: c.tie.corner.description, lon: num(c.tie.corner.lonLat[0], 8), lat: num(c.tie.corner.lonLat[1], 8) },
          from_corner_1: courseJson(c.tie.fromCorner1),
          from_discovery: c.tie.fromDiscovery ? courseJson(c.tie.fromDiscovery) : null,
        }
      : null,
  };
}

async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (positionals.length === 0) throw new UsageError('plss import needs at least one FILE (GeoJSON, zipped shapefile or GeoPackage).');
  return withWritableDatabase(values['data-dir'], io, async (db) => {
    let last = '';
    const report = await importPlssFiles(db, positionals, {
      now: () => new Date(),
      onProgress: (p) => {
        const line = `${p.layer}: ${p.done.toLocaleString('en-US')}${p.total !== null ? ` of ${p.total.toLocaleString('en-US')}` : ''} features`;
        if (line !== last) io.stderr(`${line}\n`);
        last = line;
      },
    });
    if (values.json) {
      const layers = report.layers.map((l) => ({ state: l.state, layer: l.layer, features: l.features, data_date: l.dataDate }));
      io.stdout(`${JSON.stringify({ files: report.files, layers, skipped: report.skipped, skipped_examples: report.skippedExamples }, null, 2)}\n`);
    } else {
      for (const l of report.layers) io.stdout(`${l.state} ${l.layer}: ${l.features.toLocaleString('en-US')} features, data of ${l.dataDate ?? 'unknown date'}\n`);
      if (report.skipped > 0) io.stdout(`${report.skipped} features skipped: ${report.skippedExamples.join('; ')}\n`);
    }
    return 0;
  });
}

function coordinate(name: string, value: string | undefined, limit: number): number {
  if (value === undefined) throw new UsageError(`plss lookup needs --${name}.`);
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || Math.abs(n) > limit) throw new UsageError(`--${name} must be a number within ±${limit} (got "${value}").`);
  return n;
}

async function runLookup(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: joinNegativeNumbers(args),
    strict: true,
    options: { lat: { type: 'string' }, lon: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const lat = coordinate('lat', values.lat, 90);
  const lon = coordinate('lon', values.lon, 180);
  return withDatabase(values['data-dir'], io, async (db) => {
    const found = await plssAtPoint(db, [lon, lat]);
    // Exit 1 with the reason on stderr and, with --json, as the one {"error"} document on stdout.
    if (!found) throw new CommandError('outside-plss', `${lat}, ${lon} is outside the imported PLSS (import the state's CadNSDI data with \`plss import\`).`, 1);
    const r = found.result;
    if (values.json) io.stdout(`${JSON.stringify(r)}\n`);
    else {
      const part = r.lot ? aliquotText(r.lot) : r.aliquot ? aliquotText(r.aliquot) : '';
      const sec = r.section !== null ? `, Sec. ${r.section}${part ? `: ${part}` : ''}` : '';
      io.stdout(`T${r.township} R${r.range}${sec}, ${r.meridian} (${r.state})${found.derived ? ' — aliquot part derived from the section corners' : ''}\n`);
    }
    return 0;
  });
}

async function runDescribe(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { state: { type: 'string' }, type: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const input = await readClaimsInput('plss describe', positionals, values);
  const { json, state } = input;
  const parsed = parseClaimPolygons(withoutPoints(json));
  const vertices = orderVertices(parsed.claims);
  const crs = crsForVertices(vertices);
  const claims = claimsFromOrder(parsed.claims, crs.epsg, 'Claim', input.kind);
  const centroid = vertexCentroid(vertices);
  const stateCode = state?.code ?? (centroid ? lookupLocation(centroid[0], centroid[1]).stateCode : null);
  const monumentSettings = defaultMonumentSettings(stateCode);
  return withDatabase(values['data-dir'], io, async (db) => {
    const described = await describeClaimsFromCache(db, { claims, epsg: crs.epsg, monumentSettings, stateCode });
    const { fill } = described;
    const text = fill.coverage === 'none' ? null : landDescriptionText(fill.plss);
    // The Validate step's PLSS checks over the same claims and data: a township line crossed, a placer off the aliquot lines.
    const warnings = plssWarnings(claims, described.index).map((w) => ({ claim: w.claim ?? null, code: w.code, message: w.message }));
    if (values.json) {
      const land = { ...fill.plss, tie: fill.tie, text, coverage: fill.coverage, notes: fill.notes };
      io.stdout(`${JSON.stringify({ claims: described.claims.map(claimJson), land_description: land, warnings }, null, 2)}\n`);
    } else {
      // Only for the human report: which post is Corner 1 and where the discovery monument stands.
      const { corners } = deriveMonuments(claims, monumentSettings, stateCode, crs.epsg);
      for (const c of described.claims) {
        const where = c.townships.flatMap((t) => t.sections.map((s) => `T${t.township} R${t.range} Sec. ${s.label}: ${s.description.join(', ') || '(aliquot parts not in the data)'}`));
        io.stdout(`${c.claim} (${num(c.acres, 3)} acres, ${c.coverage === 'full' ? 'inside the PLSS' : c.coverage === 'none' ? 'OUTSIDE the imported PLSS' : 'partly outside the imported PLSS'}): ${where.join('; ') || '—'}\n`);
        if (c.tie) {
          const one = corners.find((k) => k.claimId === c.claimId && k.number === 1);
          io.stdout(`  tie: ${c.tie.corner.description} bears ${formatBearing(c.tie.fromCorner1.bearingDeg)}, ${num(c.tie.fromCorner1.distanceFt).toLocaleString('en-US')} ft from Corner 1${one ? ` (${one.position ?? 'corner'})` : ''}`);
          io.stdout(c.tie.fromDiscovery ? `; ${formatBearing(c.tie.fromDiscovery.bearingDeg)}, ${num(c.tie.fromDiscovery.distanceFt).toLocaleString('en-US')} ft from the discovery monument\n` : '\n');
        }
      }
      if (text) io.stdout(`Land description: ${text}\n`);
      for (const note of fill.notes) io.stdout(`note: ${note}\n`);
      for (const w of warnings) io.stdout(`warning  ${w.code}: ${w.message}\n`);
    }
    return described.claims.length > 0 && described.claims.every((c) => c.coverage === 'full') ? 0 : 1;
  });
}

async function runList(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } } });
  return withDatabase(values['data-dir'], io, async (db) => {
    const layers = await listPlssLayers(db);
    if (values.json) {
      io.stdout(`${JSON.stringify(layers.map((l) => ({ state: l.state, layer: l.layer, features: l.features, data_date: l.dataDate, imported_at: l.importedAt, source: l.source })), null, 2)}\n`);
    } else if (layers.length === 0) io.stdout('No PLSS imported.\n');
    else for (const l of layers) io.stdout(`${l.state} ${l.layer}: ${l.features.toLocaleString('en-US')} features, data of ${l.dataDate ?? '?'}, imported ${l.importedAt.slice(0, 10)} from ${l.source}\n`);
    return 0;
  });
}

async function runRemove(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { state: { type: 'string' }, 'data-dir': { type: 'string' } } });
  const state = values.state ? stateByCode(values.state) : undefined;
  if (!state) throw new UsageError('plss remove needs --state XX (a US state code).');
  return withWritableDatabase(values['data-dir'], io, async (db) => {
    const removed = await db.transaction().execute((trx) => removePlssState(trx, state.code));
    io.stdout(`${state.code}: ${removed} PLSS layer${removed === 1 ? '' : 's'} removed.\n`);
    return 0;
  });
}

export async function runPlssCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'import':
      return runImport(rest, io);
    case 'lookup':
      return runLookup(rest, io);
    case 'describe':
      return runDescribe(rest, io);
    case 'list':
      return runList(rest, io);
    case 'remove':
      return runRemove(rest, io);
    default:
      throw new UsageError(sub === undefined ? 'plss needs a subcommand: import, lookup, describe, list or remove.' : `Unknown plss subcommand "${sub}".`);
  }
}
