/** Pixels of a rendered PDF page (poppler's pdftoppm), around one point, for checks on what a printout shows. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** RGB triples of the (2r+1)² pixels around `pixel` (at `dpi`, origin top-left); grey: one value a pixel. */
export function pixelsNear(file: string, page: number, pixel: readonly [number, number], radius = 3, options: { dpi?: number; grey?: boolean } = {}): number[][] {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-px-'));
  try {
    const [x, y] = [Math.round(pixel[0]) - radius, Math.round(pixel[1]) - radius];
    const size = 2 * radius + 1;
    const base = join(dir, 'probe');
    const mode = options.grey ? ['-gray'] : [];
    execFileSync('pdftoppm', [...mode, '-r', String(options.dpi ?? 150), '-f', String(page), '-l', String(page), '-x', String(x), '-y', String(y), '-W', String(size), '-H', String(size), '-singlefile', file, base]);
    const image = readFileSync(`${base}.${options.grey ? 'pgm' : 'ppm'}`);
    // Binary PNM: "P5|P6\n<w> <h>\n255\n" then the samples.
    const header = image.toString('latin1', 0, 40).match(/^P[56]\s+\d+\s+\d+\s+\d+\s/)![0];
    const samples = image.subarray(header.length);
    const step = options.grey ? 1 : 3;
    const out: number[][] = [];
    for (let i = 0; i + step <= samples.length; i += step) out.push([...samples.subarray(i, i + step)]);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
