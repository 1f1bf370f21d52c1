/**
 * `claimdesk package`: a staking package from a layout file and a details file, through the real CLI entry, read
 * back from the folder it writes (manifest, hashes, the notices' text).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestSchema } from '../../shared/documents/package-files';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';

let temp: { dir: string; cleanup: () => void };
const file = (name: string): string => join(temp.dir, name);
const write = (name: string, value: unknown): string => {
  writeFileSync(file(name), typeof value === 'string' ? value : JSON.stringify(value));
  return file(name);
};

const DETAILS = {
  claim_type: 'lode',
  date_of_location: '2026-08-15',
  mining_district: 'Sierra',
  monument: '4 in x 4 in wooden post, 5 ft',
  locators: [{ name: 'Acme Mining, Inc.', address: ['1 Main St', 'Reno, NV 89501'] }],
};

async function layout(name: string, lat: number, lon: number, extra: string[] = []): Promise<string> {
  const result = await cli(['grid', '--lat', String(lat), '--lon', String(lon), '--rows', '1', '--cols', '2', '--prefix', 'GOLD', '--geojson', ...extra]);
  expect(result.code).toBe(0);
  return write(name, result.stdout);
}

beforeAll(() => {
  temp = makeTempDir('claimdesk-package-');
});
afterAll(() => temp.cleanup());

describe('claimdesk package', () => {
  it('writes a checked package from a grid layout (its monument points ignored), warning about unknown keys', async () => {
    const geojson = await layout('nv.geojson', 40.2, -117.05);
    const details = write('nv.json', { ...DETAILS, reference: 'WALK-IN-7', colour: 'blue' });
    const out = file('nv-out');
    const result = await cli(['package', '--layout', geojson, '--details', details, '--out', out]);
    expect(result.stderr).toContain('unknown key "colour" is ignored');
    expect(result.code).toBe(0);
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest).toMatchObject({ source: 'layout', state: 'NV', dateOfLocation: '2026-08-15', claimant: 'Acme Mining, Inc.', feeSchedule: { version: 'blm-2024-10' } });
    expect(manifest.order).toMatchObject({ orderType: null, orderId: null, orderNumber: 'WALK-IN-7' });
    expect(manifest.orderSnapshot).toBeUndefined();
    expect(manifest.claims.map((c) => c.name)).toEqual(['GOLD 1', 'GOLD 2']);
    expect(manifest.files.map((f) => f.kind).sort()).toEqual(
      ['blm-filing', 'blm-filing-csv', 'claim-map', 'corner-cards', 'csv', 'deadlines-ics', 'fees-sheet', 'field-instructions', 'field-map', 'gpx', 'kml', 'location-notices', 'posted-notices'].sort(),
    );
    expect(readdirSync(out).sort()).toEqual([...manifest.files.map((f) => f.name), 'manifest.json'].sort());
    const notices = execFileSync('pdftotext', ['-layout', join(out, 'location-notices.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(notices).toContain('CERTIFICATE OF LOCATION');
    expect(notices).toContain('By:');
    expect(notices).toContain('Its:');

    // The same again replaces the earlier package; --json is one document for jq.
    const again = await cli(['package', '--layout', geojson, '--details', details, '--out', out, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'written', folder: out, reasons: [] });
  });

  it('refuses, exit 1 with every reason: no locator, a post too short, a layout over the legal limits', async () => {
    const geojson = await layout('az.geojson', 34.4, -112.6);
    const long = JSON.parse(readFileSync(geojson, 'utf8')) as { features: { geometry: { type: string; coordinates: number[][][] } }[] };
    const ring = long.features[0]!.geometry.coordinates[0]!;
    ring[1]![1]! += 0.0004; // stretch one side about 45 m
    const stretched = write('az-long.geojson', long);
    const details = write('az-bad.json', { ...DETAILS, locators: [], monument: '2 ft wooden post' });
    const result = await cli(['package', '--layout', stretched, '--details', details, '--out', file('az-out'), '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { outcome: string; reasons: string[] };
    expect(report.outcome).toBe('refused');
    const reasons = report.reasons.join('\n');
    expect(reasons).toContain('The details name no locator');
    expect(reasons).toMatch(/2 ft wooden post.*A\.R\.S\. § 27-202\(A\)/);
    expect(reasons).toMatch(/GOLD 1/);
    expect(() => readdirSync(file('az-out'))).toThrow();
  });

  it('Alaska: names the recording district; refuses an unknown district and a federal lode on State land', async () => {
    const geojson = await layout('ak.geojson', 64.9, -147.6);
    const ok = await cli(['package', '--layout', geojson, '--details', write('ak.json', { ...DETAILS, recording_district: 'fairbanks', date_of_discovery: '2026-08-01' }), '--out', file('ak-out')]);
    expect(ok.code).toBe(0);
    const notices = execFileSync('pdftotext', ['-layout', join(file('ak-out'), 'location-notices.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(notices).toMatch(/Fairbanks Recording( \S+)* District/);
    expect(notices).not.toMatch(/County/);
    expect(notices).toMatch(/Corner No\. 1 \(NE\)/);

    const unknown = await cli(['package', '--layout', geojson, '--details', write('ak-bad.json', { ...DETAILS, recording_district: 'Nome County' }), '--out', file('ak-bad')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('"Nome County" is not an Alaska recording district');
    const state = await cli(['package', '--layout', geojson, '--details', write('ak-state.json', { ...DETAILS, land_status: 'state', recording_district: 'Fairbanks' }), '--out', file('ak-state')]);
    expect(state.code).toBe(1);
    expect(state.stdout).toMatch(/on State of Alaska land a location is an MTRSC quarter section/);
  });

  it('exit 2: bad usage, unreadable or invalid files, or an output folder that holds something else', async () => {
    const geojson = await layout('u.geojson', 40.2, -117.05);
    const details = write('u.json', DETAILS);
    expect((await cli(['package', '--layout', geojson, '--details', details])).code).toBe(2);
    expect((await cli(['package', '--layout', file('missing.geojson'), '--details', details, '--out', file('u1')])).code).toBe(2);
    expect((await cli(['package', '--layout', geojson, '--details', write('bad.json', '{nope'), '--out', file('u2')])).code).toBe(2);
    const invalid = await cli(['package', '--layout', geojson, '--details', write('invalid.json', { ...DETAILS, claim_type: 'gold' }), '--out', file('u3')]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('claim_type');
    mkdirSync(file('busy'));
    writeFileSync(join(file('busy'), 'thesis.docx'), 'mine');
    const busy = await cli(['package', '--layout', geojson, '--details', details, '--out', file('busy')]);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain('is not empty and holds no staking package');
    expect(readFileSync(join(file('busy'), 'thesis.docx'), 'utf8')).toBe('mine');
  });
});
