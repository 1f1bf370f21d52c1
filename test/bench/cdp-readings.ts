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
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
}

/** The functions with the most samples (self time) in a CPU profile, by name and file (line:column: bundles are minified). */
export function topFunctions(profile: CpuProfile, count = 12): string[] {
  const hits = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}:${(columnNumber ?? 0) + 1}`;
    hits.set(key, (hits.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  const total = [...hits.values()].reduce((a, b) => a + b, 0) || 1;
  return [...hits]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, n]) => `${((100 * n) / total).toFixed(1).padStart(5)} %  ${key}`);
}
