/**
 * A V8 CPU profile of a stretch of this process (node:inspector), summarised: where the thread's time went by kind
 * of work (SQLite, kysely's query building, the HTTP client, the file system, our own code, idle) and the
 * functions with the most self time. For benchmarks that run the back-end in-process (BENCH_PROFILE=1).
 */
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The kind of work a frame is, from its file (first match wins). */
const KINDS: [string, RegExp][] = [
  ['idle (waiting: server, flushes, file-system threads)', /^\(idle\)$/],
  ['garbage collector', /^\(garbage collector\)$/],
  ['SQLite (better-sqlite3)', /better-sqlite3|statement-cache/],
  ['kysely (query building, compiling)', /node_modules\/kysely/],
  ['HTTP client (axios, form data, sockets)', /node_modules\/(axios|form-data|follow-redirects|proxy-from-env|combined-stream|asynckit|mime)|node:(_http|http|net|stream|internal\/(streams|http|net|stream_base|dns|url|blob|webstreams|deps\/undici))|^node:internal\/(buffer|blob)/],
  ['file system', /node:(fs|internal\/fs)/],
  ['zod', /node_modules\/zod/],
  ['ClaimDesk code', /\/(core|shared)\//],
  ['benchmark and server client', /\/(test|server)\//],
];

function kindOf(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  const key = url === '' ? functionName : url;
  for (const [kind, pattern] of KINDS) if (pattern.test(key)) return kind;
  return url === '' ? `native / program (${functionName || 'anonymous'})` : 'other JS (node internals, libraries)';
}

export interface ProfileSummary {
  totalMs: number;
  byKind: Map<string, number>;
  self: Map<string, number>;
  /** Total (inclusive) time of our own functions. */
  total: Map<string, number>;
}

const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);

function summariseInto(sum: ProfileSummary, profile: Profile): void {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(core|shared|node_modules|test|server)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
  sum.totalMs += (profile.endTime - profile.startTime) / 1000;
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    add(sum.byKind, kindOf(node), ms);
    add(sum.self, label(node), ms);
    // Inclusive time of each of our functions on the stack, counted once per sample however deep it recurs.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      if (!/\/(core|shared)\//.test(frame.callFrame.url)) continue;
      const key = label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      add(sum.total, key, ms);
    }
  }
}

/**
 * Profiles several stretches of this process (start/stop around each) into one summary; `file` gets the raw profile
 * of the last stretch (open it in DevTools).
 */
export function createCpuProfiler(file: string, intervalUs = 200) {
  const session = new Session();
  session.connect();
  const summary: ProfileSummary = { totalMs: 0, byKind: new Map(), self: new Map(), total: new Map() };
  let enabled = false;
  return {
    summary,
    async start(): Promise<void> {
      if (!enabled) {
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
        enabled = true;
      }
      await session.post('Profiler.start');
    },
    async stop(): Promise<void> {
      const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
      summariseInto(summary, profile);
      await writeFile(file, JSON.stringify(profile));
    },
    close: () => session.disconnect(),
  };
}

/** The summary as lines, each figure also per `per` units (entries). */
export function formatProfile(summary: ProfileSummary, per: number, unit: string): string[] {
  const row = ([name, ms]: [string, number]) => `    ${(ms / per).toFixed(3).padStart(7)} ms per ${unit}  ${name}`;
  const top = (map: Map<string, number>, count: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(row);
  return [
    `  ${(summary.totalMs / per).toFixed(2)} ms per ${unit} profiled, by kind of work (self time):`,
    ...top(summary.byKind, 20),
    '  functions with the most self time:',
    ...top(summary.self, 25),
    '  our functions by total time (their callees included):',
    ...top(summary.total, 30),
  ];
}
