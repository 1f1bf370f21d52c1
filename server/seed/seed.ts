/** Chooses and applies a seed. Seeding never duplicates: a database that already holds orders is left alone. */
import { DEMO_USERS } from '../demo-users';
import type { ReferenceStore } from '../store/reference-store';
import { seedBench, type BenchSeedOptions } from './bench.seed';
import { seedDemo } from './demo.seed';

export type SeedOption = 'demo' | 'none' | BenchSeedOptions;

export interface SeedResult {
  seed: string;
  inserted: number;
  skipped: boolean;
}

export function describeSeed(seed: SeedOption): string {
  return typeof seed === 'string' ? seed : `bench:${seed.orders}x${seed.claimsPerOrder}`;
}

/** Parses `demo`, `none` or `bench:<orders>x<claims>`; undefined when the text is none of these. */
export function parseSeedOption(text: string): SeedOption | undefined {
  if (text === 'demo' || text === 'none') return text;
  const match = /^bench:(\d+)x(\d+)$/.exec(text);
  if (match === null) return undefined;
  return { orders: Number(match[1]), claimsPerOrder: Number(match[2]) };
}

export async function ensureDemoUsers(store: ReferenceStore): Promise<void> {
  for (const user of DEMO_USERS) {
    // Hashing costs tens of milliseconds per user; skip users that are already there.
    if (!(await store.hasUser(user.username))) await store.createUser(user);
  }
}

export async function applySeed(store: ReferenceStore, seed: SeedOption): Promise<SeedResult> {
  const name = describeSeed(seed);
  if (seed === 'none') return { seed: name, inserted: 0, skipped: false };
  if ((await store.countOrders()) > 0) return { seed: name, inserted: 0, skipped: true };
  const inserted = seed === 'demo' ? await seedDemo(store) : await seedBench(store, seed);
  await store.setSeedMarker(name);
  return { seed: name, inserted, skipped: false };
}
