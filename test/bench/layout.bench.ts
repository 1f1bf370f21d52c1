/**
 * Layout benchmark: generate a 1,000-claim lode grid and validate it (ground lengths, parallel end lines, area,
 * overlaps through the spatial index, near-miss corners) in plain Node, beside a baseline measured in the same run:
 * building the same count of bare axis-aligned rectangles. Target: ≤ 50 ms. Printed, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { chooseZone, utmConverter, type Utm } from '../../shared/geo/utm';
import { generateGrid } from '../../shared/layout/grid';
import { validateLayout } from '../../shared/claims/validate-layout';
import type { GridInput } from '../../shared/layout/layout.types';

const ROWS = 25;
const COLS = 40;
const RUNS = 15;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function main(): void {
  const { epsg } = chooseZone([[-116.1, 40.9]]);
  const anchor = utmConverter(epsg).toUtm([-116.1, 40.9]);
  const params: GridInput = {
    kind: 'lode', rows: ROWS, cols: COLS, azimuthDeg: 15, prefix: 'GE', firstNumber: 1, anchorMode: 'nw', anchor,
  };

  const baseline: number[] = [];
  const generate: number[] = [];
  const validate: number[] = [];
  let problems = 0;
  for (let run = 0; run < RUNS; run += 1) {
    let start = performance.now();
    const rectangles: Utm[][] = [];
    for (let r = 0; r < ROWS; r += 1) {
      for (let c = 0; c < COLS; c += 1) {
        const x = anchor[0] + c * 182.88;
        const y = anchor[1] - r * 457.2;
        rectangles.push([[x, y - 457.2], [x, y], [x + 182.88, y], [x + 182.88, y - 457.2]]);
      }
    }
    baseline.push(performance.now() - start);

    start = performance.now();
    const claims = generateGrid(params, epsg);
    generate.push(performance.now() - start);

    start = performance.now();
    const result = validateLayout({ claims, epsg, claimsPurchased: claims.length });
    validate.push(performance.now() - start);
    problems = result.problems.length;
  }
  const total = median(generate.map((g, i) => g + validate[i]!));
  console.log(`\nClaimDesk layout benchmark: ${ROWS * COLS} lode claims, median of ${RUNS} runs\n`);
  console.log(`${'baseline: bare rectangles'.padEnd(36)} ${median(baseline).toFixed(2).padStart(8)} ms`);
  console.log(`${'generate grid (ground-true sizes)'.padEnd(36)} ${median(generate).toFixed(2).padStart(8)} ms`);
  console.log(`${'validate layout'.padEnd(36)} ${median(validate).toFixed(2).padStart(8)} ms`);
  console.log(`${'generate + validate'.padEnd(36)} ${total.toFixed(2).padStart(8)} ms   target ≤ 50 ms ${total <= 50 ? 'ok' : 'OVER TARGET'}`);
  console.log(`\nproblems reported on the generated grid: ${problems} (expected 0)`);
}

main();
