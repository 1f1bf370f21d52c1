/**
 * The outbox snapshot: hard links where the file system allows (no bytes written), a copy where a link is refused,
 * and in both cases a package made again afterwards never changes what the queued entry will send.
 */
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writePackageFolder } from '../../core/documents/package-writer';
import { WRITER_MARKER, writeSnapshot, type LinkFile } from '../../core/outbox/outbox-snapshot';
import { MANIFEST_FILE, manifestSchema, type PackageManifest } from '../../shared/documents/package-files';
import { makeTempDir } from '../helpers/temp-dir';

const temps: { cleanup: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function manifest(text: string): PackageManifest {
  return manifestSchema.parse({
    manifestVersion: 1,
    generator: { name: 'ClaimDesk', version: 'test' },
    preparedOn: '2026-01-02',
    generatedAt: '2026-01-02T00:00:00.000Z',
    source: 'job',
    order: { orderType: 'claim_order', orderId: 1, orderNumber: 'CO-1', projectName: '', companyName: '', claimsPurchased: 1 },
    state: 'NV',
    county: '',
    epsg: 26911,
    dateOfLocation: null,
    claimant: text,
    claims: [{ name: 'A 1', kind: 'lode', areaAcres: 20.661 }],
    feeSchedule: { version: 'test', effectiveFrom: '2024-10-01' },
    files: [],
    problems: [],
  });
}

async function packageFolder(dir: string, text: string): Promise<string> {
  const folder = join(dir, 'packages', 'job-1');
  const files = [
    { name: 'waypoints.gpx', kind: 'gpx' as const, mediaType: 'application/gpx+xml', bytes: new TextEncoder().encode(`<gpx>${text}</gpx>`), pages: null },
    { name: 'corners.csv', kind: 'csv' as const, mediaType: 'text/csv', bytes: new TextEncoder().encode(`claim,${text}`), pages: null },
  ];
  await writePackageFolder(folder, files, manifest(text));
  return folder;
}

const NAMES = [{ name: 'waypoints.gpx' }, { name: 'corners.csv' }];

describe('outbox snapshot', () => {
  it('links the package files (same inode, nothing copied) and keeps them when the package is made again', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const folder = await packageFolder(temp.dir, 'first');
    const snapshot = join(temp.dir, 'outbox', 'entry-1');
    const report = await writeSnapshot(snapshot, folder, NAMES);
    expect(report).toEqual({ linked: 3, copied: 0 });
    expect(statSync(join(snapshot, 'waypoints.gpx')).ino).toBe(statSync(join(folder, 'waypoints.gpx')).ino);
    expect(existsSync(join(snapshot, WRITER_MARKER))).toBe(true);

    await packageFolder(temp.dir, 'second'); // a new generation swaps a new folder in; the old names are unlinked
    expect(readFileSync(join(folder, 'waypoints.gpx'), 'utf8')).toBe('<gpx>second</gpx>');
    expect(readFileSync(join(snapshot, 'waypoints.gpx'), 'utf8')).toBe('<gpx>first</gpx>');
    expect(readFileSync(join(snapshot, 'corners.csv'), 'utf8')).toBe('claim,first');
    expect(JSON.parse(readFileSync(join(snapshot, MANIFEST_FILE), 'utf8')).claimant).toBe('first');
  });

  it('copies where the file system refuses a hard link, with the same contents', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const folder = await packageFolder(temp.dir, 'first');
    const refuse: LinkFile = async () => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    };
    const snapshot = join(temp.dir, 'outbox', 'entry-2');
    expect(await writeSnapshot(snapshot, folder, NAMES, refuse)).toEqual({ linked: 0, copied: 3 });
    expect(statSync(join(snapshot, 'corners.csv')).ino).not.toBe(statSync(join(folder, 'corners.csv')).ino);
    await packageFolder(temp.dir, 'second');
    expect(readFileSync(join(snapshot, 'corners.csv'), 'utf8')).toBe('claim,first');
  });

  it('a missing package file is an error naming the outbox, and leaves no half snapshot', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const folder = await packageFolder(temp.dir, 'first');
    const snapshot = join(temp.dir, 'outbox', 'entry-3');
    await expect(writeSnapshot(snapshot, folder, [...NAMES, { name: 'location-notices.pdf' }])).rejects.toMatchObject({ code: 'io-failed' });
    expect(existsSync(snapshot)).toBe(false);
  });
});
