/** The reference server as a child process for benchmarks, so its memory and CPU are not counted as ours. */
import { spawn, type ChildProcess } from 'node:child_process';

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
