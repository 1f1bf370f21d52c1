/**
 * For the browser tests of what follows a package (deadlines, recording and filing): the harness signed in and
 * synced, and CO-1 pulled through the app's own handlers with its claims as drawn, named `prefix` 1, 2, ….
 */
import type { Job } from '../../shared/jobs/job.types';
import type { LayoutClaim } from '../../shared/layout/layout.types';
import { claimsFromOrder } from '../../shared/layout/order-claims';
import { startBrowserHarness, type BrowserHarness } from './browser-harness';

export async function harnessWithOrderOne(prefix: string): Promise<{ h: BrowserHarness; job: Job; claims: LayoutClaim[] }> {
  const h = await startBrowserHarness();
  const listed = (await h.server.store.pendingOrderDocs()).length;
  await h.signInAndSync(listed);
  const job = await h.app.handlers.pullOrder({ orderType: 'claim_order', id: 1 });
  return { h, job, claims: claimsFromOrder(job.order.orderClaims, job.crs.epsg, prefix) };
}
