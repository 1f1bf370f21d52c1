/**
 * `claimdesk record` and `claimdesk file` over a cache and the reference server: Lynn Creek (CO-1) delivered by the
 * app with a date of location, then its county recording and BLM filing entered from a script on the same cache. Each entry is checked by the same
 * filings service as the app's panel (a filing that leaves a claim out is refused and stores nothing), moves the job
 * to recorded and filed, and reaches the server as an order event; `--json` output is one document jq can read.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, deskDay } from '../../shared/domain/calendar-date';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { openTestApp } from '../helpers/test-app';
import { startTestServer } from '../helpers/back-end';
import { cli } from '../helpers/cli-runner';
import { makeTempDir } from '../helpers/temp-dir';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('claimdesk record and file', () => {
  let server: Server;
  let temp: ReturnType<typeof makeTempDir>;
  let claimNames: string[] = [];
  let office = '';
  const today = deskDay(new Date());
  const located = addCalendarDays(today, -10);
  const signIn = () => ['--server', server.url, '--username', 'demo-staff'];
  const env = { CLAIMDESK_PASSWORD: 'claimdesk-demo' };
  const dataDir = () => ['--data-dir', join(temp.dir, 'data')];

  async function serverEvents(): Promise<{ event: string; to_state: string; county_recording: unknown; blm_filing: unknown }[]> {
    const auth = await fetch(`${server.url}/api-token-auth/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo-staff', password: 'claimdesk-demo' }) });
    const { token } = (await auth.json()) as { token: string };
    const answer = await fetch(`${server.url}/api/v2/claims/staff/orders/claim_order/1/events/`, { headers: { authorization: `Token ${token}` } });
    return ((await answer.json()) as { results: { event: string; to_state: string; county_recording: unknown; blm_filing: unknown }[] }).results;
  }

  beforeAll(async () => {
    server = await startTestServer('demo', 'reference');
    temp = makeTempDir();
    // Delivered as staff deliver it: the date of location entered on the Claimant step, so the package prints it.
    const app = await openTestApp(join(temp.dir, 'data'));
    try {
      await app.handlers.signIn({ serverUrl: server.url, username: 'demo-staff', password: 'claimdesk-demo' });
      await app.handlers.runSync({});
      let job = await app.handlers.pullOrder({ orderType: 'claim_order', id: 1 });
      job = await app.handlers.saveJob({ jobId: job.id, patch: { layout: { claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, 'LYNN'), grid: null } } });
      job = await app.handlers.validateLayout({ jobId: job.id });
      job = await app.handlers.saveJob({ jobId: job.id, patch: { step: 'claimant', claimant: { ...job.claimant, dateOfLocation: located } } });
      job = await app.handlers.confirmClaimant({ jobId: job.id });
      await app.handlers.generatePackage({ jobId: job.id });
      await app.handlers.queueUpload({ jobId: job.id });
      await app.handlers.sendOutboxNow({});
      expect((await app.handlers.getJob({ jobId: job.id })).workflow.state).toBe('delivered');
      ({ claimNames, office } = (await app.handlers.getFilings({ jobId: job.id })).recordedPackage!);
    } finally {
      await app.close();
    }
    expect(claimNames.length).toBeGreaterThan(1);
  });
  afterAll(async () => {
    await server.cleanup();
    temp.cleanup();
  });

  it('says what is missing before signing in', async () => {
    const noReference = await cli(['record', '--order', 'claim_order:1', '--on', today, '--fee', '90', ...signIn(), ...dataDir(), '--json'], env);
    expect(noReference.code).toBe(2);
    expect(JSON.parse(noReference.stdout)).toEqual({ error: { code: 'usage', message: expect.stringContaining('--instrument') } });
    const badFee = await cli(['record', '--order', 'claim_order:1', '--on', today, '--instrument', '1', '--fee', 'ninety', ...signIn(), ...dataDir()], env);
    expect(badFee.code).toBe(2);
    expect(badFee.stderr).toContain('"ninety" is not an amount in dollars');
    const badSerial = await cli(['file', '--order', 'claim_order:1', '--on', today, '--serial', 'NV105140001', '--fees', '10', ...signIn(), ...dataDir()], env);
    expect(badSerial.code).toBe(2);
    expect(badSerial.stderr).toContain('is not NAME=SERIAL');
  });

  it('records the county recording: the job is recorded and the server has the event', async () => {
    const result = await cli(['record', '--order', 'claim_order:1', '--on', today, '--instrument', '2027-000123', '--fee', '90.00', ...signIn(), ...dataDir(), '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as { order: string; state: string; recording: { office: string; instrumentNumber: string; feePaidCents: number }; sent: boolean };
    // The office defaults to the one the package names (the county the claims lie in).
    expect(printed).toMatchObject({ order: 'claim_order:1', state: 'recorded', recording: { instrumentNumber: '2027-000123', feePaidCents: 9_000 }, sent: true });
    expect(printed.recording.office).toBe(office);
    expect(office).not.toBe('');
    const events = await serverEvents();
    expect(events.find((e) => e.event === 'COUNTY_RECORDED')).toMatchObject({ to_state: 'recorded', county_recording: { recorded_on: today, instrument_number: '2027-000123', fee_paid: '90.00' } });
  });

  it('refuses a filing that leaves a claim out, storing nothing, then files with a serial per claim', async () => {
    const serials = claimNames.map((name, i) => ['--serial', `${name}=NV1051${String(40001 + i)}`]);
    const short = await cli(['file', '--order', 'claim_order:1', '--on', today, ...serials.slice(1).flat(), '--fees', '1,644.00', ...signIn(), ...dataDir(), '--json'], env);
    expect(short.code).toBe(1);
    expect(JSON.parse(short.stdout)).toEqual({ error: { code: 'invalid-request', message: `The BLM filing was not saved: Claims recorded but not filed: ${claimNames[0]}.` } });
    expect((await serverEvents()).some((e) => e.event === 'BLM_FILED')).toBe(false);

    const filed = await cli(['file', '--order', 'claim_order:1', '--on', today, ...serials.flat(), '--fees', '1,644.00', ...signIn(), ...dataDir()], env);
    expect(filed.stderr).toBe('');
    expect(filed.code).toBe(0);
    expect(filed.stdout).toContain(`claim_order:1: filed with BLM ${today}; the job is now filed.`);
    expect(filed.stdout).toContain('The server has the entry.');
    const history = JSON.parse((await cli(['history', '--order', 'claim_order:1', ...dataDir(), '--json'], env)).stdout) as { event: string; to: string }[];
    expect(history.slice(-2).map((e) => [e.event, e.to])).toEqual([
      ['COUNTY_RECORDED', 'recorded'],
      ['BLM_FILED', 'filed'],
    ]);
    expect((await serverEvents()).find((e) => e.event === 'BLM_FILED')).toMatchObject({
      to_state: 'filed',
      blm_filing: { filed_on: today, serials: claimNames.map((name, i) => ({ claim_name: name, serial: `NV1051${String(40001 + i)}` })), fees_paid: '1644.00' },
    });
  });
});
