/**
 * A large write's checkpoint happens off the main thread: during the write the main connection's automatic
 * checkpoint is off, afterwards a worker thread has copied the log into the database file and the automatic
 * checkpoint is on again. Small writes are left alone. A full sync of a few hundred orders goes through it.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_WRITE_ROWS } from '../../core/db/wal-checkpoint';
import { openBackEnd, startTestServer, type BackEnd } from '../helpers/back-end';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('checkpoints of large writes', () => {
  let server: Server;
  let backEnd: BackEnd;

  beforeAll(async () => {
    server = await startTestServer({ orders: LARGE_WRITE_ROWS + 100, claimsPerOrder: 4 });
    backEnd = await openBackEnd();
    await backEnd.signInStaff(server.url);
  });
  afterAll(async () => {
    await backEnd.close();
    await server.cleanup();
  });

  const autoCheckpoint = (): number => Number(backEnd.opened.sqlite.pragma('wal_autocheckpoint', { simple: true }));

  it('leaves a small write to the automatic checkpoint', async () => {
    const seen = await backEnd.opened.largeWrites.run(LARGE_WRITE_ROWS - 1, async () => autoCheckpoint());
    expect(seen).toBe(1000);
  });

  it('switches the automatic checkpoint off during a large write and back on after it', async () => {
    const seen = await backEnd.opened.largeWrites.run(LARGE_WRITE_ROWS, async () => autoCheckpoint());
    expect(seen).toBe(0);
    await backEnd.opened.largeWrites.settled();
    expect(autoCheckpoint()).toBe(1000);
  });

  it('has a full sync checkpointed into the database file by the worker', async () => {
    const report = await backEnd.sync.syncNow();
    expect(report.added).toBe(LARGE_WRITE_ROWS + 100);
    await backEnd.opened.largeWrites.settled();
    expect(autoCheckpoint()).toBe(1000);
    // Every page of the database is in its file: the log was copied in, and nothing on this connection did it (its
    // automatic checkpoint was off until the copy was done).
    const pages = Number(backEnd.opened.sqlite.pragma('page_count', { simple: true }));
    const pageSize = Number(backEnd.opened.sqlite.pragma('page_size', { simple: true }));
    expect(statSync(join(backEnd.dataDir, 'claimdesk.sqlite')).size).toBe(pages * pageSize);
  });
});
