/**
 * The `claimdesk` executable loads what a command needs and nothing more: each command's module when it runs, so
 * `sync` and `orders` never load the PDF and canvas stack that `package` and `export` use, and `orders` (which
 * only reads the cache) not even the geometry libraries. Checked on the built executable as a user runs it, from
 * the modules the process actually loaded (require.cache at exit, test/helpers/record-modules.cjs).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = join(__dirname, '../..');
const DOCUMENT_STACK = ['pdf-lib', '@pdf-lib/fontkit', '@napi-rs/canvas', 'pdfjs-dist'];
const GEOMETRY = ['@turf/turf', 'proj4'];

/** The packages (node_modules/<name>) a run of the executable loaded, and whether it ran the build. */
async function loaded(args: string[], dir: string): Promise<{ packages: Set<string>; built: boolean }> {
  const record = join(dir, `modules-${args[0]}.txt`);
  await promisify(execFile)(process.execPath, ['-r', join(ROOT, 'test/helpers/record-modules.cjs'), join(ROOT, 'bin/claimdesk.cjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, CLAIMDESK_RECORD_MODULES: record, CLAIMDESK_PASSWORD: 'claimdesk-demo' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const files = readFileSync(record, 'utf8').split('\n');
  const packages = new Set(files.map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]).filter((name): name is string => name !== undefined));
  return { packages, built: files.some((file) => file.endsWith(join('out', 'cli', 'claimdesk.js'))) };
}

describe('the claimdesk executable loads lazily', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let temp: ReturnType<typeof makeTempDir>;

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT });
    server = await startTestServer();
    temp = makeTempDir();
  }, 120_000);
  afterAll(async () => {
    await server.cleanup();
    temp.cleanup();
  });

  it('sync loads neither the PDF nor the canvas stack; orders not even the geometry; help none of them', async () => {
    const data = ['--data-dir', join(temp.dir, 'data')];
    const sync = await loaded(['sync', '--server', server.url, '--username', 'demo-staff', ...data, '--json'], temp.dir);
    expect(sync.built).toBe(true);
    // What the sync does use is there: the proof the record is of a real run.
    expect([...sync.packages]).toEqual(expect.arrayContaining(['axios', 'better-sqlite3', 'kysely', ...GEOMETRY]));
    for (const name of DOCUMENT_STACK) expect(sync.packages).not.toContain(name);

    const orders = await loaded(['orders', ...data, '--json'], temp.dir);
    expect(orders.packages).toContain('better-sqlite3');
    for (const name of [...DOCUMENT_STACK, ...GEOMETRY, 'axios']) expect(orders.packages).not.toContain(name);

    const help = await loaded(['help'], temp.dir);
    for (const name of [...DOCUMENT_STACK, ...GEOMETRY, 'better-sqlite3', 'kysely', 'axios']) expect(help.packages).not.toContain(name);

    // The heavy stack is still there for the command that needs it: lazily is not never.
    const grid = await loaded(['grid', '--lat', '40.1', '--lon', '-116.9', '--rows', '1', '--cols', '2', '--geojson'], temp.dir);
    expect(grid.packages).toContain('proj4');
  }, 120_000);
});
