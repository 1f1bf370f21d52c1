/**
 * What changed between two crew boards, as the notices the signed-in person should get. Pure, so every case is
 * tested without a server. Who is concerned:
 *   a crew member      their own interest assigned, rejected (with the manager's reason) or expired; a new order
 *                      awaiting a crew in their coverage
 *   a manager, admin   an interest registered, revised, withdrawn or expired; a crew assigned (the decisions they make)
 *   staff              a crew assigned to an order (the posts will be set; the as-staked file follows)
 * Nobody is told of their own decision. Nothing is announced on the first board a desk reads (there is no "before"
 * to compare with; the board itself shows the state). Each notice has a key made of the fact and its time, so a
 * refresh that sees the same change again announces nothing.
 */
import { formatUsd } from '../documents/fees/fees';
import type { OrderKey } from '../domain/order.types';
import type { UserRole } from '../api/geodb.schemas';

export interface BoardOrderFacts {
  order: OrderKey;
  orderNumber: string;
  state: string | null;
  county: string | null;
  inCoverage: boolean;
  assignedCrew: string | null;
}

export interface InterestFacts {
  serverId: number;
  order: OrderKey;
  orderNumber: string;
  crew: string;
  crewName: string;
  status: string;
  proposedCostCents: number;
  earliestDate: string;
  reason: string | null;
  decidedBy: string | null;
  updatedAt: string;
}

export interface CrewNotice {
  title: string;
  body: string;
  order: OrderKey;
  dedupeKey: string;
}

export interface CrewBoardFacts {
  orders: readonly BoardOrderFacts[];
  interests: readonly InterestFacts[];
}

const keyOf = (order: OrderKey): string => `${order.orderType}:${order.id}`;

function where(order: BoardOrderFacts): string {
  const parts = [order.county ? `${order.county} County` : null, order.state].filter((p): p is string => p !== null);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function offer(interest: InterestFacts): string {
  return `${formatUsd(interest.proposedCostCents)}, on the ground from ${interest.earliestDate}`;
}

function crewNotices(before: CrewBoardFacts, after: CrewBoardFacts, me: string): CrewNotice[] {
  const notices: CrewNotice[] = [];
  const old = new Map(before.interests.map((i) => [i.serverId, i]));
  for (const interest of after.interests) {
    if (interest.crew !== me) continue;
    const was = old.get(interest.serverId);
    if (was?.status === interest.status) continue;
    const base = { order: interest.order, dedupeKey: `crew:${interest.serverId}:${interest.status}:${interest.updatedAt}` };
    if (interest.status === 'assigned') notices.push({ ...base, title: `You are assigned to stake ${interest.orderNumber}`, body: `${interest.decidedBy ?? 'A manager'} chose your offer (${offer(interest)}): ${interest.reason ?? ''}`.trim() });
    if (interest.status === 'rejected') notices.push({ ...base, title: `Your interest in ${interest.orderNumber} was not chosen`, body: interest.reason ?? 'Another crew was assigned.' });
    if (interest.status === 'expired') notices.push({ ...base, title: `Your interest in ${interest.orderNumber} expired`, body: `${interest.reason ?? 'No decision was made in time.'} Register again if you can still stake it.` });
  }
  const known = new Set(before.orders.map((o) => keyOf(o.order)));
  for (const order of after.orders) {
    if (known.has(keyOf(order.order)) || !order.inCoverage || order.assignedCrew !== null) continue;
    notices.push({ order: order.order, title: `${order.orderNumber} awaits a crew${where(order)}`, body: 'A staking-service order in your coverage: register your interest with a cost and the earliest day you can stake it.', dedupeKey: `crew:new-order:${keyOf(order.order)}` });
  }
  return notices;
}

function managerNotices(before: CrewBoardFacts, after: CrewBoardFacts, me: string): CrewNotice[] {
  const notices: CrewNotice[] = [];
  const old = new Map(before.interests.map((i) => [i.serverId, i]));
  for (const interest of after.interests) {
    if (interest.crew === me) continue;
    const was = old.get(interest.serverId);
    const base = { order: interest.order, dedupeKey: `crew:${interest.serverId}:${interest.status}:${interest.updatedAt}` };
    if (!was && interest.status === 'active') notices.push({ ...base, title: `${interest.crewName} is interested in staking ${interest.orderNumber}`, body: `Offer: ${offer(interest)}. Assign a crew from the order's crew panel.` });
    else if (was?.status === 'active' && interest.status === 'active' && was.updatedAt !== interest.updatedAt) notices.push({ ...base, title: `${interest.crewName} revised the offer for ${interest.orderNumber}`, body: `Now ${offer(interest)}.` });
    else if (was?.status === 'active' && interest.status === 'withdrawn') notices.push({ ...base, title: `${interest.crewName} withdrew from ${interest.orderNumber}`, body: 'Their interest is withdrawn; the order still awaits a crew unless another is assigned.' });
    else if (was?.status === 'active' && interest.status === 'expired') notices.push({ ...base, title: `${interest.crewName}'s interest in ${interest.orderNumber} expired`, body: interest.reason ?? 'No decision was made in time.' });
  }
  return notices;
}

function assignmentNotices(before: CrewBoardFacts, after: CrewBoardFacts, me: string): CrewNotice[] {
  const old = new Map(before.orders.map((o) => [keyOf(o.order), o]));
  const decidedBy = new Map(after.interests.filter((i) => i.status === 'assigned').map((i) => [keyOf(i.order), i]));
  const notices: CrewNotice[] = [];
  for (const order of after.orders) {
    const was = old.get(keyOf(order.order));
    if (order.assignedCrew === null || was === undefined || was.assignedCrew !== null) continue;
    const interest = decidedBy.get(keyOf(order.order));
    if (interest?.decidedBy === me || order.assignedCrew === me) continue;
    const who = interest?.crewName ?? order.assignedCrew;
    notices.push({ order: order.order, title: `${who} is assigned to stake ${order.orderNumber}`, body: interest ? `${offer(interest)}. ${interest.reason ?? ''}`.trim() : 'The crew sets the posts; import their as-staked file when it comes back.', dedupeKey: `crew:assigned:${keyOf(order.order)}:${order.assignedCrew}` });
  }
  return notices;
}

export function crewNoticesBetween(before: CrewBoardFacts | null, after: CrewBoardFacts, me: { username: string; role: UserRole }): CrewNotice[] {
  if (before === null) return [];
  if (me.role === 'crew') return crewNotices(before, after, me.username);
  const assigned = assignmentNotices(before, after, me.username);
  if (me.role === 'manager' || me.role === 'admin') return [...managerNotices(before, after, me.username), ...assigned];
  return me.role === 'staff' ? assigned : [];
}
