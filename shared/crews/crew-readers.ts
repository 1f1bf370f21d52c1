/**
 * What ClaimDesk reads from a crew board answer: each order and each interest on its own (one the desk cannot read
 * is passed over, never the whole board), unknown fields ignored, like every other answer (shared/api/answer-readers.ts).
 */
import { crewBoardOrderSchema, crewCoverageAreaSchema, crewInterestSchema, type CrewBoardOrder, type CrewCoverageArea, type CrewInterest } from '../api/crews.schemas';
import type { Reading } from '../api/answer-readers';

export interface CrewBoardReading {
  coverage: CrewCoverageArea[] | null;
  orders: CrewBoardOrder[];
  interests: CrewInterest[];
  /** Entries passed over because they could not be read. */
  skipped: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function each<T>(value: unknown, read: (item: unknown) => T | null): { items: T[]; skipped: number } {
  const items: T[] = [];
  let skipped = 0;
  for (const item of Array.isArray(value) ? value.slice(0, 50_000) : []) {
    const read1 = read(item);
    if (read1 === null) skipped += 1;
    else items.push(read1);
  }
  return { items, skipped };
}

export function readCrewBoard(body: unknown): Reading<CrewBoardReading> {
  if (!isRecord(body) || !Array.isArray(body.orders)) return { ok: false, missing: 'an "orders" list on the crew board' };
  const orders = each(body.orders, (item) => crewBoardOrderSchema.safeParse(item).data ?? null);
  const interests = each(body.interests, (item) => crewInterestSchema.safeParse(item).data ?? null);
  const coverage = Array.isArray(body.coverage) ? each(body.coverage, (item) => crewCoverageAreaSchema.safeParse(item).data ?? null).items : null;
  return { ok: true, value: { coverage, orders: orders.items, interests: interests.items, skipped: orders.skipped + interests.skipped } };
}

export function readCoverage(body: unknown): CrewCoverageArea[] {
  if (!isRecord(body)) return [];
  return each(body.areas, (item) => crewCoverageAreaSchema.safeParse(item).data ?? null).items;
}
