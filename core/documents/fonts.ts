/**
 * Finds and reads the fonts PDFs embed (resources/fonts, DejaVu Sans: free licence, wide Latin coverage).
 * The resources folder is found by walking up from this module (source tree, built `out/`) or is given
 * explicitly (the packaged app passes process.resourcesPath).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { FontBytes } from './pdf/pdf-kit';

const MARKER = join('fonts', 'DejaVuSans.ttf');

export function findResourcesDir(explicit?: string): string {
  const candidates: string[] = [];
  if (explicit) candidates.push(explicit);
  if (process.env.CLAIMDESK_RESOURCES) candidates.push(process.env.CLAIMDESK_RESOURCES);
  // __filename, not import.meta.url: the main process is bundled as CommonJS (see migrations-source.ts).
  let dir = dirname(__filename);
  for (let up = 0; up < 6; up += 1) {
    candidates.push(join(dir, 'resources'));
    dir = dirname(dir);
  }
  candidates.push(resolve('resources'));
  const found = candidates.find((candidate) => existsSync(join(candidate, MARKER)));
  if (!found) throw new AppError('internal', `The document fonts are missing (looked for ${MARKER} in ${candidates.join(', ')}).`);
  return found;
}

const cache = new Map<string, FontBytes>();

export function loadFontBytes(resourcesDir: string): FontBytes {
  const cached = cache.get(resourcesDir);
  if (cached) return cached;
  const fonts = {
    regular: new Uint8Array(readFileSync(join(resourcesDir, 'fonts', 'DejaVuSans.ttf'))),
    bold: new Uint8Array(readFileSync(join(resourcesDir, 'fonts', 'DejaVuSans-Bold.ttf'))),
  };
  cache.set(resourcesDir, fonts);
  return fonts;
}
