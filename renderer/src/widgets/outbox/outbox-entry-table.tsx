import { useState } from 'react';
import type { OutboxEntryView } from '../../../../shared/outbox/outbox.types';
import { Chip } from '../chip';
import { ConfirmDialog } from '../confirm-dialog';
import { RelativeTime } from '../relative-time';
import { Spinner } from '../spinner';
import { NextAttempt } from './next-attempt';
import { canDiscard, canRetry, STATE_LABELS, STATE_TONES } from '../../state/outbox-states';
import { useOutboxStore } from '../../state/outbox.store';

type OutboxEntryTableProps = {
  entries: OutboxEntryView[];
  /** The outbox page lists every order; a job's Upload step only its own. */
  showOrder?: boolean;
  onOpenJob?: (jobId: number) => void;
  label: string;
};

function StateCell({ entry }: { entry: OutboxEntryView }) {
  return (
    <td className="outbox-table__state">
      <Chip tone={STATE_TONES[entry.state]} testId="entry-state">
        {entry.state === 'sending' && <Spinner small />}
        {STATE_LABELS[entry.state]}
      </Chip>
      {entry.state === 'done' && entry.doneAt && (
        <span className="outbox-table__when muted">
          <RelativeTime iso={entry.doneAt} />
        </span>
      )}
    </td>
  );
}

function EntryActions({ entry, onDiscard }: { entry: OutboxEntryView; onDiscard: () => void }) {
  const pending = useOutboxStore((state) => state.pending[entry.id]);
  const retry = useOutboxStore((state) => state.retry);
  return (
    <td className="outbox-table__actions">
      {canRetry(entry.state) && (
        <button type="button" className="button button--small" disabled={pending !== undefined} onClick={() => void retry(entry.id)} data-testid="entry-retry">
          {pending === 'retry' ? 'Retrying…' : entry.state === 'retry' ? 'Retry now' : 'Retry'}
        </button>
      )}
      {canDiscard(entry.state) && (
        <button type="button" className="button button--small button--danger" disabled={pending !== undefined} onClick={onDiscard} data-testid="entry-discard">
          Discard
        </button>
      )}
    </td>
  );
}

/** Uploads and status changes owed to the server: what, how it stands, how often tried, when next, and why not yet. */
export function OutboxEntryTable({ entries, showOrder = false, onOpenJob, label }: OutboxEntryTableProps) {
  const actionError = useOutboxStore((state) => state.actionError);
  const discard = useOutboxStore((state) => state.discard);
  const [confirming, setConfirming] = useState<OutboxEntryView | null>(null);

  return (
    <>
      <table className="outbox-table" aria-label={label} data-testid="outbox-table">
        <thead>
          <tr>
            {showOrder && <th scope="col">Order</th>}
            <th scope="col">What</th>
            <th scope="col">State</th>
            <th scope="col" className="num">Attempts</th>
            <th scope="col">Next attempt</th>
            <th scope="col">Last error</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.id}
              className={`outbox-table__row outbox-table__row--${entry.state}`}
              data-testid="outbox-entry"
              data-entry-id={entry.id}
              data-state={entry.state}
              data-kind={entry.kind}
              data-order-number={entry.orderNumber}
            >
              {showOrder && (
                <td className="mono">
                  {onOpenJob && entry.jobId !== null ? (
                    <button type="button" className="button--link outbox-table__order" onClick={() => entry.jobId !== null && onOpenJob(entry.jobId)} title="Open the job">
                      {entry.orderNumber}
                    </button>
                  ) : (
                    entry.orderNumber
                  )}
                </td>
              )}
              <td>
                <span className="outbox-table__summary" data-testid="entry-summary">
                  {entry.summary}
                </span>
                <span className="outbox-table__when muted">
                  queued <RelativeTime iso={entry.createdAt} />
                </span>
              </td>
              <StateCell entry={entry} />
              <td className="num" data-testid="entry-attempts">
                {entry.attempts}
              </td>
              <td>{entry.state === 'retry' && entry.nextAttemptAt ? <NextAttempt iso={entry.nextAttemptAt} /> : <span className="muted">—</span>}</td>
              <td className="outbox-table__error" data-testid="entry-last-error">
                {entry.waitReason && (
                  <span className="outbox-table__wait muted" data-testid="entry-wait-reason">
                    {entry.waitReason}{' '}
                  </span>
                )}
                {entry.lastError ?? (entry.waitReason ? null : <span className="muted">—</span>)}
                {actionError?.id === entry.id && (
                  <span className="form-field__error" role="alert">
                    {actionError.error.message}
                  </span>
                )}
              </td>
              <EntryActions entry={entry} onDiscard={() => setConfirming(entry)} />
            </tr>
          ))}
        </tbody>
      </table>
      {confirming && (
        <ConfirmDialog
          title={`Discard this ${confirming.kind === 'upload' ? 'upload' : 'status change'}?`}
          confirmLabel="Discard"
          tone="danger"
          testId="discard-dialog"
          onClose={() => setConfirming(null)}
          onConfirm={() => {
            const id = confirming.id;
            setConfirming(null);
            void discard(id);
          }}
        >
          <p>
            <strong>{confirming.summary}</strong> for {confirming.orderNumber} will not be sent. It stays listed as discarded; the job, its
            documents and the local order status are kept.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
