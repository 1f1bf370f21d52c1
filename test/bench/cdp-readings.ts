/** What the browser benchmarks read through the Chrome DevTools Protocol: the renderer's heap, and CPU profiles (BENCH_PROFILE=1). */
import type { CDPSession } from 'playwright-core';

/** The renderer's JS heap in use now (MB). */
export async function heapMb(cdp: CDPSession): Promise<number> {
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
}

/** The functions with the most samples (self time) in a CPU profile, by name and file (line:column: bundles are minified). */
export function topFunctions(profile: CpuProfile, count = 12): string[] {
  const hits = new Map<string, number>();
  for (const node of profile.nodes) {
    const key = frameKey(node);
    hits.set(key, (hits.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  return ranked(hits, count);
}

function frameKey(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}:${(columnNumber ?? 0) + 1}`;
}

function ranked(hits: Map<string, number>, count: number, of = [...hits.values()].reduce((a, b) => a + b, 0)): string[] {
  const total = of || 1;
  return [...hits]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, n]) => `${((100 * n) / total).toFixed(1).padStart(5)} %  ${key}`);
}

/**
 * The functions with the most samples in themselves and everything they called (total time), as shares of all
 * samples: where a row's time goes, top-down. A function recursing into itself is counted once per sample.
 */
export function topFunctionsTotal(profile: CpuProfile, count = 12): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  let all = 0;
  for (const node of profile.nodes) {
    const n = node.hitCount ?? 0;
    if (n === 0) continue;
    all += n;
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const key = frameKey(byId.get(id)!);
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + n);
    }
  }
  const shares = ranked(totals, count + 1, all).filter((line) => !line.includes('(root)'));
  return all === 0 ? [] : shares.slice(0, count);
}

interface TraceEvent {
  ph: string;
  name: string;
  cat: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/**
 * Runs `action` under a Chrome trace and answers how long each thread of each process was busy (top-level tasks,
 * nested ones counted once) from its start until `settleMs` after it, busiest first, with the longest GPU-process
 * task, and how many frames the window drew: where a browser figure goes when the page's own thread is idle
 * (software GL runs in the GPU process).
 */
export async function threadBusy(cdp: CDPSession, action: () => Promise<unknown>, settleMs = 1000): Promise<string[]> {
  await cdp.send('Tracing.start', { categories: 'toplevel,gpu,viz,devtools.timeline', transferMode: 'ReturnAsStream' } as never);
  await action();
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete' as never, (event: { stream: string }) => resolve(event.stream)));
  await cdp.send('Tracing.end');
  const handle = await complete;
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle } as never)) as { data: string; eof: boolean };
    text += chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle } as never);
  const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'process_name') names.set(String(e.pid), e.args?.name ?? String(e.pid));
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? String(e.tid));
  }
  const spans = new Map<string, [number, number][]>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.cat.includes('toplevel') || !e.dur) continue;
    const key = `${names.get(String(e.pid)) ?? e.pid} / ${names.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    spans.set(key, [...(spans.get(key) ?? []), [e.ts, e.ts + e.dur]]);
  }
  const busy = [...spans].map(([key, list]) => ({ key, ...covered(list) }));
  // Frames the window drew: each is one swap of the whole window's composite, the unit software GL pays for.
  const swaps = events.filter((e) => e.name === 'SkiaOutputSurfaceImplOnGpu::SwapBuffers' && (e.ph === 'X' || e.ph === 'B'));
  const swapMs = swaps.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  return [
    ...busy
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((t) => `${t.ms.toFixed(0).padStart(6)} ms busy (longest task ${t.longestMs.toFixed(0)} ms)  ${t.key}`),
    `frames drawn: ${swaps.length}${swapMs > 0 ? ` (${swapMs.toFixed(0)} ms in SwapBuffers)` : ''}`,
    `page's main thread: ${pageWork(events, names)}`,
  ];
}

/** The time a list of [start, end] spans covers (overlaps counted once), and the longest span, in ms. */
function covered(list: [number, number][]): { ms: number; longestMs: number } {
  list.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  let longest = 0;
  for (const [a, b] of list) {
    longest = Math.max(longest, b - a);
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return { ms: total / 1000, longestMs: longest / 1000 };
}

/**
 * What the page's own thread (every renderer's main thread) spent its time on, from the DevTools timeline events:
 * script (React's render and commit, MapLibre's calls), style recalculation, layout, paint (pre-paint, paint,
 * layerize) and garbage collection. A layout forced from script is counted in both.
 */
const PAGE_WORK: Record<string, readonly string[]> = {
  script: ['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'EvaluateScript', 'FireIdleCallback', 'ResizeObserver'],
  style: ['UpdateLayoutTree', 'ScheduleStyleRecalculation'],
  layout: ['Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'UpdateLayerTree', 'PaintImage', 'CompositeLayers'],
  gc: ['MinorGC', 'MajorGC', 'BlinkGC.AtomicPhase', 'V8.GCScavenger', 'V8.GCFinalizeMC'],
};

function pageWork(events: TraceEvent[], names: Map<string, string>): string {
  const groups = new Map<string, [number, number][]>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || names.get(`${e.pid}:${e.tid}`) !== 'CrRendererMain') continue;
    for (const [group, members] of Object.entries(PAGE_WORK)) {
      if (members.includes(e.name)) groups.set(group, [...(groups.get(group) ?? []), [e.ts, e.ts + e.dur]]);
    }
  }
  return Object.keys(PAGE_WORK)
    .map((group) => {
      const spans = groups.get(group) ?? [];
      return `${group} ${covered(spans).ms.toFixed(0)} ms${group === 'layout' || group === 'style' ? ` (${spans.length}×)` : ''}`;
    })
    .join(', ');
}
