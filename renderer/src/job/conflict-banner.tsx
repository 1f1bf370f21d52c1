import { useState } from 'react';
import { api } from '../api/client';
import type { ConflictChoice } from '../../../shared/outbox/job-conflict';
import { Chip } from '../widgets/chip';
import { statusLabel } from '../widgets/status-chip';
import { ConfirmDialog } from '../widgets/confirm-dialog';
import { Spinner } from '../widgets/spinner';
import { useJobStore } from '../state/job.store';
import { changed, outboxMoved } from '../api/queries';

/**
 * The order changed on the server (cancelled, completed, dropped) while nothing of this job was delivered. Shown
 * on every step until a person decides; every choice keeps the layout and documents on this machine.
 */
export function ConflictBanner() {
  const job = useJobStore((state) => state.job);
  const adoptServerState = useJobStore((state) => state.adoptServerState);
  const [busy, setBusy] = useState<ConflictChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  if (!job?.conflict) return null;
  const { conflict } = job;

  const choose = async (choice: ConflictChoice) => {
    setBusy(choice);
    setError(null);
    const result = await api.resolveConflict({ jobId: job.id, choice });
    setBusy(null);
    setConfirmingDiscard(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    adoptServerState(result.value);
    // The choice may have queued or discarded entries, and the jobs list shows the flag.
    outboxMoved();
    changed('workflowChanged', { jobIds: [job.id] });
  };

  return (
    <section className="conflict-banner" role="alert" aria-labelledby="conflict-title" data-testid="conflict-banner" data-order-status={conflict.orderStatus}>
      <div className="conflict-banner__body">
        <strong id="conflict-title" className="conflict-banner__title">
          The order changed on the server{' '}
          <Chip tone="red" testId="conflict-status">
            {conflict.orderStatus === 'gone' ? 'No longer pending' : statusLabel(conflict.orderStatus)}
          </Chip>
        </strong>
        <span data-testid="conflict-message">{conflict.message}</span>
        {error && (
          <span className="form-field__error" data-testid="conflict-error">
            {error}
          </span>
        )}
      </div>
      <div className="conflict-banner__actions">
        <button type="button" className="button button--small" disabled={busy !== null} onClick={() => void choose('upload')} data-testid="conflict-upload">
          {busy === 'upload' && <Spinner small />}
          Upload anyway
        </button>
        <button type="button" className="button button--small button--primary" disabled={busy !== null} onClick={() => void choose('keep')} data-testid="conflict-keep">
          {busy === 'keep' && <Spinner small />}
          Keep locally
        </button>
        <button type="button" className="button button--small button--danger" disabled={busy !== null} onClick={() => setConfirmingDiscard(true)} data-testid="conflict-discard">
          Discard waiting uploads
        </button>
      </div>
      {confirmingDiscard && (
        <ConfirmDialog
          title="Discard what waits to be sent?"
          confirmLabel="Discard waiting uploads"
          tone="danger"
          busy={busy === 'discard'}
          testId="conflict-discard-dialog"
          onClose={() => setConfirmingDiscard(false)}
          onConfirm={() => void choose('discard')}
        >
          <p>
            Every upload and status change of {job.order.orderNumber} still in the outbox is marked discarded and will not be sent. The layout,
            the documents and the package folder stay on this machine.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
