/**
 * The stored layout and the job check of the jobs main has read lately, kept between edits so that a layout edit
 * costs main in proportion to what it changed, as it costs the renderer (use-job-derived.hook.ts):
 *   - a layout is parsed once per version stored, and one that was just written is not parsed at all (the save
 *     notes what it wrote);
 *   - its claims are the objects of the job's previous layout wherever they are equal, so the layout rules'
 *     memo (shared/claims/layout-check-memo.ts) checks again only the claims that changed and their neighbours;
 *   - a check is made once per version of the columns it reads: the save's workflow view and the job read after
 *     it share one.
 * It is a cache of checkJob over the row's text, never a second check: an entry is used only when every column
 * the check reads is the same text as when it was made (compared in full, not by a version number), so it is
 * right whichever cache file or process the row came from, and a job with no entry is checked from nothing with
 * the same shared code. What it hands out (layouts, checks) is shared between callers and read-only.
 */
import { LayoutCheckMemo } from '../../shared/claims/layout-check-memo';
import { checkJob, orderAreaRings, type JobCheck } from '../../shared/jobs/check-job';
import type { JobCore } from '../../shared/jobs/job.types';
import type { Utm } from '../../shared/geo/utm';
import type { Layout, LayoutClaim } from '../../shared/layout/layout.types';
import { parseLayoutColumn, rowToJobWithLayout } from '../repos/jobs.mapper';
import type { JobRow } from '../repos/jobs.repo';

/** The columns the check reads besides the layout (check-job.ts: CheckedJob). */
const CHECKED_COLUMNS = ['order_context_json', 'crs_json', 'location_json', 'claimant_json', 'documents_json', 'capacity_override_json'] as const;
type CheckedColumns = (string | null)[];

/** Jobs kept: the ones open in the window and a few read around them. A 2,400-claim job's entry is a few MB. */
const MAX_JOBS = 6;

interface Entry {
  /** layout_json as stored, the layout it holds (claims owned here) and the claims by id. */
  layoutJson: string;
  layout: Layout;
  byId: Map<string, LayoutClaim>;
  /** JSON.stringify of the parsed layout, made when first asked for (a row an older ClaimDesk wrote may differ in form). */
  canonicalJson: string | null;
  memo: LayoutCheckMemo;
  checked: { columns: CheckedColumns; layout: Layout; job: JobCore; rings: Utm[][]; check: JobCheck } | null;
}

const entries = new Map<number, Entry>();

function touch(jobId: number, entry: Entry): Entry {
  entries.delete(jobId);
  entries.set(jobId, entry);
  if (entries.size > MAX_JOBS) entries.delete(entries.keys().next().value!);
  return entry;
}

/** Equal as JSON values (what a layout column holds): the same primitives, arrays and plain objects. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const other = b as Record<string, unknown>;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(other, key) && sameJson((a as Record<string, unknown>)[key], other[key]));
}

/**
 * `layout` with each claim equal to one of the job's previous layout replaced by that one (its object). A claim
 * that is new or changed is copied when `copy` (the caller's objects are not kept: it might change them).
 */
function intern(previous: Entry | undefined, layout: Layout, copy: boolean): { layout: Layout; byId: Map<string, LayoutClaim> } {
  const byId = new Map<string, LayoutClaim>();
  const claims = layout.claims.map((claim) => {
    const known = previous?.byId.get(claim.id);
    const kept = known && sameJson(known, claim) ? known : copy ? (structuredClone(claim) as LayoutClaim) : claim;
    byId.set(kept.id, kept);
    return kept;
  });
  const grid = copy && layout.grid ? structuredClone(layout.grid) : layout.grid;
  return { layout: { ...layout, claims, grid }, byId };
}

function entryFor(jobId: number, layoutJson: string, layout: Layout, canonicalJson: string | null, copy: boolean): Entry {
  const previous = entries.get(jobId);
  const interned = intern(previous, layout, copy);
  return touch(jobId, {
    layoutJson,
    ...interned,
    canonicalJson,
    memo: previous?.memo ?? new LayoutCheckMemo(),
    checked: previous?.checked ?? null,
  });
}

function entryOfRow(row: Pick<JobRow, 'id' | 'layout_json'>): Entry {
  const known = entries.get(row.id);
  if (known && known.layoutJson === row.layout_json) return touch(row.id, known);
  return entryFor(row.id, row.layout_json, parseLayoutColumn(row), null, false);
}

/**
 * JSON.stringify of the stored layout as it parses (parsed and checked as rowToJob does, once per version): what an
 * edit is compared with to tell whether it changed anything.
 */
export function storedLayoutJson(row: Pick<JobRow, 'id' | 'layout_json'>): string {
  const entry = entryOfRow(row);
  return (entry.canonicalJson ??= JSON.stringify(entry.layout));
}

/**
 * After a change was committed: the job's layout_json is now `json`, written as JSON.stringify(layout) of a layout
 * parsed against layoutSchema. The next read of the row takes the layout from here instead of parsing it.
 */
export function noteSavedLayout(jobId: number, json: string, layout: Layout): void {
  entryFor(jobId, json, layout, json, true);
}

/** checkJob of the stored job (rowToJob(row)), made again only for what changed since the job's last check. */
export function jobCheckOf(row: JobRow): JobCheck {
  const entry = entryOfRow(row);
  const columns = CHECKED_COLUMNS.map((column) => row[column]);
  const known = entry.checked;
  const sameColumns = known !== null && known.columns.every((text, i) => text === columns[i]);
  if (sameColumns && known.layout === entry.layout) return known.check;
  // The other columns are parsed (and checked) again only when they changed; the job's id and step are not checked.
  const job = sameColumns ? { ...known.job, layout: entry.layout } : rowToJobWithLayout(row, entry.layout);
  const rings = sameColumns ? known.rings : orderAreaRings(job.order, job.crs.epsg);
  const check = checkJob(job, { orderAreaRings: rings, memo: entry.memo });
  entry.checked = { columns, layout: entry.layout, job, rings, check };
  return check;
}

/** Forgets every job (a test's fresh start; nothing in the app needs it). */
export function clearJobChecks(): void {
  entries.clear();
}
