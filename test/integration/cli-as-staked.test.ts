/**
 * `claimdesk as-staked` over a real package: its waypoints.gpx staked by a crew (three posts moved by known
 * distances and bearings, one dropped, one renamed as an older Garmin cuts names, one stray waypoint), read back
 * through the real CLI entry: offsets, statuses, the stray point, the re-check of the as-staked layout, --apply's
 * files, and the exit codes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';
import { offset, readWaypoints, shortenNorthEnd, stakeScenario, writeGpx, type StakedScenario, type Waypoint } from '../helpers/staked-gpx';

let temp: { dir: string; cleanup: () => void };
const file = (name: string): string => join(temp.dir, name);
let layoutFile: string;
let detailsFile: string;
let planned: Waypoint[];
let scenario: StakedScenario;
let stakedFile: string;

interface PostJson {
  post: string;
  claims: string[];
  designation: string;
  planned: { lat: number; lon: number };
  staked: { lat: number; lon: number } | null;
  offset_ft: number | null;
  bearing: number | null;
  status: string;
}
interface ReportJson {
  posts: PostJson[];
  extra: { name: string; nearest_post: string | null; distance_ft: number | null }[];
  problems: { code: string; claim: string | null; message: string }[];
  applied?: { layout: string | null; package: string | null; refused: string[] };
}

beforeAll(async () => {
  temp = makeTempDir('claimdesk-as-staked-');
  const grid = await cli(['grid', '--lat', '40.2', '--lon', '-117.05', '--rows', '1', '--cols', '2', '--prefix', 'GOLD', '--geojson']);
  expect(grid.code).toBe(0);
  layoutFile = file('gold.geojson');
  writeFileSync(layoutFile, grid.stdout);
  detailsFile = file('gold.json');
  writeFileSync(
    detailsFile,
    JSON.stringify({
      claim_type: 'lode',
      date_of_location: '2026-08-15',
      monument: '4 in x 4 in wooden post, 5 ft',
      locators: [{ name: 'Acme Mining, Inc.', address: ['1 Main St', 'Reno, NV 89501'] }],
    }),
  );
  const made = await cli(['package', '--layout', layoutFile, '--details', detailsFile, '--out', file('planned')]);
  expect(made.code).toBe(0);
  planned = readWaypoints(readFileSync(join(file('planned'), 'waypoints.gpx'), 'utf8'));
  scenario = stakeScenario(planned);
  stakedFile = file('staked.gpx');
  writeFileSync(stakedFile, writeGpx(scenario.points));
});
afterAll(() => temp.cleanup());

const post = (report: ReportJson, id: string): PostJson => report.posts.find((p) => p.post === id)!;

describe('claimdesk as-staked', () => {
  it('gives each moved post its offset and true bearing, the statuses, the stray point and the as-staked problems', async () => {
    const result = await cli(['as-staked', '--layout', layoutFile, '--details', detailsFile, '--gpx', stakedFile, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as ReportJson;
    expect(report.posts).toHaveLength(planned.length);
    for (const [id, move] of scenario.moves) {
      const p = post(report, id);
      expect(p.offset_ft).toBeCloseTo(move.feet, 1);
      expect(Math.abs(p.offset_ft! - move.feet)).toBeLessThan(0.1);
      // Compared round the compass: 359.98° is 0.02° from north.
      expect(Math.abs(((p.bearing! - move.bearing + 540) % 360) - 180)).toBeLessThan(0.1);
      expect(p.status).toBe(move.feet <= 25 ? 'ok' : 'moved');
      const wpt = planned.find((w) => w.name.startsWith(`${id} `))!;
      expect(Math.abs(p.planned.lat - wpt.lat)).toBeLessThan(1e-6);
      expect(offset(p.planned, p.staked!).feet).toBeCloseTo(move.feet, 1);
    }
    expect(post(report, scenario.dropped)).toMatchObject({ status: 'missing', staked: null, offset_ft: null, bearing: null });
    // The truncated name still finds its post, where it was planned.
    expect(post(report, scenario.renamed).status).toBe('ok');
    expect(post(report, scenario.renamed).offset_ft).toBeLessThan(0.1);
    expect(report.extra).toEqual([expect.objectContaining({ name: 'CAMP' })]);
    expect(report.extra[0]!.distance_ft).toBeGreaterThan(1900);
    const unmoved = report.posts.filter((p) => !scenario.moves.has(p.post) && p.post !== scenario.dropped);
    expect(unmoved.every((p) => p.status === 'ok')).toBe(true);
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'lode_too_long', claim: scenario.lengthened }));
  });

  it('--apply writes the as-staked layout, whose re-check reports the claim the moved corner made too long, and no package', async () => {
    const out = file('applied');
    const result = await cli(['as-staked', '--layout', layoutFile, '--details', detailsFile, '--gpx', stakedFile, '--apply', '--out', out, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as ReportJson;
    expect(report.applied!.package).toBeNull();
    expect(report.applied!.refused.some((r) => r.includes(scenario.lengthened))).toBe(true);
    const check = await cli(['validate', report.applied!.layout!, '--json']);
    expect(check.code).toBe(1);
    const validation = JSON.parse(check.stdout) as { problems: { code: string; claim?: string }[] };
    expect(validation.problems).toContainEqual(expect.objectContaining({ code: 'lode_too_long', claim: scenario.lengthened }));
  });

  it('--apply writes the package as staked when the staked layout passes (the north end set 30 ft short)', async () => {
    const inward = shortenNorthEnd(planned, 30);
    writeFileSync(file('inward.gpx'), writeGpx(inward.points));
    const out = file('inward-out');
    const result = await cli(['as-staked', '--layout', layoutFile, '--details', detailsFile, '--gpx', file('inward.gpx'), '--apply', '--out', out]);
    expect(result.stdout.match(/^moved\s+P\d+\s+30\.0 ft\s+180\.0°/gm)).toHaveLength(inward.moved.length);
    expect(result.stdout).not.toContain('problem');
    expect(result.code).toBe(1);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { name: string }[] };
    expect(manifest.files.map((f) => f.name)).toContain('location-notices.pdf');
    expect(readFileSync(join(out, 'as-staked-layout.geojson'), 'utf8')).toContain('FeatureCollection');
  });

  it('exits 0 when every post is where planned, 2 on an unreadable file or bad usage', async () => {
    writeFileSync(file('exact.gpx'), writeGpx(planned));
    expect((await cli(['as-staked', '--layout', layoutFile, '--details', detailsFile, '--gpx', file('exact.gpx')])).code).toBe(0);
    writeFileSync(file('broken.gpx'), '<gpx><wpt lat="1"');
    const broken = await cli(['as-staked', '--layout', layoutFile, '--details', detailsFile, '--gpx', file('broken.gpx')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('not a readable GPX file');
    expect((await cli(['as-staked', '--layout', layoutFile, '--details', detailsFile, '--gpx', file('missing.gpx')])).code).toBe(2);
    expect((await cli(['as-staked', '--layout', layoutFile, '--gpx', stakedFile])).code).toBe(2);
    expect((await cli(['as-staked', '--layout', layoutFile, '--details', detailsFile, '--gpx', stakedFile, '--apply'])).code).toBe(2);
    mkdirSync(file('csv'), { recursive: true });
    const csv = ['name,latitude,longitude', ...planned.map((w) => `"${w.name}",${w.lat},${w.lon}`)].join('\r\n');
    writeFileSync(file('csv/posts.csv'), csv);
    expect((await cli(['as-staked', '--layout', layoutFile, '--details', detailsFile, '--gpx', file('csv/posts.csv')])).code).toBe(0);
  });
});
