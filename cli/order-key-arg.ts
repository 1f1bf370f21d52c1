/** `--order TYPE:ID`, as every command that names an order reads it. */
import { orderTypeSchema } from '../shared/api/geodb.schemas';
import type { OrderKey } from '../shared/domain/order.types';
import { UsageError } from './cli-context';

export function parseOrderKey(text: string): OrderKey {
  const match = /^([a-z_]+):(\d+)$/.exec(text.trim());
  const type = match ? orderTypeSchema.safeParse(match[1]) : null;
  if (!match || !type?.success) throw new UsageError(`"${text}" is not an order: use TYPE:ID, e.g. claim_order:6 or claim_purchase:12.`);
  return { orderType: type.data, id: Number(match[2]) };
}
