/**
 * What the server's order statuses mean to the desk. The status itself is the server's word (shown as it is sent);
 * these lists are the only places that read meaning into it.
 */

/** Statuses after which the server takes no more work for the order. */
export const CLOSED_ORDER_STATUSES = ['cancelled', 'rejected', 'completed', 'fulfilled'] as const;

/** The closed statuses that mean the order was fulfilled (here or elsewhere), as opposed to withdrawn. */
export const COMPLETED_ORDER_STATUSES = ['completed', 'fulfilled'] as const;

export function isClosedOrderStatus(status: string | null | undefined): boolean {
  return status != null && (CLOSED_ORDER_STATUSES as readonly string[]).includes(status);
}

export function isCompletedOrderStatus(status: string | null | undefined): boolean {
  return status != null && (COMPLETED_ORDER_STATUSES as readonly string[]).includes(status);
}
