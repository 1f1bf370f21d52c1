/**
 * For the outbox browser test: the reference server's test hooks (scripted faults, order status, what an order's
 * fulfilment holds) and the walk from the queue to an order's Upload step with a generated package.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ReferenceServer } from '../../server';
import { DEFAULT_DOCUMENT_KINDS } from '../../shared/documents/package-files';
import { rowByOrder } from './browser-documents';

export const UPLOAD_PATH = '/api/v2/claims/documents/';

export async function testHook(server: ReferenceServer, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/__test__/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /__test__/${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** The next matching upload request fails as described (see server/http/fault-injector.ts). */
export function injectUploadFault(server: ReferenceServer, spec: Record<string, unknown>): Promise<Record<string, unknown>> {
  return testHook(server, 'POST', 'faults', { method: 'POST', path: UPLOAD_PATH, count: 1, ...spec });
}

/** What the server stored for a claim order: {status, package_id, packages, documents, …}. */
export function claimOrderFulfilment(server: ReferenceServer, id: number): Promise<Record<string, unknown>> {
  return testHook(server, 'GET', `orders/claim_order/${id}/fulfilment`);
}

/** The claim order's id from its number ("CO-2" → 2), as the demo seed numbers them. */
export function claimOrderId(orderNumber: string): number {
  const id = Number(/^CO-(\d+)$/.exec(orderNumber)?.[1]);
  if (!Number.isInteger(id)) throw new Error(`not a demo claim order number: ${orderNumber}`);
  return id;
}

const step = (page: Page) => page.getByTestId('wizard').getAttribute('data-step');

/** From any page: pull the order, take its claims as drawn, generate its package and open the Upload step. */
export async function openUploadStep(page: Page, orderNumber: string): Promise<void> {
  await page.getByTestId('nav-queue').click();
  await rowByOrder(page, orderNumber).click();
  await page.getByTestId('order-details').getByTestId('pull-order').click();
  await expect.poll(() => step(page)).toBe('import');
  await page.getByTestId('import-use-order').click();
  await expect.poll(() => step(page)).toBe('layout');
  // Forward through every check on the way: the claimant comes pre-filled from the order.
  await page.getByTestId('wizard-step-documents').click();
  await expect.poll(() => step(page)).toBe('documents');
  await page.getByTestId('generate-package').click();
  // Every default document and the manifest, less the posted notices where the state records the posted one.
  await expect.poll(() => page.getByTestId('package-file').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(DEFAULT_DOCUMENT_KINDS.length);
  await page.getByTestId('wizard-next').click();
  await expect.poll(() => step(page)).toBe('upload');
  await expect.poll(() => page.getByTestId('queue-upload').isEnabled()).toBe(true);
}
