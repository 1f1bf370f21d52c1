/**
 * Staking package documents, end to end in Chromium over the real back-end: pull the clean demo order CO-1, take
 * its claims as drawn, enter a PLSS township on the Documents step, generate the package with progress, list its
 * files, preview the location notice drawn by pdf.js into a canvas, and find the files on disk. Then the queue's
 * batch export: tick three orders, export them with a date of location, follow the progress to the end and read
 * each order's outcome; CO-6 (drawn 1,540 ft long on purpose) must be skipped with that reason in full.
 *
 * Oracles come from the reference server's documents and from the files on disk (pdftotext / pdftoppm of
 * poppler-utils), never from the app's own state.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DOCUMENT_KINDS, DOCUMENT_FILES, MANIFEST_FILE, type DocumentKind } from '../../shared/documents/package-files';
import { listedOrders, SCREENSHOT_DIR, startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness';
import { canvasInkShare, recordTexts, rowByOrder, stopRecording, type CanvasLike } from '../helpers/browser-documents';
import { orderDoc } from '../helpers/browser-map';

const ORDER = 'CO-1';
const TOWNSHIP = '32N';
const EXPORTED = ['CO-1', 'CO-2'];
const SKIPPED = 'CO-6';
const EXPORT_DATE = '2026-11-20';
const PDF_KINDS: DocumentKind[] = ['location-notices', 'corner-cards', 'claim-map', 'field-map', 'fees-sheet'];

// Generating a package runs every renderer in a worker; SwiftShader is slow to draw. Generous, never hit normally.
vi.setConfig({ expect: { poll: { timeout: 60_000 } } });

let h: BrowserHarness;
let packageFolder = '';

beforeAll(async () => {
  h = await startBrowserHarness();
  await h.signInAndSync((await listedOrders(h.server)).length);
});
afterAll(async () => {
  await h?.close();
});

const page = () => h.page;
const step = () => page().getByTestId('wizard').getAttribute('data-step');
const fileRows = () => page().getByTestId('package-file');

describe('documents step: CO-1 package generated, listed, previewed and on disk', () => {
  it('the demo order is what this test relies on', async () => {
    const doc = await orderDoc(h.server, ORDER);
    expect((doc['claimant_info'] as { claimant_name?: string } | null)?.claimant_name).toBe('Independence Gold Ventures LLC');
    expect(doc['claim_count']).toBe(6);
  });

  it('pulls CO-1 and reaches Documents with the claims as drawn', async () => {
    await rowByOrder(page(), ORDER).click();
    await page().getByTestId('order-details').getByTestId('pull-order').click();
    await expect.poll(step).toBe('import');
    await page().getByTestId('import-use-order').click();
    await expect.poll(step).toBe('layout');
    // Straight to Documents: every step on the way is checked (the claimant comes pre-filled from the order).
    await page().getByTestId('wizard-step-documents').click();
    await expect.poll(step).toBe('documents');
    expect(await page().getByTestId('documents-claimant').textContent()).toBe('Independence Gold Ventures LLC');
    expect(await page().getByTestId('wizard-step-upload').getAttribute('data-state')).toBe('todo');
    await expect.poll(() => page().getByTestId('generate-package').textContent()).toBe('Generate package');
  });

  it('a PLSS township is saved and generation reports progress, then lists every file of the manifest', async () => {
    await page().getByTestId('land-meridian').fill('Mount Diablo');
    await page().getByTestId('land-township').fill(TOWNSHIP);
    await page().getByTestId('land-range').fill('51E');
    await page().getByTestId('land-sections').fill('14, 15');
    await page().getByTestId('land-range').focus();
    await expect.poll(() => page().getByTestId('job-save-state').textContent()).toBe('All changes saved');
    await h.screenshot('documents-land-description');

    await recordTexts(page(), '[data-testid="generate-progress"]');
    await page().getByTestId('generate-package').click();
    await expect.poll(() => fileRows().count()).toBe(DEFAULT_DOCUMENT_KINDS.length + 1);
    const seen = await stopRecording(page());
    // At least one "<Document title> (n of N)" with n ≥ 1: the progress events reached the step (N is 12 or 13: the
    // posted notices are a document of their own only in some states).
    expect(seen.some((text) => /\(([1-9]|1[0-3]) of (12|13)\)/.test(text))).toBe(true);

    const names = await fileRows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-file-name')));
    expect(names).toEqual([...DEFAULT_DOCUMENT_KINDS.map((kind) => DOCUMENT_FILES[kind].fileName), MANIFEST_FILE]);
    await expect.poll(() => page().getByTestId('generate-package').textContent()).toBe('Regenerate package');
    expect(await page().getByTestId('package-generation').textContent()).toMatch(/^#1 · made/);
    expect(await page().getByTestId('generate-error').count()).toBe(0);
    // The step bar marks Documents as done once a package exists.
    expect(await page().getByTestId('wizard-step-documents').textContent()).toContain('package generated');
  });

  it('the location notice is previewed in the app: a canvas with ink, and page navigation', async () => {
    const preview = page().getByTestId('package-preview');
    await expect.poll(() => preview.getAttribute('data-file')).toBe(DOCUMENT_FILES['location-notices'].fileName);
    const canvas = preview.getByTestId('pdf-canvas');
    await expect.poll(() => canvas.getAttribute('data-rendered-page')).toBe('1');
    await expect.poll(() => canvasInkShare(canvas)).toBeGreaterThan(0.005);

    const pageLabel = await preview.getByTestId('pdf-page').textContent();
    const pages = Number(/of (\d+)/.exec(pageLabel ?? '')?.[1]);
    expect(pages).toBeGreaterThanOrEqual(6); // one notice per claim at least
    await preview.getByTestId('pdf-next').click();
    await expect.poll(() => preview.getByTestId('pdf-page').textContent()).toBe(`Page 2 of ${pages}`);
    await expect.poll(() => canvas.getAttribute('data-rendered-page')).toBe('2');
    await preview.getByTestId('pdf-prev').click();
    await expect.poll(() => canvas.getAttribute('data-rendered-page')).toBe('1');
    // The shot shows the package (generation, folder, files) beside the preview.
    await page().getByTestId('generate-panel').evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' }));
    await h.screenshot('documents-step');

    // Text files show as text: the CSV starts with its header row.
    await fileRows().filter({ has: page().locator(`text=${DOCUMENT_FILES.csv.fileName}`) }).click();
    await expect.poll(() => preview.getByTestId('text-preview').textContent()).toMatch(/\w+,\w+/);
    await fileRows().filter({ has: page().locator(`text=${DOCUMENT_FILES['location-notices'].fileName}`) }).click();
    await expect.poll(() => canvas.getAttribute('data-rendered-page')).toBe('1');
  });

  it('the package folder is on disk with the listed files; the browser host shows its path instead of opening it', async () => {
    packageFolder = (await page().getByTestId('package-folder').textContent()) ?? '';
    expect(existsSync(join(packageFolder, MANIFEST_FILE))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(packageFolder, MANIFEST_FILE), 'utf8')) as { files: { name: string; bytes: number }[] };
    for (const file of manifest.files) expect(statSync(join(packageFolder, file.name)).size).toBe(file.bytes);

    // The township typed on the step is printed on the notices.
    const noticeText = execFileSync('pdftotext', ['-layout', join(packageFolder, DOCUMENT_FILES['location-notices'].fileName), '-'], { encoding: 'utf8' });
    expect(noticeText).toContain(TOWNSHIP);
    expect(noticeText).toContain('Independence Gold Ventures LLC');

    // Page 1 of every PDF, for people to look at.
    for (const kind of PDF_KINDS) {
      const out = join(SCREENSHOT_DIR, `package-${kind}`);
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(packageFolder, DOCUMENT_FILES[kind].fileName), out]);
      expect(statSync(`${out}.png`).size).toBeGreaterThan(5_000);
    }

    await page().getByTestId('open-folder').click();
    await expect.poll(() => page().getByTestId('open-folder-unavailable').count()).toBe(1);
  });

  it('regenerating makes generation #2 and the preview shows the new files', async () => {
    await page().getByTestId('generate-package').click();
    await expect.poll(() => page().getByTestId('package-generation').textContent()).toMatch(/^#2 · made/);
    await expect.poll(() => page().getByTestId('pdf-canvas').getAttribute('data-rendered-page')).toBe('1');
    expect(existsSync(join(packageFolder, MANIFEST_FILE))).toBe(true);
  });

  it('Next moves on to Upload, with the regenerated package ready to queue', async () => {
    await page().getByTestId('wizard-next').click();
    await expect.poll(step).toBe('upload');
    expect(await page().getByTestId('upload-package-generation').textContent()).toMatch(/^#2 · made/);
    await expect.poll(() => page().getByTestId('upload-package-not-queued').count()).toBe(1);
  });
});

/** What the preview shows, read in the page: the canvas's drawn page and pixels (a hash), and the page label. */
async function previewNow(): Promise<{ page: string | null; label: string | null; pixels: string }> {
  return page()
    .getByTestId('package-preview')
    .evaluate(
      (preview) => {
        const canvas = preview.querySelector('[data-testid="pdf-canvas"]') as unknown as (CanvasLike & { getAttribute(name: string): string | null }) | null;
        const label = preview.querySelector('[data-testid="pdf-page"]')?.textContent ?? null;
        if (!canvas || canvas.width === 0) return { page: null, label, pixels: '' };
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let hash = 0;
        for (let i = 0; i < data.length; i += 4) hash = (hash * 31 + data[i]! + data[i + 1]! * 3 + data[i + 2]! * 7) >>> 0;
        return { page: canvas.getAttribute('data-rendered-page'), label, pixels: `${canvas.width}x${canvas.height}:${hash}` };
      },
    );
}

