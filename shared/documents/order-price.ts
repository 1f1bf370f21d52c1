/**
 * The price a customer paid for an order, read from the order's raw GeoDB payload, in integer cents.
 *
 * The pending-orders contract (shared/api/geodb.schemas.ts) carries NO price: the orders ClaimDesk
 * syncs today have none, and the snapshot then says `price: null` rather than guessing. Other GeoDB order
 * endpoints do carry one (as the GeoDB QGIS plugin reads them: `claims/submit-order/` answers `total_cents` and
 * `total_display`, `claims/orders/{id}/` answers `total_display`), and order systems elsewhere name it
 * `total_price` or `amount`; a server that adds any of these to the pending-orders payload
 * is read without a change here. The raw field the amount came from is kept (`source`) so an auditor can check it.
 *
 * Money is never parsed through a float: a decimal string is split at the point and its digits counted, so
 * "1250.5" is exactly 125050 cents and 99.99 (a number, printed by JavaScript as "99.99") exactly 9999. Anything
 * that is not an exact, non-negative amount of cents (garbage, "12.345", NaN, negative) is no price at all.
 */
import { z } from 'zod';

export const orderPriceSchema = z.object({
  /** Whole US cents (or the currency's minor unit). */
  amountCents: z.number().int().nonnegative(),
  /** ISO 4217 code: the payload's own `currency` when it sends one, else USD (GeoDB bills in US dollars). */
  currency: z.string().min(1),
  /** The raw payload field the amount was read from, e.g. "total_cents", "total_price". */
  source: z.string().min(1),
});
export type OrderPrice = z.infer<typeof orderPriceSchema>;

/** Where a price may be, most exact first: integer-cents fields, then decimal amounts, then display text. */
export const PRICE_FIELDS: readonly { field: string; unit: 'cents' | 'decimal' }[] = [
  { field: 'total_cents', unit: 'cents' },
  { field: 'price_cents', unit: 'cents' },
  { field: 'amount_cents', unit: 'cents' },
  { field: 'total_price', unit: 'decimal' },
  { field: 'price', unit: 'decimal' },
  { field: 'total', unit: 'decimal' },
  { field: 'amount', unit: 'decimal' },
  { field: 'total_display', unit: 'decimal' },
];

export const DEFAULT_CURRENCY = 'USD';

/** Digits, optionally grouped by thousands with commas, and an optional fraction: "1250", "1,250.00", "0.5". */
const DECIMAL = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

function decimalText(value: unknown): string | null {
  if (typeof value === 'number') {
    // String(n) is the shortest text that reads back as n: 99.99 → "99.99", never 99.98999….
    if (!Number.isFinite(value) || value < 0) return null;
    return String(value);
  }
  if (typeof value !== 'string') return null;
  // Display text ("$1,250.00", "USD 1250.00") keeps only its number; anything else must be a bare amount.
  return value.trim().replace(/^(?:US\$|\$|USD\s*)/i, '').replace(/\s*USD$/i, '').trim();
}

/** A decimal amount of dollars ("1250.00", "1,250.5", 1250, 99.99) to exact integer cents; null when it is not one. */
export function decimalToCents(value: unknown): number | null {
  const text = decimalText(value);
  if (text === null) return null;
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const whole = match[1]!.replace(/,/g, '');
  const fraction = match[2] ?? '';
  // Sub-cent digits must be zeros ("12.500" is 1250 cents); "12.345" is not an amount of cents.
  if (/[1-9]/.test(fraction.slice(2))) return null;
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** A field that already holds cents: an integer (27400) or integer text ("27400"); null otherwise. */
export function integerCents(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim())) return null;
  const cents = Number(value.trim());
  return Number.isSafeInteger(cents) ? cents : null;
}

function currencyOf(raw: Record<string, unknown>): string {
  const currency = raw.currency;
  return typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency.trim()) ? currency.trim().toUpperCase() : DEFAULT_CURRENCY;
}

/**
 * The order's price from its raw payload: the first PRICE_FIELDS entry that holds a usable amount. A field that
 * is present but unreadable is passed over (the next one may be fine); none usable → null. Never throws.
 */
export function priceFromOrderPayload(raw: unknown): OrderPrice | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const fields = raw as Record<string, unknown>;
  for (const { field, unit } of PRICE_FIELDS) {
    const value = fields[field];
    if (value === undefined || value === null || value === '') continue;
    const amountCents = unit === 'cents' ? integerCents(value) : decimalToCents(value);
    if (amountCents !== null) return { amountCents, currency: currencyOf(fields), source: field };
  }
  return null;
}

/** The same, from the cache's `order_payloads.raw_json` text; damaged JSON is no price. */
export function priceFromOrderJson(rawJson: string): OrderPrice | null {
  try {
    return priceFromOrderPayload(JSON.parse(rawJson));
  } catch {
    return null;
  }
}
