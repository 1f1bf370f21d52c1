/**
 * After delivery, over real parts (the app back-end on a real cache file, the reference server on 127.0.0.1): the
 * county recording and the BLM filing entered on a delivered job are checked against the recorded package, move
 * the job to recorded and filed, reach the server as order events through the outbox and show in the History; a
 * duplicate serial and a claim-name mismatch are refused and change nothing; a server that does not know the
 * events keeps them in the outbox, failed, until retried.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDeskApp } from '../../core/app/create-app.types';
import { addCalendarDays } from '../../shared/domain/calendar-date';
import type { JobFilings } from '../../shared/filings/filing.types';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { openTestApp } from '../helpers/test-app';
import { startTestServer } from '../helpers/back-end';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type ServerEvent = { event: string; from_state: string; to_state: string; actor: string; recorded_by: string; county_recording: unknown; blm_filing: unknown };

describe('recording and filing a delivered package', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  let app: ClaimDeskApp;
  let jobId = 0;
  let pkg: NonNullable<JobFilings['recordedPackage']>;
  const clock = Date.parse('2026-11-22T17:00:00Z');

  async function serverEvents(): Promise<ServerEvent[]> {
    const auth = await fetch(`${server.url}/api-token-auth/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-staff', password: 'claimdesk-demo' }) });
    const { token } = (await auth.json()) as { token: string };
    const answer = await fetch(`${server.url}/api/v2/claims/staff/orders/claim_order/1/events/`, { headers: { authorization: `Token ${token}` } });
    return ((await answer.json()) as { results: ServerEvent[] }).results;
  }

  const serials = () => pkg.claimNames.map((name, i) => ({ name, serial: `NV1051${String(40001 + i)}` }));
  const filing = (over: Record<string, unknown> = {}) => ({
    jobId,
    filedOn: addCalendarDays(pkg.dateOfLocation, 60),
    claims: serials(),
    dateOfLocation: pkg.dateOfLocation,
    claimants: pkg.claimants,
    feesPaidCents: 164_400,
    ...over,
  });

  beforeAll(async () => {
    server = await startTestServer('demo', 'reference');
    temp = makeTempDir();
    app = await openTestApp(join(temp.dir, 'data'), { now: () => new Date(clock) });
    await app.handlers.signIn({ serverUrl: server.url, username: 'demo-staff', password: 'claimdesk-demo' });
    await app.handlers.runSync({});
    let job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 1 });
    job = await app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'LYNN'), grid: null } } });
    // Posted on the ground the day before: the deadlines count from it.
    job = await app.handlers.saveJob({ jobId: job.id, patch: { claimant: { ...job.claimant, dateOfLocation: '2026-11-21' } } });
    await app.handlers.validateLayout({ jobId: job.id });
    await app.handlers.confirmClaimant({ jobId: job.id });
    await app.handlers.generatePackage({ jobId: job.id });
    await app.handlers.queueUpload({ jobId: job.id });
    await app.handlers.sendOutboxNow({});
    jobId = job.id;
    expect((await app.handlers.getJob({ jobId })).workflow.state).toBe('delivered');
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await server.cleanup();
    temp.cleanup();
  });

  it('shows what the package recorded and its deadlines on the delivered job', async () => {
    const filings = await app.handlers.getFilings({ jobId });
    expect(filings).toMatchObject({ open: true, blm: true, recording: null, blmFiling: null, warnings: [] });
    pkg = filings.recordedPackage!;
    expect(pkg.claimNames).toHaveLength(6);
    expect(pkg.claimants.length).toBeGreaterThan(0);
    expect(pkg.blmDue).toEqual({ date: addCalendarDays(pkg.dateOfLocation, 90), citation: expect.stringContaining('43 U.S.C. 1744') });
    expect(pkg.recordingDue?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses the BLM filing before the county recording, with the reason', async () => {
    await expect(app.handlers.recordBlmFiling(filing())).rejects.toMatchObject({ code: 'workflow-refused', message: expect.stringMatching(/county recording is not entered yet/) });
    expect((await app.handlers.getFilings({ jobId })).blmFiling).toBeNull();
  });

  it('records the county recording: late is accepted with a warning naming the statute, sent to the server, in History', async () => {
    const late = addCalendarDays(pkg.recordingDue!.date, 3);
    const answer = await app.handlers.recordCountyRecording({ jobId, recordedOn: late, office: 'Pershing County', instrumentNumber: '2027-000123', book: null, page: null, feePaidCents: 9_000 });
    expect(answer.warnings).toEqual([expect.stringContaining(`Recorded on ${late}, after the deadline of ${pkg.recordingDue!.date} (${pkg.recordingDue!.citation})`)]);
    expect(answer.filings.recording).toMatchObject({ recordedOn: late, office: 'Pershing County', instrumentNumber: '2027-000123', feePaidCents: 9_000, enteredBy: 'demo-staff' });
    expect((await app.handlers.getJob({ jobId })).workflow.state).toBe('recorded');

    await app.handlers.sendOutboxNow({});
    const [recorded] = (await serverEvents()).filter((e) => e.event === 'COUNTY_RECORDED');
    expect(recorded).toMatchObject({
      from_state: 'delivered',
      to_state: 'recorded',
      actor: 'demo-staff',
      recorded_by: 'demo-staff',
      county_recording: { recorded_on: late, office: 'Pershing County', instrument_number: '2027-000123', book: null, page: null, fee_paid: '90.00' },
    });
    const history = (await app.handlers.getJobHistory({ jobId })).entries.at(-1);
    expect(history).toMatchObject({ from: 'delivered', to: 'recorded', event: 'COUNTY_RECORDED', actor: { username: 'demo-staff' } });
    expect(history?.reason).toMatch(/^Recorded .* with Pershing County, instrument 2027-000123, fee \$90\.00\. Recorded on .* after the deadline/);
  });

  it('refuses a duplicate serial and a claim-name mismatch with specific messages, storing nothing', async () => {
    const twice = serials().map((c, i) => (i === 1 ? { ...c, serial: 'nv 1051-40001' } : c));
    await expect(app.handlers.recordBlmFiling(filing({ claims: twice }))).rejects.toMatchObject({
      code: 'invalid-request',
      message: `The BLM filing was not saved: ${pkg.claimNames[1]} and ${pkg.claimNames[0]} have the same serial number NV105140001: each claim has its own.`,
    });
    const renamed = serials().map((c, i) => (i === 0 ? { ...c, name: 'LYNN 99' } : c));
    await expect(app.handlers.recordBlmFiling(filing({ claims: renamed }))).rejects.toMatchObject({
      code: 'invalid-request',
      message: `The BLM filing was not saved: Claims filed but not in the recorded package: LYNN 99; Claims recorded but not filed: ${pkg.claimNames[0]}.`,
    });
    await expect(app.handlers.recordBlmFiling(filing({ claimants: ['Somebody Else'] }))).rejects.toMatchObject({ message: expect.stringContaining('Claimants filed but not in the recorded package: SOMEBODY ELSE') });
    expect((await app.handlers.getFilings({ jobId })).blmFiling).toBeNull();
    expect((await app.handlers.getJob({ jobId })).workflow.state).toBe('recorded');
  });

  it('files with BLM: a serial per claim, sent to the server, in History; the deadlines it met are done', async () => {
    const answer = await app.handlers.recordBlmFiling(filing());
    expect(answer.warnings).toEqual([]);
    expect(answer.filings.blmFiling?.serials).toEqual(serials().map((c) => ({ claimName: c.name, serial: c.serial })));
    expect((await app.handlers.getJob({ jobId })).workflow.state).toBe('filed');
    await app.handlers.sendOutboxNow({});
    const filed = (await serverEvents()).find((e) => e.event === 'BLM_FILED');
    expect(filed).toMatchObject({ from_state: 'recorded', to_state: 'filed', blm_filing: { filed_on: filing().filedOn, serials: serials().map((c) => ({ claim_name: c.name, serial: c.serial })), fees_paid: '1644.00' } });
    const history = (await app.handlers.getJobHistory({ jobId })).entries.map((e) => [e.from, e.to, e.event]);
    expect(history.slice(-2)).toEqual([
      ['delivered', 'recorded', 'COUNTY_RECORDED'],
      ['recorded', 'filed', 'BLM_FILED'],
    ]);
    const { deadlines } = await app.handlers.listDeadlines({ nextOnly: false });
    const mine = deadlines.filter((d) => d.jobId === jobId);
    expect(mine.filter((d) => d.kind === 'recording' || d.kind === 'blm-filing').every((d) => d.status === 'done')).toBe(true);
    // A filed job is finished work, like a delivered one.
    const row = (await app.handlers.queryOrders({ search: 'CO-' })).orders.find((o) => o.orderType === 'claim_order' && o.id === 1);
    expect(row).toMatchObject({ workflowState: 'filed', overdue: false, daysRemaining: null });
  });

  it('corrects the recording after the BLM filing, checked as any entry; the job stays filed', async () => {
    await expect(app.handlers.recordCountyRecording({ jobId, recordedOn: pkg.dateOfLocation, office: 'Pershing County', instrumentNumber: ' ', book: null, page: null, feePaidCents: 9_000 })).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringContaining('Enter the instrument number, or the book and the page'),
    });
    expect((await app.handlers.getFilings({ jobId })).recording?.instrumentNumber).toBe('2027-000123');

    const recordedOn = (await app.handlers.getFilings({ jobId })).recording!.recordedOn;
    const fixed = await app.handlers.recordCountyRecording({ jobId, recordedOn, office: 'Pershing County', instrumentNumber: '2027-000124', book: null, page: null, feePaidCents: 9_000 });
    expect(fixed.filings.recording?.instrumentNumber).toBe('2027-000124');
    const job = await app.handlers.getJob({ jobId });
    expect(job.workflow.state).toBe('filed');
    expect(job.workflow.events.find((e) => e.event === 'COUNTY_RECORDED')).toMatchObject({ to: 'filed', status: 'allowed' });
    await app.handlers.sendOutboxNow({});
    expect((await serverEvents()).filter((e) => e.event === 'COUNTY_RECORDED').at(-1)).toMatchObject({ from_state: 'filed', to_state: 'filed', county_recording: { instrument_number: '2027-000124' } });
  });

  it('keeps an event a server does not know in the outbox, failed with its message, until it is retried', async () => {
    const refusal = { event: ['"COUNTY_RECORDED" is not a valid choice.'] };
    await fetch(`${server.url}/__test__/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'POST', path: '/api/v2/claims/staff/orders/claim_order/1/events/', status: 400, count: 1, body: refusal }),
    });
    const before = (await serverEvents()).length;
    await app.handlers.recordBlmFiling(filing({ feesPaidCents: 164_500 }));
    await app.handlers.sendOutboxNow({});
    const failed = (await app.handlers.listOutbox({ jobId, includeClosed: true })).entries.filter((e) => e.kind === 'event' && e.state === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ summary: expect.stringMatching(/^BLM filing: 6 serial numbers, filed .* \(fees \$1645\.00\)$/), lastError: expect.stringContaining('HTTP 400') });
    expect((await serverEvents()).length).toBe(before);
    await app.handlers.retryOutboxEntry({ id: failed[0]!.id });
    await app.handlers.sendOutboxNow({});
    expect((await serverEvents()).length).toBe(before + 1);
    expect((await app.handlers.listOutbox({ jobId, includeClosed: true })).entries.find((e) => e.id === failed[0]!.id)?.state).toBe('done');
  });
});