/** The package files the window reads from main from now on, with what main answered (the file's bytes). */
function recordFileReads(): { reads: Promise<Buffer>[]; stop: () => void } {
  const reads: Promise<Buffer>[] = [];
  const onResponse = (response: { url(): string; json(): Promise<unknown> }) => {
    if (!response.url().endsWith('/readPackageFile')) return;
    reads.push(response.json().then((body) => Buffer.from((body as { value: { base64: string } }).value.base64, 'base64')));
  };
  page().on('response', onResponse);
  return { reads, stop: () => page().off('response', onResponse) };
}

const pdfText = (bytes: Buffer): string => execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes, encoding: 'utf8' });

/** Regenerates the package (generation `generation`) and answers the text of the file the preview then read from main. */
async function regenerateAndRead(generation: number): Promise<string> {
  const recording = recordFileReads();
  await page().getByTestId('generate-package').click();
  await expect.poll(() => page().getByTestId('package-generation').textContent()).toMatch(new RegExp(`^#${generation} · made`));
  await expect.poll(() => page().getByTestId('pdf-canvas').getAttribute('data-rendered-page')).toBe('1');
  await expect.poll(() => recording.reads.length).toBeGreaterThan(0);
  recording.stop();
  return pdfText(await recording.reads[recording.reads.length - 1]!);
}

