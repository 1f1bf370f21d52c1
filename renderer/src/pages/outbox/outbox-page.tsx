import { useState } from 'react';
import { OUTBOX_STATES } from '../../../../shared/outbox/outbox.types';
import { Notice } from '../../widgets/notice';
import { Spinner } from '../../widgets/spinner';
import { formatCount } from '../../lib/format';
import { useJobStore } from '../../state/job.store';
import { OutboxEntryTable } from '../../widgets/outbox/outbox-entry-table';
import { OutboxNotices } from '../../widgets/outbox/outbox-notices';
import { openCount, STATE_LABELS } from '../../state/outbox-states';
import { useOutboxStore, type SendReport } from '../../state/outbox.store';
import { useOutboxEntries } from './use-outbox-entries.hook';

function sendReportText(report: SendReport): string {
  if (report.stoppedBy === 'signed-out') return 'Nothing was sent: sign in first.';
  if (report.stoppedBy === 'paused-auth') return 'Sending stopped: the server refused the sign-in. Sign in again to continue.';
  if (report.sent === 0) return 'Nothing was due. Entries waiting to retry go at their next attempt; “Retry now” sends one at once.';
  return `Sent ${formatCount(report.sent)}: ${formatCount(report.delivered)} delivered.`;
}

/** "3 waiting · 1 failed · 12 delivered": every state that has entries, in the queue's own order. */
function CountsLine({ counts }: { counts: Record<string, number> }) {
  const parts = OUTBOX_STATES.filter((state) => (counts[state] ?? 0) > 0).map((state) => `${formatCount(counts[state] ?? 0)} ${STATE_LABELS[state].toLowerCase()}`);
  return (
    <span className="muted" data-testid="outbox-counts">
      {parts.length > 0 ? parts.join(' · ') : 'Nothing has been queued yet'}
    </span>
  );
}

/** Everything ClaimDesk owes the server, across every job: what it is, how it stands, and what a person can do. */
export function OutboxPage() {
  const [includeClosed, setIncludeClosed] = useState(false);
  const { entries, loaded, error } = useOutboxEntries(includeClosed);
  const counts = useOutboxStore((state) => state.counts);
  const sending = useOutboxStore((state) => state.sending);
  const lastSend = useOutboxStore((state) => state.lastSend);
  const actionError = useOutboxStore((state) => state.actionError);
  const sendNow = useOutboxStore((state) => state.sendNow);
  const openJob = useJobStore((state) => state.openJob);
  const open = openCount(counts);

  return (
    <section className="outbox-page" data-testid="outbox-page" aria-labelledby="outbox-title">
      <div className="outbox-page__bar">
        <div className="outbox-page__heading">
          <h2 id="outbox-title">Outbox</h2>
          <CountsLine counts={counts} />
        </div>
        <div className="outbox-page__tools">
          <div className="segmented" role="group" aria-label="Show">
            <button type="button" className="segmented__button" aria-pressed={!includeClosed} onClick={() => setIncludeClosed(false)} data-testid="outbox-filter-open">
              Open ({formatCount(open)})
            </button>
            <button type="button" className="segmented__button" aria-pressed={includeClosed} onClick={() => setIncludeClosed(true)} data-testid="outbox-filter-all">
              All
            </button>
          </div>
          <button type="button" className="button button--primary" disabled={sending} onClick={() => void sendNow()} data-testid="outbox-send-now">
            {sending && <Spinner small />}
            {sending ? 'Sending…' : 'Send now'}
          </button>
        </div>
      </div>
      <p className="outbox-page__intro muted">
        Package uploads and order status changes are kept here until the server has them: sent oldest first per order, every 15 seconds
        while ClaimDesk is open and right after each change. Nothing is removed by itself.
      </p>
      <OutboxNotices waiting={open} paused={counts['paused'] ?? 0} />
      {lastSend && (
        <p className="outbox-page__result" role="status" data-testid="outbox-send-result">
          {sendReportText(lastSend)}
        </p>
      )}
      {actionError && actionError.id === null && (
        <Notice tone="error" live="assertive" title="Sending failed.">
          {actionError.error.message}
        </Notice>
      )}
      {error && (
        <Notice tone="error" live="assertive" title="Could not list the outbox.">
          {error.message}
        </Notice>
      )}
      {!loaded ? (
        <div className="empty-state">
          <Spinner /> Loading the outbox…
        </div>
      ) : entries.length === 0 ? (
        <div className="empty-state" data-testid="outbox-empty">
          <h2>{includeClosed ? 'Nothing has been queued yet' : 'Nothing is waiting to be sent'}</h2>
          <p>Queue a package on a job’s Upload step, or change an order’s status from the job header.</p>
        </div>
      ) : (
        <OutboxEntryTable entries={entries} showOrder onOpenJob={(jobId) => void openJob(jobId)} label="Outbox entries" />
      )}
    </section>
  );
}
