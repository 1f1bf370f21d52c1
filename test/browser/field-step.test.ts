/**
 * The Field step in Chromium over the real back-end: CO-1's generated package comes back staked (three posts
 * moved by known distances, one dropped, one renamed as an older Garmin cuts names, one stray waypoint), brought
 * in through the file picker; the summary, the posts table (sorted by offset, filtered by status), the map with
 * the staked posts and offset arrows (screenshot), and accepting the posts as staked.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listedOrders, startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness';
import { openUploadStep } from '../helpers/browser-outbox';
import { readWaypoints, stakeScenario, writeGpx, type StakedScenario } from '../helpers/staked-gpx';
import { makeTempDir } from '../helpers/temp-dir';

vi.setConfig({ expect: { poll: { timeout: 30_000 } } });

let h: BrowserHarness;
let temp: ReturnType<typeof makeTempDir>;
let scenario: StakedScenario;

beforeAll(async () => {
  temp = makeTempDir('claimdesk-field-');
  h = await startBrowserHarness({ viewport: { width: 1500, height: 950 } });
  await h.signInAndSync((await listedOrders(h.server)).length);
});
afterAll(async () => {
  await h?.close();
  temp?.cleanup();
});

const page = () => h.page;
const rows = () => page().getByTestId('field-post-row');

describe('Field step', () => {
  it('opens on a job with a package and shows the staked posts against the planned ones', async () => {
    await openUploadStep(page(), 'CO-1');
    await page().getByTestId('wizard-step-field').click();
    await expect.poll(() => page().getByTestId('wizard').getAttribute('data-step')).toBe('field');

    const { jobs } = await h.app.handlers.listJobs({});
    const jobId = jobs.find((j) => j.orderNumber === 'CO-1')!.id;
    const gpx = Buffer.from((await h.app.handlers.readPackageFile({ jobId, name: 'waypoints.gpx' })).base64, 'base64').toString('utf8');
    const planned = readWaypoints(gpx);
    scenario = stakeScenario(planned);
    const file = join(temp.dir, 'etrex-2026-09-02.gpx');
    writeFileSync(file, writeGpx(scenario.points));
    await page().getByTestId('field-file').setInputFiles(file);

    await expect.poll(() => page().getByTestId('field-summary').textContent()).toContain('etrex-2026-09-02.gpx');
    const summary = await page().getByTestId('field-summary').textContent();
    expect(summary).toContain(`${planned.length - 3} OK, 2 moved, 1 not staked, 1 matching no post`);
    expect(await rows().count()).toBe(planned.length + 1);

    // Sorted by offset, largest first: the post moved 63.5 ft leads.
    const [largest] = [...scenario.moves].sort((a, b) => b[1].feet - a[1].feet);
    expect(await rows().first().getAttribute('data-post')).toBe(largest![0]);
    expect(await rows().first().textContent()).toContain('63.5 ft');
    expect(await rows().first().textContent()).toMatch(/137\.[23]°/);

    await page().getByTestId('field-filter-moved').click();
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rows().evaluateAll((els) => els.map((el) => el.getAttribute('data-status')))).toEqual(['moved', 'moved']);
    await page().getByTestId('field-filter-missing').click();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().getAttribute('data-post')).toBe(scenario.dropped);
    await page().getByTestId('field-filter-all').click();
    await page().getByTestId('field-sort-post').click();
    expect(await rows().first().getAttribute('data-post')).toBe('P1');

    // The lengthened claim is named in the re-check.
    expect(await page().getByTestId('field-problems').textContent()).toContain(scenario.lengthened);
    await expect.poll(() => page().locator('.field-step [data-map-ready="true"]').count()).toBe(1);
    await h.screenshot('field-step');
  });

  it('accepts the posts as staked: the layout follows, the problems stay named until fixed', async () => {
    await page().getByTestId('field-accept').click();
    await expect.poll(() => page().getByTestId('field-accepted').textContent()).toContain('fix the problems');
    await expect.poll(() => page().getByTestId('job-workflow-state').textContent()).toMatch(/^laying out$/i);
    expect(h.consoleErrors).toEqual([]);
  });
});
