/**
 * The `claimdesk` executable as a script meets it: its own process (bin/claimdesk.cjs running the build that
 * `npm install` makes), stdout read whole. With --json, stdout must be exactly one JSON document whatever the exit
 * code; human output must carry no control characters from the server. `npx claimdesk` is tried as the README
 * tells users to pipe it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/back-end';
import { goodOrder } from '../helpers/hostile-orders';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/claimdesk.cjs');
const ESCAPES = 'CO-\u001b]0;pwned\u0007-601\u001b[2J\u009b31m';
// Tab and newline are the CLI's own layout; anything else below U+0020, DEL and C1 must never reach a terminal.
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function spawnRun(command: string, args: string[]): Promise<Run> {
  return promisify(execFile)(command, args, { cwd: ROOT, env: { ...process.env, CLAIMDESK_DATA_DIR: '' }, maxBuffer: 64 * 1024 * 1024 }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

const claimdesk = (args: string[]) => spawnRun(process.execPath, [BIN, ...args]);

describe('the claimdesk executable', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let temp: ReturnType<typeof makeTempDir>;
  const data = () => ['--data-dir', join(temp.dir, 'data')];
  const signIn = (password = 'claimdesk-demo') => ['--server', server.url, '--username', 'demo-staff', '--password', password];

  beforeAll(async () => {
    // What `npm install` runs (the prepare script), so the executable runs the current build rather than tsx.
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
    server = await startTestServer();
    temp = makeTempDir();
    await server.store.insertRawOrder(goodOrder(601, { order_number: ESCAPES }));
    const corrupt = join(temp.dir, 'corrupt');
    mkdirSync(corrupt);
    writeFileSync(join(corrupt, 'claimdesk.sqlite'), 'not a database\n'.repeat(300));
    const grid = await claimdesk(['grid', '--lat', '40.1', '--lon', '-116.9', '--rows', '1', '--cols', '2', '--geojson']);
    writeFileSync(join(temp.dir, 'valid.geojson'), grid.stdout);
    const bowTie = { type: 'Feature', properties: { name: 'X 1' }, geometry: { type: 'Polygon', coordinates: [[[-116, 40], [-115.99, 40], [-116, 40.01], [-115.99, 40.01], [-116, 40]]] } };
    writeFileSync(join(temp.dir, 'problems.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [bowTie] }));
    const details = { claim_type: 'lode', date_of_location: '2026-08-15', mining_district: 'Sierra', monument: '4 in x 4 in wooden post, 5 ft', locators: [{ name: 'Acme Mining, Inc.', address: ['1 Main St', 'Reno, NV 89501'] }] };
    writeFileSync(join(temp.dir, 'details.json'), JSON.stringify(details));
    writeFileSync(join(temp.dir, 'no-locator.json'), JSON.stringify({ ...details, locators: [] }));
  }, 120_000);
  afterAll(async () => {
    await server.cleanup();
    temp.cleanup();
  });

  it('prints exactly one JSON document on stdout for every --json command, for exit codes 0, 1 and 2', async () => {
    const corrupt = ['--data-dir', join(temp.dir, 'corrupt')];
    const out = (name: string) => ['--out', join(temp.dir, name)];
    const cases: [string, string[], number][] = [
      ['sync', ['sync', ...signIn(), ...data()], 0],
      ['sync, wrong password', ['sync', ...signIn('nope'), ...data()], 1],
      ['sync, no sign-in', ['sync', ...data()], 2],
      ['orders', ['orders', ...data()], 0],
      ['orders, damaged cache', ['orders', ...corrupt], 1],
      ['orders, unknown option', ['orders', '--bogus', ...data()], 2],
      ['history', ['history', '--order', 'claim_order:1', ...data()], 0],
      ['history, damaged cache', ['history', '--order', 'claim_order:1', ...corrupt], 1],
      ['history, no order', ['history', ...data()], 2],
      ['validate', ['validate', join(temp.dir, 'valid.geojson')], 0],
      ['validate, problems', ['validate', join(temp.dir, 'problems.geojson')], 1],
      ['validate, no file', ['validate', join(temp.dir, 'missing.geojson')], 2],
      ['export', ['export', '--order', 'claim_order:1', ...out('export-ok'), ...data()], 0],
      ['export, skipped order', ['export', '--order', 'claim_order:6', ...out('export-skip'), ...data()], 1],
      ['export, no --out', ['export', '--all', ...data()], 2],
      ['package', ['package', '--layout', join(temp.dir, 'valid.geojson'), '--details', join(temp.dir, 'details.json'), ...out('package-ok')], 0],
      ['package, refused', ['package', '--layout', join(temp.dir, 'valid.geojson'), '--details', join(temp.dir, 'no-locator.json'), ...out('package-refused')], 1],
      ['package, no layout file', ['package', '--layout', join(temp.dir, 'missing.geojson'), '--details', join(temp.dir, 'details.json'), ...out('package-missing')], 2],
      ['upload', ['upload', '--order', 'claim_order:2', ...signIn(), ...data()], 0],
      ['upload, order without claimant', ['upload', '--order', 'claim_order:3', ...signIn(), ...data()], 1],
      ['upload, no orders', ['upload', ...signIn(), ...data()], 2],
      ['push', ['push', ...signIn(), ...data()], 0],
      ['push, wrong password', ['push', ...signIn('nope'), ...data()], 1],
      ['push, no sign-in', ['push', ...data()], 2],
    ];
    const check = async ([label, args, code]: (typeof cases)[number]): Promise<void> => {
      const run = await claimdesk([...args, '--json']);
      expect(run.code, `${label}: ${run.stderr}`).toBe(code);
      let document: unknown;
      expect(() => (document = JSON.parse(run.stdout)), `${label}: stdout is one JSON document`).not.toThrow();
      // A command that could not do its work says why in the same document (and on stderr).
      if (code === 2 || label.includes('password') || label.includes('damaged')) {
        expect(document, label).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      }
    };
    // Commands that write the cache run one after another (sync first); the others read or fail early, side by side.
    const writes = (args: string[]): boolean => ['sync', 'export', 'upload', 'push'].includes(args[0]!) && !args.includes('nope');
    for (const entry of cases.filter(([, args, code]) => writes(args) && code !== 2)) await check(entry);
    await Promise.all(cases.filter(([, args, code]) => !writes(args) || code === 2).map(check));
  }, 600_000);

  it('pipes through `npx claimdesk`: validate with problems and export with a skipped order exit 1 with one JSON document', async () => {
    const validate = await spawnRun('npx', ['claimdesk', 'validate', join(temp.dir, 'problems.geojson'), '--json']);
    expect(validate.code).toBe(1);
    expect(JSON.parse(validate.stdout)).toMatchObject({ claims: 1, problems: expect.arrayContaining([expect.objectContaining({ code: 'claim_self_intersection' })]) });
    const exported = await spawnRun('npx', ['claimdesk', 'export', '--order', 'claim_order:6', '--out', join(temp.dir, 'npx-export'), ...data(), '--json']);
    expect(exported.code).toBe(1);
    expect(JSON.parse(exported.stdout)).toMatchObject({ results: [expect.objectContaining({ outcome: 'skipped' })] });
  }, 120_000);

  it('strips control characters from server strings in human output, and keeps them intact (escaped) in JSON', async () => {
    const human = await claimdesk(['orders', ...data()]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^CO-\S*-601/m);
    expect(human.stdout).not.toMatch(CONTROL);
    const json = await claimdesk(['orders', ...data(), '--json']);
    expect(json.stdout).not.toMatch(CONTROL);
    const listed = (JSON.parse(json.stdout) as { id: number; order_number: string }[]).find((order) => order.id === 601);
    expect(listed?.order_number).toBe(ESCAPES);
  }, 60_000);
});
