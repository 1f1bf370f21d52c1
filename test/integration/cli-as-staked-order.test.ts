/**
 * `claimdesk as-staked --order` over a synced cache and the reference server: Lynn Creek (CO-1) uploaded by the
 * CLI, its package's waypoints.gpx staked by a crew (three posts moved, one dropped, one cut as an older Garmin cuts
 * names, one stray waypoint). Without --apply the cache is only read; with --apply the posts as staked become the
 * job's layout through the workflow command, and `validate --order` (the same job check) names the claim the moved
 * corner made too long.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/back-end';
import { cli } from '../helpers/cli-runner';
import { readWaypoints, stakeScenario, writeGpx, type StakedScenario } from '../helpers/staked-gpx';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

interface ReportJson {
  posts: { post: string; offset_ft: number | null; bearing: number | null; status: string }[];
  extra: { name: string }[];
  problems: { code: string; claim: string | null }[];
  applied?: { package: string | null; refused: string[] };
}

describe('claimdesk as-staked --order', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  let scenario: StakedScenario;
  let stakedFile: string;
  const signIn = () => ['--server', server.url, '--username', 'demo-staff', '--password', 'claimdesk-demo'];
  const dataDir = () => ['--data-dir', join(temp.dir, 'data')];

  beforeAll(async () => {
    server = await startTestServer();
    temp = makeTempDir();
    expect((await cli(['sync', ...signIn(), ...dataDir()])).code).toBe(0);
    expect((await cli(['upload', '--order', 'claim_order:1', ...signIn(), ...dataDir()])).code).toBe(0);
    const gpx = readdirSync(join(temp.dir, 'data', 'packages'), { recursive: true, encoding: 'utf8' }).find((name) => name.endsWith('waypoints.gpx'))!;
    scenario = stakeScenario(readWaypoints(readFileSync(join(temp.dir, 'data', 'packages', gpx), 'utf8')));
    stakedFile = join(temp.dir, 'staked.gpx');
    writeFileSync(stakedFile, writeGpx(scenario.points));
  });
  afterAll(async () => {
    await server.cleanup();
    temp.cleanup();
  });

  it('compares the staked posts with the cached job without signing in or changing it', async () => {
    const result = await cli(['as-staked', '--order', 'claim_order:1', '--gpx', stakedFile, ...dataDir(), '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as ReportJson;
    for (const [id, move] of scenario.moves) {
      const post = report.posts.find((p) => p.post === id)!;
      expect(Math.abs(post.offset_ft! - move.feet)).toBeLessThan(0.1);
      expect(Math.abs(((post.bearing! - move.bearing + 540) % 360) - 180)).toBeLessThan(0.1);
    }
    expect(report.posts.find((p) => p.post === scenario.dropped)!.status).toBe('missing');
    expect(report.posts.find((p) => p.post === scenario.renamed)!.status).toBe('ok');
    expect(report.extra.map((e) => e.name)).toEqual(['CAMP']);
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'lode_too_long', claim: scenario.lengthened }));
    // Only read: the job's layout still passes.
    expect((await cli(['validate', '--order', 'claim_order:1', ...dataDir()])).code).toBe(0);
  });

  it('--apply makes the posts as staked the job layout, recorded as a workflow command, and validate --order names the long claim', async () => {
    const result = await cli(['as-staked', '--order', 'claim_order:1', '--gpx', stakedFile, '--apply', ...signIn(), ...dataDir(), '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as ReportJson;
    expect(report.applied!.package).toBeNull();
    expect(report.applied!.refused.some((reason) => reason.includes(scenario.lengthened))).toBe(true);

    const validated = await cli(['validate', '--order', 'claim_order:1', ...dataDir(), '--json']);
    expect(validated.code).toBe(1);
    expect((JSON.parse(validated.stdout) as { problems: { code: string; claim: string | null }[] }).problems).toContainEqual(
      expect.objectContaining({ code: 'lode_too_long', claim: scenario.lengthened }),
    );
    const history = await cli(['history', '--order', 'claim_order:1', ...dataDir(), '--json']);
    const events = JSON.parse(history.stdout) as { event: string; to: string }[];
    // Accepted from delivered, and left laying out: the check refused VALIDATE_OK.
    expect(events.find((e) => e.event === 'AS_STAKED_ACCEPTED')).toMatchObject({ to: 'laying_out' });
    expect(events.filter((e) => e.event === 'VALIDATE_OK')).toHaveLength(1);
  });

  it('exits 2 on an unreadable file, with one JSON document', async () => {
    writeFileSync(join(temp.dir, 'broken.gpx'), '<gpx><wpt lat="1"');
    const broken = await cli(['as-staked', '--order', 'claim_order:1', '--gpx', join(temp.dir, 'broken.gpx'), ...dataDir(), '--json']);
    expect(broken.code).toBe(2);
    expect(JSON.parse(broken.stdout)).toMatchObject({ error: { code: 'unreadable-file' } });
  });
});
