/**
 * `claimdesk package --layout FILE.geojson --details FILE.json --out DIR [--json]`: a staking package without an
 * order, from a layout file (a FeatureCollection of claim polygons named by properties.name, as `grid --geojson`
 * prints; its Point features are ignored: monuments are placed by the state's rules) and a details file. Same
 * package model and renderers as the app. Exit 0 written, 1 refused with the reasons, 2 bad usage or unreadable
 * files. Unknown keys in the details file are warned about on stderr, never an error.
 *
 * DIR receives the package's files. It must be empty, new, or an earlier package (it holds a manifest.json),
 * which is replaced whole: a folder of anything else is never overwritten.
 *
 * Where the cache (--data-dir, else the app's) holds imported PLSS data, the maps get its section lines and a land
 * description and tie the details leave wholly blank are filled from it, as batch export does; no cache is made
 * just to look.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { MANIFEST_FILE } from '../../shared/documents/package-files';
import type { PackageSource } from '../../shared/documents/package-model';
import { deskDay } from '../../shared/domain/calendar-date';
import { landDescriptionText } from '../../shared/plss/land-description';
import { DATABASE_FILE } from '../../core/app/create-app';
import { defaultDataDir } from '../../core/app/data-dir';
import { landIsBlank, withPlss } from '../../core/plss/plss-package';
import { findResourcesDir } from '../../core/documents/fonts';
import { parseLayoutDetails } from '../../core/documents/layout-details';
import { packageSourceFromLayout } from '../../core/documents/layout-package';
import { runPackageTask } from '../../core/documents/package-task';
import { writePackageFolder } from '../../core/documents/package-writer';
import { lookupLocation } from '../../core/geo/location-lookup';
import { CommandError, UsageError, withDatabase, type CliIo } from '../cli-context';
import { readGeoJson, UnreadableFile } from './validate.command';

export interface PackageReport {
  outcome: 'written' | 'refused';
  folder: string | null;
  files: string[];
  /** Why it was refused (outcome 'refused'). */
  reasons: string[];
  warnings: string[];
  /** Documents that could not be made, each with why (the rest of the package stands). */
  problems: { document: string; claim: string | null; message: string }[];
  /** The legal description the notices print, and where it came from (null: blank, printed as lines). */
  land_description: string | null;
  land_description_from: 'details' | 'plss' | null;
}

/** The source with the cache's PLSS, and the provenance text when it filled the land description. */
async function withCachedPlss(dataDir: string | undefined, io: CliIo, source: PackageSource): Promise<{ source: PackageSource; filledFrom: string | null }> {
  const dir = dataDir ?? defaultDataDir(io.env);
  if (!existsSync(join(dir, DATABASE_FILE))) return { source, filledFrom: null };
  const withLines = await withDatabase(dir, io, (db) => withPlss(db, source));
  const filledFrom = landIsBlank(source) && !landIsBlank(withLines) ? (withLines.survey?.source ?? null) : null;
  return { source: withLines, filledFrom };
}

export class BadInput extends Error {}

export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BadInput(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadInput(`${file} is not JSON: ${(error as Error).message}`);
  }
}

/** An empty or missing folder, or an earlier package: the only places a package may be written. */
export async function assertWritableTarget(dir: string): Promise<void> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new BadInput(`Cannot use ${dir} as the output folder: ${error.code ?? error.message}`);
  });
  if (names.length > 0 && !names.includes(MANIFEST_FILE)) {
    throw new BadInput(`${dir} is not empty and holds no staking package (${MANIFEST_FILE}): choose an empty or new folder.`);
  }
}

export async function runPackageCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      layout: { type: 'string' },
      details: { type: 'string' },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.layout || !values.details || !values.out) throw new UsageError('package needs --layout FILE.geojson, --details FILE.json and --out DIR.');
  const outDir = resolve(values.out);

  let geojson: unknown;
  let detailsJson: unknown;
  try {
    geojson = await readGeoJson(values.layout);
    detailsJson = await readJson(values.details);
    await assertWritableTarget(outDir);
  } catch (error) {
    if (!(error instanceof UnreadableFile) && !(error instanceof BadInput)) throw error;
    throw new CommandError('unreadable-file', error.message, 2);
  }
  const parsed = parseLayoutDetails(detailsJson);
  if (!parsed.ok) throw new CommandError('invalid-details', `${values.details}: ${parsed.message}`, 2);
  for (const key of parsed.unknownKeys) io.stderr(`warning: ${values.details}: unknown key "${key}" is ignored\n`);

  const reference = parsed.details.reference?.trim() || basename(values.layout, extname(values.layout));
  const source = packageSourceFromLayout(geojson, parsed.details, reference, lookupLocation);
  const report: PackageReport = { outcome: 'refused', folder: null, files: [], reasons: [], warnings: source.warnings, problems: [], land_description: null, land_description_from: null };
  let filledFrom: string | null = null;
  if (!source.ok) {
    report.reasons = source.reasons;
  } else {
    const plss = await withCachedPlss(values['data-dir'], io, source.source);
    filledFrom = plss.filledFrom;
    if (!landIsBlank(plss.source)) {
      report.land_description = landDescriptionText(plss.source.plss) || null;
      report.land_description_from = filledFrom ? 'plss' : 'details';
    } else {
      report.warnings.push('No land description: the details give none and no imported PLSS covers the claims, so the notices print lines to fill in by hand (import the state with `plss import`).');
    }
    const now = new Date();
    const generated = await runPackageTask({
      source: plss.source,
      // Dated on the desk's calendar day, as the app dates a package.
      preparedOn: deskDay(now),
      generatedAt: now.toISOString(),
      generator: { name: 'ClaimDesk', version },
      resourcesDir: findResourcesDir(),
    });
    await writePackageFolder(outDir, generated.files, generated.manifest);
    Object.assign(report, { outcome: 'written', folder: outDir, files: [...generated.files.map((f) => f.name), MANIFEST_FILE], problems: generated.manifest.problems });
  }

  if (values.json) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const warning of report.warnings) io.stderr(`warning: ${warning}\n`);
    if (report.outcome === 'refused') {
      io.stdout(`refused: the package for ${reference} cannot be made:\n${report.reasons.map((r) => `    ${r}`).join('\n')}\n`);
    } else {
      io.stdout(`written ${reference} → ${outDir} (${report.files.length} files)\n`);
      if (filledFrom && report.land_description) io.stdout(`    land description from the ${filledFrom}: ${report.land_description}\n`);
      for (const p of report.problems) io.stdout(`    problem: ${p.claim ? `${p.claim}: ` : ''}${p.message}\n`);
    }
  }
  return report.outcome === 'written' ? 0 : 1;
}
