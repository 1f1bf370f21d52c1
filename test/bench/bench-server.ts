/** The reference server as a child process for benchmarks, so its memory and CPU are not counted as ours. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo-users';
import { openBackEnd, type BackEnd } from '../helpers/back-end';

export async function startServerProcess(dbFile: string, seed: string, extraArgs: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--db', dbFile, '--reset', '--seed', seed, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the reference server exited (${code}) before listening:\n${seen}`)));
  });
  return { url, child };
}

/**
 * `runs` timings of `work` in ms: the median, and the fastest, which on a machine busy with other work is the
 * closest to what the work itself costs (a run nothing else preempted).
 */
export async function timingsMs(work: () => unknown, runs = 11): Promise<{ median: number; fastest: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, fastest: times[0]! };
}

/** The median of `runs` timings of `work`, in ms. */
export async function medianMs(work: () => unknown, runs = 11): Promise<number> {
  return (await timingsMs(work, runs)).median;
}

/** Set-up, not timed: the reference server seeded with `seed` in a child, and a back-end over a cache synced from it. */
export async function startSyncedBackEnd(dir: string, seed: string): Promise<{ backEnd: BackEnd; url: string; child: ChildProcess }> {
  const { url, child } = await startServerProcess(join(dir, 'server.sqlite'), seed);
  try {
    const backEnd = await openBackEnd({ dataDir: join(dir, 'cache') });
    await backEnd.session.signIn({ serverUrl: url, username: DEMO_STAFF.username, password: DEMO_PASSWORD });
    await backEnd.sync.syncNow();
    return { backEnd, url, child };
  } catch (error) {
    child.kill();
    throw error;
  }
}
