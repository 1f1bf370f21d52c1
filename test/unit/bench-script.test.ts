/**
 * `npm run bench` is the one place the speed targets are read: a benchmark file it does not run is a figure nobody
 * sees again. Every test/bench/*.bench.ts must be in the script, once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

describe('npm run bench', () => {
  it('runs every benchmark file in test/bench, each once', () => {
    const files = readdirSync(join(ROOT, 'test', 'bench')).filter((name) => name.endsWith('.bench.ts')).sort();
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['bench'] ?? '';
    const run = [...script.matchAll(/tsx test\/bench\/([\w.-]+\.bench\.ts)/g)].map((m) => m[1]!).sort();
    expect(run).toEqual(files);
  });
});
