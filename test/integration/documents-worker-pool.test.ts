import { describe, expect, it } from 'vitest';
import { findResourcesDir } from '../../core/documents/fonts';
import { createPackageWorkerPool } from '../../core/documents/worker-pool';
import type { PackageTask } from '../../core/documents/package-task';
import { samplePackageSource } from '../helpers/package-fixtures';

const task = (orderNumber: string): PackageTask => ({
  source: samplePackageSource({ state: 'AZ', rows: 1, cols: 2, orderNumber }),
  preparedOn: '2026-11-22',
  generatedAt: '2026-11-22T12:00:00.000Z',
  generator: { name: 'ClaimDesk', version: 'test' },
  resourcesDir: findResourcesDir(),
});

describe('package worker pool', () => {
  it('makes packages in worker threads with progress, and rejects queued work on cancel', async () => {
    const pool = createPackageWorkerPool(1);
    try {
      const progress: string[] = [];
      const first = pool.run(task('A-1'), (p) => progress.push(`${p.done}/${p.total} ${p.kind}`));
      const queued = pool.run(task('A-2'));
      pool.cancelQueued();
      await expect(queued).rejects.toMatchObject({ code: 'cancelled' });
      const made = await first;
      expect(made.manifest.order.orderNumber).toBe('A-1');
      // Arizona records the posted notice itself: no separate posted-notices file (StateRule.postedNoticeSeparate).
      expect(made.files).toHaveLength(12);
      expect(made.files.map((f) => f.kind)).not.toContain('posted-notices');
      expect(progress.at(-1)).toBe('12/12 csv');
    } finally {
      await pool.close();
    }
  });

  it('makes a package on the main thread when it is too big for a worker heap', async () => {
    // A heap far too small for any package: the worker dies of it and the pool falls back.
    const pool = createPackageWorkerPool(1, { heapMb: 4 });
    try {
      const made = await pool.run(task('A-3'));
      expect(made.files.map((f) => f.kind)).toContain('location-notices');
    } finally {
      await pool.close();
    }
  });
});
