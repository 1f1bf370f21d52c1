/**
 * Who may use the queue: a wrong password gets a specific message on the form, and a customer account that
 * signs in fine gets "Staff access required" instead of an empty table (which would read as "no work").
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER, DEMO_PASSWORD, DEMO_STAFF } from '../../server';
import { startBrowserHarness, type BrowserHarness } from '../helpers/browser-harness';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

// Each test starts signed out, on the form.
beforeEach(async () => {
  await h.page.goto(h.host.url);
  const form = h.page.getByTestId('sign-in-form');
  const header = h.page.getByTestId('app-header');
  await Promise.race([form.waitFor(), header.waitFor()]);
  if (await header.isVisible()) {
    await h.page.getByTestId('account-menu-button').click();
    await h.page.getByTestId('sign-out').click();
    await form.waitFor();
  }
});

describe('sign-in and staff access', () => {
  it('a wrong password is refused with a specific message on the form', async () => {
    await h.signIn(DEMO_STAFF.username, 'not-the-password');
    const error = h.page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Wrong username or password.');
    expect(await error.getAttribute('role')).toBe('alert');
    // The message is tied to the password field for screen readers, and the password is not kept.
    const password = h.page.getByTestId('sign-in-password');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
    expect(await password.inputValue()).toBe('');
    expect(await h.page.getByTestId('app-header').count()).toBe(0);

    // The right password from the same form gets in.
    await h.page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
    await h.page.getByTestId('sign-in-submit').click();
    await h.page.getByTestId('sync-bar').waitFor();
    expect(await h.page.getByTestId('sign-in-error').count()).toBe(0);
  });

  it('a customer account sees "Staff access required", not an empty queue', async () => {
    expect(DEMO_CUSTOMER.is_staff).toBe(false);
    await h.signIn(DEMO_CUSTOMER.username, DEMO_PASSWORD);
    const notice = h.page.getByTestId('staff-required');
    await notice.waitFor();
    expect(await notice.getByRole('heading').textContent()).toBe('Staff access required');
    expect(await notice.textContent()).toContain(DEMO_CUSTOMER.username);
    expect(await notice.getAttribute('role')).toBe('alert');
    // Nothing that could be mistaken for an empty work queue.
    expect(await h.page.getByTestId('order-table').count()).toBe(0);
    expect(await h.page.getByTestId('orders-empty').count()).toBe(0);
    expect(await h.page.getByTestId('sync-bar').count()).toBe(0);
    await h.screenshot('staff-required');

    // The way out works: back to the form.
    await h.page.getByTestId('staff-required-sign-out').click();
    await h.page.getByTestId('sign-in-form').waitFor();
    expect(h.consoleErrors).toEqual([]);
    expect(h.failedRequests).toEqual([]);
  });
});
