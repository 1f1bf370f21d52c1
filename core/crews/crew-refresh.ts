/**
 * Reads the crew board from the server after every sync (and after a crew decision reached it), stores it in the
 * crew cache in one transaction, and announces what changed to the people concerned (shared/crews/crew-changes.ts)
 * through the notification list, which the shells show as desktop notifications.
 *
 * A server without crews (404: a GeoDB server that does not have our extension) is noted with the time: the desk
 * says so once (one notification per server) and asks again only a day later, so nothing is retried forever.
 */
import type { Kysely } from 'kysely';
import { CREW_PATHS, type CrewBoardOrder, type CrewInterest } from '../../shared/api/crews.schemas';
import type { UserRole } from '../../shared/api/geodb.schemas';
import { crewNoticesBetween, type CrewBoardFacts } from '../../shared/crews/crew-changes';
import { readCrewBoard } from '../../shared/crews/crew-readers';
import { RequestError, type GeoDbClient, type SessionAuth } from '../api/geodb-client';
import type { Database } from '../db/schema';
import { CREWS_UNSUPPORTED_KEY, listBoard, listCrewInterests, replaceBoard, type CrewBoardRow, type CrewInterestRow } from '../repos/crews.repo';
import { getValues, setValues } from '../repos/key-value.repo';
import type { NotificationsService } from '../workflow/notifications.service';

export const CREWS_UNSUPPORTED = 'This server does not support field crews: staking-service orders are worked without crew interests or assignments here.';
/** How long a server that answered 404 is left alone before the desk asks again (it may have been upgraded). */
export const UNSUPPORTED_RECHECK_MS = 24 * 3_600_000;

const KEYS = { refreshedAt: 'crews.refreshed_at', unsupported: CREWS_UNSUPPORTED_KEY, coverage: 'crews.coverage' } as const;

export interface CrewBookkeeping {
  refreshedAt: string | null;
  /** The server and when it answered 404, or null. */
  unsupported: { serverUrl: string; at: string } | null;
  coverage: { state: string; county: string | null }[] | null;
}

export async function readBookkeeping(db: Kysely<Database>): Promise<CrewBookkeeping> {
  const values = await getValues(db, 'sync_state');
  const parse = <T>(text: string | undefined): T | null => {
    try {
      return text === undefined ? null : (JSON.parse(text) as T);
    } catch {
      return null;
    }
  };
  return { refreshedAt: values.get(KEYS.refreshedAt) ?? null, unsupported: parse(values.get(KEYS.unsupported)), coverage: parse(values.get(KEYS.coverage)) };
}

export type RefreshOutcome = 'refreshed' | 'unsupported' | 'skipped' | 'offline' | 'refused';

export interface CrewRefreshDeps {
  db: Kysely<Database>;
  createClient: (serverUrl: string) => GeoDbClient;
  getAuth: () => Promise<SessionAuth | null>;
  currentUser: () => Promise<{ username: string; role: UserRole } | null>;
  notifications: Pick<NotificationsService, 'notify'>;
  now: () => Date;
}

function rowOf(order: CrewBoardOrder): CrewBoardRow {
  return { order_type: order.order_type, order_id: order.id, order_number: order.order_number, state: order.state, county: order.county, in_coverage: order.in_coverage ? 1 : 0, assigned_crew: order.assigned_crew };
}

function interestRowOf(i: CrewInterest): CrewInterestRow {
  return {
    server_id: i.id,
    order_type: i.order_type,
    order_id: i.order_id,
    order_number: i.order_number,
    crew: i.crew,
    crew_name: i.crew_name,
    status: i.status,
    proposed_cost_cents: i.proposed_cost_cents,
    earliest_date: i.earliest_date,
    note: i.note,
    reason: i.reason,
    decided_by: i.decided_by,
    created_at: i.created_at,
    updated_at: i.updated_at,
    expires_at: i.expires_at,
  };
}

export function factsOf(rows: readonly CrewBoardRow[], interests: readonly CrewInterestRow[]): CrewBoardFacts {
  return {
    orders: rows.map((r) => ({ order: { orderType: r.order_type, id: r.order_id }, orderNumber: r.order_number, state: r.state, county: r.county, inCoverage: r.in_coverage === 1, assignedCrew: r.assigned_crew })),
    interests: interests.map((i) => ({
      serverId: i.server_id,
      order: { orderType: i.order_type, id: i.order_id },
      orderNumber: i.order_number,
      crew: i.crew,
      crewName: i.crew_name,
      status: i.status,
      proposedCostCents: i.proposed_cost_cents,
      earliestDate: i.earliest_date,
      reason: i.reason,
      decidedBy: i.decided_by,
      updatedAt: i.updated_at,
    })),
  };
}

export async function refreshCrewBoard(deps: CrewRefreshDeps): Promise<RefreshOutcome> {
  const [auth, me, kept] = await Promise.all([deps.getAuth(), deps.currentUser(), readBookkeeping(deps.db)]);
  if (!auth || !me || me.role === 'customer') return 'skipped';
  const now = deps.now();
  if (kept.unsupported?.serverUrl === auth.serverUrl && now.getTime() - Date.parse(kept.unsupported.at) < UNSUPPORTED_RECHECK_MS) return 'unsupported';
  let body: unknown;
  try {
    body = await deps.createClient(auth.serverUrl).requestJson(auth, { method: 'GET', path: CREW_PATHS.board });
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    if (error.failure.kind === 'http' && error.failure.status === 404) {
      await setValues(deps.db, 'sync_state', { [KEYS.unsupported]: JSON.stringify({ serverUrl: auth.serverUrl, at: now.toISOString() }) });
      await deps.notifications.notify({ kind: 'crew', title: 'Field crews are not available on this server', body: CREWS_UNSUPPORTED, dedupeKey: `crews-unsupported:${auth.serverUrl}` });
      return 'unsupported';
    }
    return error.failure.kind === 'http' ? 'refused' : 'offline';
  }
  const board = readCrewBoard(body);
  if (!board.ok) return 'refused';
  const rows = board.value.orders.map(rowOf);
  const interests = board.value.interests.map(interestRowOf);
  const before = await deps.db.transaction().execute(async (trx) => {
    const previous = kept.refreshedAt === null ? null : factsOf(await listBoard(trx), await listCrewInterests(trx));
    await replaceBoard(trx, rows, interests);
    await setValues(trx, 'sync_state', { [KEYS.refreshedAt]: now.toISOString(), [KEYS.unsupported]: null, [KEYS.coverage]: board.value.coverage ? JSON.stringify(board.value.coverage) : null });
    return previous;
  });
  for (const notice of crewNoticesBetween(before, factsOf(rows, interests), me)) {
    await deps.notifications.notify({ kind: 'crew', title: notice.title, body: notice.body, order: notice.order, dedupeKey: notice.dedupeKey });
  }
  return 'refreshed';
}
