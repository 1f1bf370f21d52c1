/** Who is told what when the crew board changes (shared/crews/crew-changes.ts). */
import { describe, expect, it } from 'vitest';
import { crewNoticesBetween, type CrewBoardFacts, type InterestFacts } from '../../shared/crews/crew-changes';

const order = { orderType: 'claim_purchase', id: 1 } as const;
const boardOrder = { order, orderNumber: 'CPO-2026-0001', state: 'NV', county: 'Esmeralda', inCoverage: true, assignedCrew: null };
const interest = (over: Partial<InterestFacts>): InterestFacts => ({
  serverId: 1,
  order,
  orderNumber: 'CPO-2026-0001',
  crew: 'demo-crew',
  crewName: 'Rowan Tafoya',
  status: 'active',
  proposedCostCents: 240_000,
  earliestDate: '2026-12-01',
  reason: null,
  decidedBy: null,
  updatedAt: '2026-11-22T15:00:00Z',
  ...over,
});
const board = (interests: InterestFacts[], assignedCrew: string | null = null): CrewBoardFacts => ({ orders: [{ ...boardOrder, assignedCrew }], interests });
const manager = { username: 'demo-manager', role: 'manager' } as const;
const crew = { username: 'demo-crew', role: 'crew' } as const;

describe('crew notices', () => {
  it('announces nothing on the first board', () => {
    expect(crewNoticesBetween(null, board([interest({})]), manager)).toEqual([]);
  });

  it('tells a manager of a new, revised, withdrawn or expired interest, with the offer in dollars', () => {
    const [registered] = crewNoticesBetween(board([]), board([interest({})]), manager);
    expect(registered).toMatchObject({ title: 'Rowan Tafoya is interested in staking CPO-2026-0001', body: expect.stringMatching(/\$2,400\.00, on the ground from 2026-12-01/) });
    expect(crewNoticesBetween(board([interest({})]), board([interest({ proposedCostCents: 230_000, updatedAt: 'later' })]), manager)[0]?.title).toMatch(/revised the offer/);
    expect(crewNoticesBetween(board([interest({})]), board([interest({ status: 'withdrawn', updatedAt: 'later' })]), manager)[0]?.title).toBe('Rowan Tafoya withdrew from CPO-2026-0001');
    expect(crewNoticesBetween(board([interest({})]), board([interest({ status: 'expired', updatedAt: 'later' })]), manager)[0]?.title).toBe("Rowan Tafoya's interest in CPO-2026-0001 expired");
    // The same board again: nothing new.
    expect(crewNoticesBetween(board([interest({})]), board([interest({})]), manager)).toEqual([]);
  });

  it('tells the crew member of their own assignment, rejection (with the reason) or expiry, and of new orders in their coverage', () => {
    expect(crewNoticesBetween(board([interest({})]), board([interest({ status: 'assigned', decidedBy: 'demo-manager', reason: 'Nearest' })], 'demo-crew'), crew).map((n) => n.title)).toEqual(['You are assigned to stake CPO-2026-0001']);
    const [rejected] = crewNoticesBetween(board([interest({})]), board([interest({ status: 'rejected', reason: 'Another crew was assigned: Nearest' })], 'crew-two'), crew);
    expect(rejected).toMatchObject({ title: 'Your interest in CPO-2026-0001 was not chosen', body: 'Another crew was assigned: Nearest' });
    expect(crewNoticesBetween({ orders: [], interests: [] }, board([]), crew).map((n) => n.title)).toEqual(['CPO-2026-0001 awaits a crew (Esmeralda County, NV)']);
    // Someone else's interest is not the crew member's business.
    expect(crewNoticesBetween(board([]), board([interest({ crew: 'crew-two' })]), crew)).toEqual([]);
  });

  it('tells staff and managers of an assignment, but never the manager who made it', () => {
    const before = board([interest({})]);
    const after = board([interest({ status: 'assigned', decidedBy: 'demo-manager', reason: 'Nearest' })], 'demo-crew');
    expect(crewNoticesBetween(before, after, { username: 'demo-staff', role: 'staff' }).map((n) => n.title)).toEqual(['Rowan Tafoya is assigned to stake CPO-2026-0001']);
    expect(crewNoticesBetween(before, after, manager)).toEqual([]);
    expect(crewNoticesBetween(before, after, { username: 'demo-admin', role: 'admin' })).toHaveLength(1);
    expect(crewNoticesBetween(before, after, { username: 'c', role: 'customer' })).toEqual([]);
  });
});
