import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api/client';
import { CLOSED_ORDER_STATUSES } from '../../../../shared/outbox/job-conflict';
import type { Job } from '../../../../shared/jobs/job.types';
import type { OrderStatusChange } from '../../../../shared/outbox/outbox.types';
import { Chip } from '../../components/chip';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { GoneChip, StatusChip } from '../../components/status-chip';
import { useJobStore } from '../../stores/job.store';
import { STATE_LABELS } from '../outbox/outbox-states';
import { useOutboxStore } from '../outbox/outbox.store';
import { pendingStatusChange, useJobEntries } from '../upload/job-outbox.store';
import { useOrderStatus } from './use-order-status.hook';

type AskedChange = Exclude<OrderStatusChange, 'in_progress'>;

const DIALOGS: Record<AskedChange, { title: (order: string) => string; confirm: string; text: string; placeholder: string }> = {
  on_hold: {
    title: (order) => `Put ${order} on hold?`,
    confirm: 'Put on hold',
    text: 'The server is told once it can be reached. While the order is on hold the server refuses uploads for it: mark it in progress first.',
    placeholder: 'e.g. waiting for the claimant to sign',
  },
  cancelled: {
    title: (order) => `Cancel order ${order}?`,
    confirm: 'Cancel order',
    text: 'The order is cancelled on the server once it can be reached, and cannot be reopened from ClaimDesk. The layout and documents stay on this machine.',
    placeholder: 'e.g. the customer withdrew the order',
  },
};

function PendingChange() {
  const jobId = useJobStore((state) => state.job?.id);
  const pending = pendingStatusChange(useJobEntries(jobId));
  if (!pending) return null;
  const refused = pending.state === 'failed' || pending.state === 'needs_review';
  return (
    // Dashed while on its way: the status beside it is already the local one, the server does not have it yet.
    <Chip tone={refused ? 'red' : 'outline'} testId="order-status-pending" title={[pending.summary, pending.lastError].filter(Boolean).join(' — ')}>
      {refused ? `${STATE_LABELS[pending.state]}: see Upload` : pending.state === 'sending' ? 'Sending…' : 'Not sent yet'}
    </Chip>
  );
}

/** The job header's "Order status" menu: the order's status, a change still on its way, and the three changes staff make. */
export function OrderStatusMenu({ job }: { job: Job }) {
  const order = useOrderStatus(job.order.orderType, job.order.orderId);
  const status = order?.status ?? null;
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<AskedChange | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    // Keyboard users land in the menu, on the first change that can be made.
    rootRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const closed = status !== null && (CLOSED_ORDER_STATUSES as readonly string[]).includes(status);

  const change = async (target: OrderStatusChange, why: string | null) => {
    setBusy(true);
    setError(null);
    const result = await api.changeOrderStatus({ jobId: job.id, status: target, reason: why });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setAsking(null);
    setReason('');
    void useOutboxStore.getState().refresh();
  };

  const pick = (target: OrderStatusChange) => {
    setOpen(false);
    setError(null);
    if (target === 'in_progress') void change('in_progress', null);
    else setAsking(target);
  };

  return (
    <div className="order-status" ref={rootRef} onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
      <span className="order-status__current" data-testid="order-status">
        {status ? <StatusChip status={status} /> : <span className="muted">…</span>}
      </span>
      {order?.gone && <GoneChip />}
      <PendingChange />
      <button
        type="button"
        className="button button--small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setOpen((value) => !value)}
        data-testid="order-status-menu"
      >
        Order status <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="account-menu__popover" id={`${id}-menu`} role="menu" aria-label="Order status">
          {closed && <p className="order-status__note muted">This order is {status?.replace('_', ' ')}: its status cannot be changed any more.</p>}
          <button type="button" role="menuitem" className="account-menu__item" disabled={closed || status === 'in_progress'} onClick={() => pick('in_progress')} data-testid="order-status-in-progress">
            Mark in progress
          </button>
          <button type="button" role="menuitem" className="account-menu__item" disabled={closed || status === 'on_hold'} onClick={() => pick('on_hold')} data-testid="order-status-on-hold">
            Put on hold…
          </button>
          <button type="button" role="menuitem" className="account-menu__item account-menu__item--danger" disabled={closed} onClick={() => pick('cancelled')} data-testid="order-status-cancel">
            Cancel order…
          </button>
        </div>
      )}
      {error && !asking && (
        <span className="form-field__error" role="alert">
          {error}
        </span>
      )}
      {asking && (
        <ConfirmDialog
          title={DIALOGS[asking].title(job.order.orderNumber)}
          confirmLabel={DIALOGS[asking].confirm}
          tone={asking === 'cancelled' ? 'danger' : 'primary'}
          canConfirm={reason.trim().length >= 3}
          busy={busy}
          error={error}
          testId="order-status-dialog"
          onClose={() => setAsking(null)}
          onConfirm={() => void change(asking, reason.trim())}
        >
          <p>{DIALOGS[asking].text}</p>
          <div className="form-field">
            <label htmlFor={`${id}-reason`}>Reason (kept in the order’s history on the server)</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              maxLength={500}
              value={reason}
              placeholder={DIALOGS[asking].placeholder}
              onChange={(event) => setReason(event.target.value)}
              data-testid="order-status-reason"
            />
          </div>
        </ConfirmDialog>
      )}
    </div>
  );
}