describe('documents step: the preview kept between visits, never a stale one', () => {
  const NEW_CLAIMANT = 'Independence Gold Ventures II LLC';
  let before = { page: null as string | null, label: null as string | null, pixels: '' };
  let noticesRead = '';

  it('back on the step after another one, the preview is on the page it was left at, without reading, opening or drawing the file again', async () => {
    await page().getByTestId('wizard-step-documents').click();
    await expect.poll(step).toBe('documents');
    const preview = page().getByTestId('package-preview');
    await expect.poll(() => preview.getByTestId('pdf-canvas').getAttribute('data-rendered-page')).toBe('1');
    await preview.getByTestId('pdf-next').click();
    await expect.poll(() => preview.getByTestId('pdf-canvas').getAttribute('data-rendered-page')).toBe('2');
    const shown = await previewNow();

    await page().getByTestId('wizard-step-claimant').click();
    await expect.poll(step).toBe('claimant');
    const recording = recordFileReads();
    await recordTexts(page(), '[data-testid="package-preview"]');
    await page().getByTestId('wizard-step-documents').click();
    await expect.poll(step).toBe('documents');
    // The same page with the same pixels, drawn without reading or opening the file again: main is asked only
    // which package the job has (the same generation).
    await expect.poll(previewNow).toEqual(shown);
    await page().waitForTimeout(500);
    recording.stop();
    const texts = await stopRecording(page());
    expect(recording.reads).toHaveLength(0);
    expect(texts.filter((text) => /Reading|Opening/.test(text))).toEqual([]);
    await preview.getByTestId('pdf-prev').click();
    await expect.poll(() => preview.getByTestId('pdf-canvas').getAttribute('data-rendered-page')).toBe('1');
    before = await previewNow();
  });

  it('a changed claimant: the regenerated package is read and drawn, not the preview kept from before', async () => {
    await page().getByTestId('wizard-step-claimant').click();
    await expect.poll(step).toBe('claimant');
    await page().getByTestId('claimant-claimantName').fill(NEW_CLAIMANT);
    await page().getByTestId('claimant-address1').focus();
    await expect.poll(() => page().getByTestId('job-save-state').textContent()).toBe('All changes saved');
    await page().getByTestId('wizard-step-documents').click();
    await expect.poll(step).toBe('documents');

    // What the preview was given is the new package's notice, with the new claimant on it.
    const read = await regenerateAndRead(3);
    expect(read).toContain(NEW_CLAIMANT);
    noticesRead = read;
    const after = await previewNow();
    expect(after.page).toBe('1');
    expect(after.pixels).not.toBe(before.pixels);
    before = after;
  });

  it('a changed layout: one claim fewer after regenerating, in the preview as on disk', async () => {
    const pagesBefore = Number(/of (\d+)/.exec(before.label ?? '')?.[1]);
    await page().getByTestId('wizard-step-layout').click();
    await expect.poll(step).toBe('layout');
    const rows = page().getByTestId('layout-claim-row');
    const claimsBefore = await rows.count();
    const removed = (await rows.last().getAttribute('data-claim-name')) ?? '';
    expect(removed).not.toBe('');
    await rows.last().click();
    await page().getByTestId('edit-delete').click();
    await expect.poll(() => rows.count()).toBe(claimsBefore - 1);
    await page().getByTestId('wizard-step-documents').click();
    await expect.poll(step).toBe('documents');

    const read = await regenerateAndRead(4);
    expect(noticesRead).toContain(removed);
    expect(read).toContain(NEW_CLAIMANT);
    expect(read).not.toContain(removed);
    // One notice per claim: the preview counts the new package's pages.
    const after = await previewNow();
    expect(Number(/of (\d+)/.exec(after.label ?? '')?.[1])).toBeLessThan(pagesBefore);
  });
});

