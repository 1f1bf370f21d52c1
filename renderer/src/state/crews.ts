/**
 * A staking-service order's crew, read through the query layer (api/queries.ts: orderCrew, stale after a crew board
 * or outbox change) and decided through main, which checks each decision against the crew track and queues it in
 * the outbox; the answer is the order's crew as it stands with the decision on its way.
 */
import { api } from '../api/client';
import { changed, outboxMoved } from '../api/queries';
import { useIpcQuery } from '../api/use-ipc-query.hook';
import type { ErrorInfo } from '../../../shared/errors';
import type { OrderKey } from '../../../shared/domain/order.types';
import type { CrewAssignInput, CrewInterestInput, OrderCrew } from '../../../shared/crews/crew.types';

export function useOrderCrew(order: OrderKey | null): { crew: OrderCrew | null; error: ErrorInfo | null; loaded: boolean } {
  const { data, error, loaded } = useIpcQuery('orderCrew', order);
  return { crew: data, error, loaded };
}

export type CrewAnswer = { ok: true } | { ok: false; error: ErrorInfo };

function settle(order: OrderKey, result: { ok: true } | { ok: false; error: ErrorInfo }): CrewAnswer {
  if (!result.ok) return result;
  changed('crewChanged', { order });
  outboxMoved();
  return { ok: true };
}

export async function registerInterest(input: CrewInterestInput): Promise<CrewAnswer> {
  return settle(input.order, await api.registerCrewInterest(input));
}

export async function withdrawInterest(order: OrderKey): Promise<CrewAnswer> {
  return settle(order, await api.withdrawCrewInterest({ order }));
}

export async function assignCrew(input: CrewAssignInput): Promise<CrewAnswer> {
  return settle(input.order, await api.assignCrew(input));
}
