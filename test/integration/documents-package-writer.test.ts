import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manifestSchema, type PackageManifest } from '../../shared/documents/package-files';
import { sha256Hex, type GeneratedFile } from '../../core/documents/generate-package';
import { recoverPackageFolders, writePackageFolder } from '../../core/documents/package-writer';
import { makeTempDir } from '../helpers/temp-dir';

function fakePackage(text: string): { files: GeneratedFile[]; manifest: PackageManifest } {
  const bytes = new TextEncoder().encode(text);
  const files: GeneratedFile[] = [{ name: 'claims.kml', kind: 'kml', mediaType: 'application/vnd.google-earth.kml+xml', bytes, pages: null }];
  const manifest = manifestSchema.parse({
    manifestVersion: 1,
    generator: { name: 'ClaimDesk', version: 't' },
    preparedOn: '2026-11-22',
    generatedAt: `2026-11-22T00:00:00.000Z`,
    source: 'job',
    order: { orderType: 'claim_order', orderId: 1, orderNumber: 'CO-1', projectName: '', companyName: '', claimsPurchased: 1 },
    state: 'NV',
    county: 'Elko',
    epsg: 26911,
    dateOfLocation: null,
    claimant: text,
    claims: [],
    feeSchedule: { version: 'v', effectiveFrom: '2024-10-01' },
    files: [{ name: 'claims.kml', kind: 'kml', mediaType: 'x', bytes: bytes.byteLength, sha256: sha256Hex(bytes), pages: null }],
    problems: [],
  });
  return { files, manifest };
}

class Crash extends Error {}

describe('atomic package folders', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let target: string;
  beforeEach(() => {
    temp = makeTempDir();
    target = join(temp.dir, 'packages', 'CO-1 (claim_order 1)');
  });
  afterEach(() => temp.cleanup());

  const claimant = (): string => (JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8')) as PackageManifest).claimant;

  it('writes the files and the manifest, then replaces the folder on regeneration and leaves nothing behind', async () => {
    const first = fakePackage('first');
    await writePackageFolder(target, first.files, first.manifest);
    expect(readFileSync(join(target, 'claims.kml'), 'utf8')).toBe('first');
    const second = fakePackage('second');
    await writePackageFolder(target, second.files, second.manifest);
    expect(claimant()).toBe('second');
    expect(readdirSync(join(temp.dir, 'packages'))).toEqual(['CO-1 (claim_order 1)']);
  });

  it('keeps the old package whole when a crash stops the new one before the swap', async () => {
    const first = fakePackage('first');
    await writePackageFolder(target, first.files, first.manifest);
    const second = fakePackage('second');
    await expect(
      writePackageFolder(target, second.files, second.manifest, { afterStep: (step) => { if (step === 'written') throw new Crash(); } }),
    ).rejects.toBeInstanceOf(Crash);
    expect(claimant()).toBe('first');
    const recovered = await recoverPackageFolders(join(temp.dir, 'packages'));
    expect(recovered.removed).toHaveLength(1);
    expect(readdirSync(join(temp.dir, 'packages'))).toEqual(['CO-1 (claim_order 1)']);
    expect(claimant()).toBe('first');
  });

  it('puts the old package back when a crash falls between the two renames', async () => {
    const first = fakePackage('first');
    await writePackageFolder(target, first.files, first.manifest);
    const second = fakePackage('second');
    await expect(
      writePackageFolder(target, second.files, second.manifest, { afterStep: (step) => { if (step === 'old-moved-aside') throw new Crash(); } }),
    ).rejects.toBeInstanceOf(Crash);
    expect(existsSync(target)).toBe(false);
    const recovered = await recoverPackageFolders(join(temp.dir, 'packages'));
    expect(recovered.restored).toEqual(['CO-1 (claim_order 1)']);
    expect(claimant()).toBe('first');
    expect(readdirSync(join(temp.dir, 'packages'))).toEqual(['CO-1 (claim_order 1)']);
  });

  it('keeps the new package when a crash comes after it is in place, and clears the old copy', async () => {
    const first = fakePackage('first');
    await writePackageFolder(target, first.files, first.manifest);
    const second = fakePackage('second');
    await expect(
      writePackageFolder(target, second.files, second.manifest, { afterStep: (step) => { if (step === 'new-in-place') throw new Crash(); } }),
    ).rejects.toBeInstanceOf(Crash);
    await recoverPackageFolders(join(temp.dir, 'packages'));
    expect(claimant()).toBe('second');
    expect(readdirSync(join(temp.dir, 'packages'))).toEqual(['CO-1 (claim_order 1)']);
  });

  it('never mistakes an order folder whose own name looks temporary for a leftover', async () => {
    const odd = join(temp.dir, 'packages', 'CO.tmp-report');
    const pkg = fakePackage('odd');
    await writePackageFolder(odd, pkg.files, pkg.manifest);
    await recoverPackageFolders(join(temp.dir, 'packages'));
    expect(existsSync(join(odd, 'manifest.json'))).toBe(true);
  });
});