describe('batch export from the queue', () => {
  it('ticks orders (one by one, a shift-click range, all shown) and shows how many are selected', async () => {
    await page().getByTestId('back-to-queue').click();
    await expect.poll(() => page().getByTestId('order-table').count()).toBe(1);
    const check = (order: string) => rowByOrder(page(), order).getByTestId('order-check');
    // The details of the order pulled earlier are still open: close them, ticking must not reopen any.
    if ((await page().getByTestId('details-close').count()) > 0) await page().getByTestId('details-close').click();
    await expect.poll(() => page().getByTestId('order-details').count()).toBe(0);

    // Shift-click ticks every row between the two, in queue order (oldest first: CO-1, CPO-2, CO-2).
    await check('CO-1').click();
    await check('CO-2').click({ modifiers: ['Shift'] });
    await expect.poll(() => page().getByTestId('selection-count').textContent()).toBe('3 orders selected');
    await page().getByTestId('select-all-orders').click();
    const listed = (await listedOrders(h.server)).length;
    await expect.poll(() => page().getByTestId('selection-count').textContent()).toBe(`${listed} orders selected`);
    await page().getByTestId('selection-clear').click();
    await expect.poll(() => page().getByTestId('selection-bar').count()).toBe(0);

    for (const order of [...EXPORTED, SKIPPED]) await check(order).click();
    await expect.poll(() => page().getByTestId('selection-count').textContent()).toBe('3 orders selected');
    // Ticking does not open the details panel, as a row click does.
    expect(await page().getByTestId('order-details').count()).toBe(0);
  });

  it('exports with progress to the end: two packages made, CO-6 skipped with its reason in full', async () => {
    await page().getByTestId('export-packages').click();
    const dialog = page().getByTestId('export-dialog');
    await expect.poll(() => dialog.getAttribute('data-view')).toBe('setup');
    expect(await dialog.getByTestId('export-order-count').textContent()).toBe('3 orders');
    await dialog.getByTestId('export-date').fill(EXPORT_DATE);

    await recordTexts(page(), '[data-testid="export-progress-count"]');
    await dialog.getByTestId('export-start').click();
    // Best effort: the run usually lasts long enough for a shot of the progress (skips are instant, packages not).
    if ((await dialog.getAttribute('data-view')) === 'running' && (await dialog.getByTestId('export-result').count()) > 0) {
      await h.screenshot('batch-export-progress');
    }
    await expect.poll(() => dialog.getAttribute('data-view')).toBe('done');
    const seen = await stopRecording(page());
    expect(seen.some((text) => /^[0-3] of 3$/.test(text))).toBe(true);

    const summary = dialog.getByTestId('export-summary');
    expect(await summary.textContent()).toContain('Export finished.');
    expect(await dialog.getByTestId('export-summary-counts').textContent()).toBe('2 packages exported · 1 skipped · 0 failed');
    const outcome = (order: string) => dialog.locator(`[data-testid="export-result"][data-order-number="${order}"]`);
    for (const order of EXPORTED) expect(await outcome(order).getAttribute('data-outcome')).toBe('exported');
    expect(await outcome(SKIPPED).getAttribute('data-outcome')).toBe('skipped');
    const reasons = await outcome(SKIPPED).getByTestId('export-result-reasons').locator('li').allTextContents();
    expect(reasons).toContainEqual(expect.stringMatching(/is 1,540\.0 ft long on the ground; a lode claim may be at most 1,500 ft/));
    await h.screenshot('batch-export');

    // Every exported folder is on disk with its manifest, under the output folder the summary names, dated as asked.
    const outDir = (await dialog.getByTestId('export-out-dir').textContent()) ?? '';
    for (const order of EXPORTED) {
      const folder = (await outcome(order).getByTestId('export-result-folder').getAttribute('data-folder')) ?? '';
      expect(folder.startsWith(outDir)).toBe(true);
      const manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), 'utf8')) as { dateOfLocation: string | null; order: { orderNumber: string } };
      expect(manifest.order.orderNumber).toBe(order);
      expect(manifest.dateOfLocation).toBe(EXPORT_DATE);
    }
    await dialog.getByTestId('export-close').click();
    await expect.poll(() => page().getByTestId('export-dialog').count()).toBe(0);
  });

  it('reopening after a reload shows the last export’s report (main keeps the status)', async () => {
    await page().reload();
    await expect.poll(() => page().getByTestId('export-status').textContent()).toContain('Export finished');
    await page().getByTestId('export-status').getByRole('button').click();
    const dialog = page().getByTestId('export-dialog');
    await expect.poll(() => dialog.getAttribute('data-view')).toBe('done');
    expect(await dialog.getByTestId('export-result').count()).toBe(3);
    await dialog.getByTestId('export-close').click();
  });

  it('a running export can be left (the queue shows how far it is), reopened and cancelled', async () => {
    await page().getByTestId('select-all-orders').click();
    await page().getByTestId('export-packages').click();
    const dialog = page().getByTestId('export-dialog');
    await dialog.getByTestId('export-start').click();
    await expect.poll(() => dialog.getAttribute('data-view')).toBe('running');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page().getByTestId('export-status').textContent()).toMatch(/^Exporting \d+ of \d+/);

    await page().getByTestId('export-status').getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => dialog.getAttribute('data-view')).toBe('running');
    await dialog.getByTestId('export-cancel').click();
    await expect.poll(() => dialog.getAttribute('data-view')).toBe('done');
    expect(await dialog.getByTestId('export-summary').textContent()).toContain('Export cancelled.');
    const outcomes = await dialog.getByTestId('export-result').evaluateAll((items) => items.map((item) => item.getAttribute('data-outcome')));
    expect(outcomes).toContain('cancelled');
    await dialog.getByTestId('export-close').click();
  });

  it('nothing failed along the way', () => {
    expect(h.consoleErrors).toEqual([]);
    expect(h.failedRequests).toEqual([]);
  });
});
