/**
 * The renderer's reads from main, named in one table, and what each push event from main makes stale, in another.
 * Views read through useIpcQuery (use-ipc-query.hook.ts), which re-reads an entry when something here says it is
 * stale: nothing else decides when to fetch again, and nothing polls.
 *
 * Why not TanStack Query: every read is a local IPC call that answers an envelope (never throws), is cheap, and
 * must never be retried, refetched on window focus or served from a time-based cache; what it takes is "the
 * latest answer wins, read again when main says so". That is this file and a sixty-line hook, with the events
 * mapped in one place, rather than a library whose defaults would all be switched off.
 */
import { IPC_EVENT_NAMES, listenerName, type IpcEventName } from '../../../shared/ipc/channels';
import type { IpcEventPayload, IpcSubscribe } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import type { OrderKey } from '../../../shared/domain/order.types';
import type { DeadlineFilter } from '../../../shared/deadlines/managed-deadlines';
import { api } from './client';

export const QUERIES = {
  job: (jobId: number) => api.getJob({ jobId }),
  jobHistory: (jobId: number) => api.getJobHistory({ jobId }),
  /** A job's entries, closed ones included (the delivered upload is what finished the Upload step). */
  jobOutbox: (jobId: number) => api.listOutbox({ jobId, includeClosed: true }),
  readyToUpload: () => api.listReadyToUpload({}),
  outbox: (includeClosed: boolean) => api.listOutbox({ includeClosed }),
  order: (key: OrderKey) => api.getOrder(key),
  dashboard: () => api.getDashboard({}),
  jobs: () => api.listJobs({}),
  package: (jobId: number) => api.getPackage({ jobId }),
  /** The staked posts brought in for a job, compared with its layout as it stands (null: none yet). */
  field: (jobId: number) => api.getField({ jobId }),
  /** Claims under management, filtered: the Deadlines page and (next 30 days) the dashboard tile. */
  deadlines: (filter: Partial<DeadlineFilter>) => api.listDeadlines(filter),
  /** A delivered job's county recording and BLM filing, with the package they are checked against. */
  filings: (jobId: number) => api.getFilings({ jobId }),
  /** A staking-service order's crew: status, interests, what the signed-in person may do (crew panel). */
  orderCrew: (key: OrderKey) => api.getOrderCrew(key),
} satisfies Record<string, (arg: never) => Promise<IpcResult<unknown>>>;

export type QueryName = keyof typeof QUERIES;
export type QueryArg<N extends QueryName> = Parameters<(typeof QUERIES)[N]>[0];
export type QueryData<N extends QueryName> = Awaited<ReturnType<(typeof QUERIES)[N]>> extends IpcResult<infer T> ? T : never;

/**
 * Lists a store reads for itself rather than through QUERIES, followed with useOnStale: the order queue fetches
 * pages of rows around what its table shows (orders.store.ts), which one answer per argument cannot hold.
 */
export type FollowedName = 'orderQueue';
export type StaleName = QueryName | FollowedName;

/** Entries a change made stale: every entry of a query, or one (a job's, an order's), or a followed list. */
export type Stale = { [N in QueryName]: { query: N; arg?: QueryArg<N> } }[QueryName] | { query: FollowedName };

const everyEntry = (...queries: StaleName[]): Stale[] => queries.map((query) => ({ query }) as Stale);
const perJob = (jobIds: readonly number[], ...queries: ('job' | 'jobHistory' | 'jobOutbox' | 'package' | 'field' | 'filings')[]): Stale[] =>
  jobIds.length === 0 ? everyEntry(...queries) : queries.flatMap((query) => jobIds.map((arg) => ({ query, arg })));

/**
 * What each push event makes stale. A sync's end may have changed any order or job (and cancelled some on the
 * server); an outbox change moves entries, counts, a job's server package and the order's status; a workflow change
 * names its jobs (none: anything may have moved; a layout saved or accepted as staked changes the field comparison),
 * and the queue shows each order's workflow state and progress. Package progress, notifications and the PLSS
 * import's status are followed by their stores.
 */
export const INVALIDATED_BY: { [K in IpcEventName]: (payload: IpcEventPayload<K>) => Stale[] } = {
  syncStatus: (status) => (status.state === 'syncing' ? [] : everyEntry('order', 'job', 'jobs', 'dashboard', 'deadlines', 'orderQueue')),
  documentsProgress: () => [],
  // A delivery decides whether accepting the posts as staked amends the package (field).
  outboxChanged: () => everyEntry('outbox', 'jobOutbox', 'readyToUpload', 'job', 'order', 'jobs', 'dashboard', 'field', 'orderCrew'),
  workflowChanged: ({ jobIds }) => [
    ...perJob(jobIds, 'job', 'jobHistory', 'jobOutbox', 'package', 'field', 'filings'),
    ...everyEntry('readyToUpload', 'order', 'jobs', 'dashboard', 'deadlines', 'orderQueue'),
  ],
  notificationAdded: () => [],
  plssStatus: () => [],
  // A new crew board may assign a crew (the job's accept-as-staked guard) or move an order off "Awaiting crew".
  crewChanged: ({ order }) => [...(order ? [{ query: 'orderCrew' as const, arg: order }] : everyEntry('orderCrew')), ...everyEntry('job', 'orderQueue')],
};

/** One string per argument value, the same for equal values whatever their key order. */
export function argKey(arg: unknown): string {
  if (arg === undefined) return '';
  if (arg === null || typeof arg !== 'object') return JSON.stringify(arg);
  const record = arg as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]])));
}

// Versions of what is stale: per query, and per entry. A view's entry is stale when either moved.
let clock = 0;
const versions = new Map<string, number>();
const watchers = new Set<() => void>();

export function invalidate(stale: readonly Stale[]): void {
  if (stale.length === 0) return;
  for (const entry of stale) {
    const arg = 'arg' in entry ? entry.arg : undefined;
    versions.set(arg === undefined ? entry.query : `${entry.query}|${argKey(arg)}`, ++clock);
  }
  for (const watcher of watchers) watcher();
}

/** A change this window made itself: the answer is proof enough, whether or not the push follows. */
export function changed<K extends IpcEventName>(event: K, payload: IpcEventPayload<K>): void {
  invalidate(INVALIDATED_BY[event](payload));
}

/** This window queued, retried or discarded something in the outbox. */
export function outboxMoved(): void {
  invalidate(INVALIDATED_BY.outboxChanged({ counts: {} }));
}

export function entryVersion(query: StaleName, key: string): string {
  return `${versions.get(query) ?? 0}.${versions.get(`${query}|${key}`) ?? 0}`;
}

export function watchVersions(watcher: () => void): () => void {
  watchers.add(watcher);
  return () => {
    watchers.delete(watcher);
  };
}

/** Follows every push event of the contract for as long as the workspace is open. */
export function followPushEvents(): () => void {
  const follow = <K extends IpcEventName>(name: K): (() => void) =>
    // ClaimDeskApi names event K's subscription listenerName(K); TypeScript cannot index the mapped type generically.
    (api[listenerName(name)] as unknown as IpcSubscribe<K>)((payload) => changed(name, payload));
  const stops = IPC_EVENT_NAMES.map((name) => follow(name));
  return () => stops.forEach((stop) => stop());
}
