/**
 * For the workflow browser test: a job walked step by step (each Next, as staff would) from Import to a delivered
 * upload, the job's history as rows, and a new order posted to the reference server as a copy of a listed one.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ReferenceServer } from '../../server';
import { DEFAULT_DOCUMENT_KINDS } from '../../shared/documents/package-files';
import { orderDoc } from './browser-map';
import { testHook } from './browser-outbox';

const step = (page: Page) => page.getByTestId('wizard').getAttribute('data-step');

async function next(page: Page, expected: string): Promise<void> {
  await page.getByTestId('wizard-next').click();
  await expect.poll(() => step(page)).toBe(expected);
}

/**
 * From a job open at Import: the claims as drawn, then Next through Monuments, Validate and Claimant (pre-filled
 * from the order) to Documents, generate the package, Next to Upload, queue it and wait until it is delivered.
 */
export async function walkToDelivered(page: Page): Promise<void> {
  await expect.poll(() => step(page)).toBe('import');
  await page.getByTestId('import-use-order').click();
  await expect.poll(() => step(page)).toBe('layout');
  await next(page, 'monuments');
  await next(page, 'validate');
  await next(page, 'claimant');
  await next(page, 'documents');
  await page.getByTestId('generate-package').click();
  // Every default document and the manifest, less the posted notices where the state records the posted one.
  await expect.poll(() => page.getByTestId('package-file').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(DEFAULT_DOCUMENT_KINDS.length);
  await next(page, 'upload');
  await expect.poll(() => page.getByTestId('queue-upload').isEnabled()).toBe(true);
  await page.getByTestId('queue-upload').click();
  const entry = page.getByTestId('upload-step').getByTestId('outbox-entry').first();
  await expect.poll(() => entry.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
}

export interface HistoryRow {
  event: string;
  to: string;
  actor: string;
  override: boolean;
  reason: string;
}

/** The history drawer's rows, oldest first, as shown. */
export async function historyRows(page: Page): Promise<HistoryRow[]> {
  return page.getByTestId('history-entry').evaluateAll((rows) =>
    rows.map((row) => ({
      event: row.getAttribute('data-event') ?? '',
      to: row.getAttribute('data-to') ?? '',
      actor: (row.querySelector('[data-testid="history-actor"]')?.textContent ?? '').trim(),
      override: row.getAttribute('data-override') === 'true',
      reason: (row.querySelector('[data-testid="history-reason"]')?.textContent ?? '').trim(),
    })),
  );
}

/**
 * Posts a new order to the server: a copy of a listed one (same claims, so it also reads as a possible duplicate
 * purchase of it) under a new id and number, created `createdAt`.
 */
export async function postCopyOfOrder(
  server: ReferenceServer,
  sourceNumber: string,
  copy: { id: number; orderNumber: string; createdAt: string },
): Promise<void> {
  const doc = await orderDoc(server, sourceNumber);
  await testHook(server, 'POST', 'orders', { ...doc, id: copy.id, order_number: copy.orderNumber, created_at: copy.createdAt });
}
