/** electron-builder.yml keeps the packaged app hardened: fuses flipped, only the shell and renderer shipped. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const yml = readFileSync(join(__dirname, '../../electron-builder.yml'), 'utf8');
const value = (key: string): string | undefined => yml.match(new RegExp(`^\\s*${key}:\\s*([^#\\n]+?)\\s*(#.*)?$`, 'm'))?.[1];
const filesSection = yml.match(/^files:\n((?:\s+-.*\n|\s*#.*\n)+)/m)?.[1] ?? '';

describe('electron-builder.yml', () => {
  it.each([
    ['runAsNode', 'false'],
    ['enableNodeOptionsEnvironmentVariable', 'false'],
    ['enableNodeCliInspectArguments', 'false'],
    ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ['onlyLoadAppFromAsar', 'true'],
    ['grantFileProtocolExtraPrivileges', 'false'],
    ['npmRebuild', 'false'],
    ['productName', 'ClaimDesk'],
  ])('%s is %s', (key, expected) => {
    expect(value(key)).toBe(expected);
  });

  it('ships an allowlist without the browser host, the server, scripts or tests', () => {
    const entries = [...filesSection.matchAll(/^\s+-\s+'?([^'\n]+)'?/gm)].map((m) => m[1]?.trim());
    expect(entries).toEqual(expect.arrayContaining(['out/**', 'migrations/**', 'resources/**', 'package.json']));
    for (const entry of entries.filter((e) => !e?.startsWith('!'))) expect(entry).not.toMatch(/^(electron|server|scripts|test|\*\*)/);
  });
});
