import type { OrderSummary } from '../../../shared/domain/order.types';
import { deliveredByUs, packageLabel } from '../../../shared/domain/order-delivered';
import { formatDateTime } from '../lib/format';
import type { ChipTone } from '../lib/tone';
import { Chip } from './chip';

// Statuses are free text from the server; the ones staff act on get a colour, anything new stays neutral.
const STATUS_TONES: Record<string, ChipTone> = {
  pending: 'amber',
  processing: 'blue',
  paid: 'green',
  approved: 'green',
  // Set by staff from the job header.
  in_progress: 'blue',
  on_hold: 'amber',
};

export function statusLabel(status: string): string {
  const words = status.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Unknown';
}

export function StatusChip({ status }: { status: string }) {
  return (
    <Chip tone={STATUS_TONES[status.toLowerCase()] ?? 'grey'} testId="status-chip" title={`Status: ${status}`}>
      {statusLabel(status)}
    </Chip>
  );
}

export function GoneChip() {
  return (
    <Chip tone="outline" testId="gone-chip" title="The server no longer lists this order">
      Gone
    </Chip>
  );
}

/**
 * Where an order stands, as one set of chips: delivered by us (with the package) replaces the server's last status
 * and the gone mark, which would otherwise say "Processing" and "Gone" for an order we finished.
 */
export function OrderStandingChips({ order }: { order: Pick<OrderSummary, 'lastDelivery' | 'gone' | 'workflowState' | 'status'> }) {
  const delivered = deliveredByUs(order);
  if (delivered) {
    const label = packageLabel(delivered);
    return (
      <Chip tone="green" testId="delivered-chip" title={`Delivered ${formatDateTime(delivered.at)}${label ? ` as package ${label}` : ''}`}>
        {label ? `Delivered · ${label}` : 'Delivered'}
      </Chip>
    );
  }
  return (
    <>
      {/* Gone first: it matters more than the last status the server reported, and must not be clipped. */}
      {order.gone && <GoneChip />}
      <StatusChip status={order.status} />
    </>
  );
}
