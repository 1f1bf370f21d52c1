import { Notice } from '../../../widgets/notice';
import { Spinner } from '../../../widgets/spinner';
import { useJobStore } from '../../../state/job.store';
import { usePackage } from '../../../state/documents.store';
import { useOrderStatus } from '../../use-order-status.hook';
import { OutboxEntryTable } from '../../../widgets/outbox/outbox-entry-table';
import { OutboxNotices } from '../../../widgets/outbox/outbox-notices';
import { isOpen } from '../../../state/outbox-states';
import { useWizardNav } from '../../use-wizard-nav.hook';
import { openUpload, uploadsOf, useJobEntries, useJobOutboxStore, usePackageNotQueued } from '../../../state/job-outbox.store';
import { UploadPackagePanel } from './upload-package-panel';
import { FilingsPanel } from './filings-panel';
import { isDeliveredState } from '../../../../../shared/workflow/workflow.types';

/**
 * The last step: queue this job's package for the server and follow it there. The outbox does the sending (now,
 * and again later while the server cannot be reached); this step shows how each upload and status change stands
 * and offers Retry and Discard. Entries are re-read after every outbox change (api/queries.ts).
 */
export function UploadStep() {
  const job = useJobStore((state) => state.job);
  const pkg = usePackage(job?.id).pkg;
  const { entries, loaded, error: loadError } = useJobEntries(job?.id);
  const packageNotQueued = usePackageNotQueued(job?.id);
  const queueing = useJobOutboxStore((state) => state.queueing && state.jobId === job?.id);
  const queueError = useJobOutboxStore((state) => (state.jobId === job?.id ? state.queueError : null));
  const queueUpload = useJobOutboxStore((state) => state.queueUpload);
  const { goTo } = useWizardNav();
  const order = useOrderStatus(job?.order.orderType ?? 'claim_order', job?.order.orderId ?? null);
  if (!job) return null;

  const uploads = uploadsOf(entries);
  const delivered = uploads.find((entry) => entry.state === 'done');
  const open = entries.filter((entry) => isOpen(entry.state));

  return (
    <div className="step-page upload-step" data-testid="upload-step">
      <div>
        <h3 className="step-page__title">Upload</h3>
        <p className="muted">
          Sends the staking package for {job.order.orderNumber} to the server, linked to the order’s claim package. It is copied into the
          outbox first, so it goes out even if the server cannot be reached right now or ClaimDesk is closed before it is sent.
        </p>
      </div>
      <UploadPackagePanel
        job={job}
        pkg={pkg}
        delivered={delivered}
        waiting={openUpload(entries)}
        packageNotQueued={packageNotQueued}
        queueing={queueing}
        queueError={queueError}
        onQueue={() => void queueUpload(job.id)}
        onGoToDocuments={() => void goTo('documents')}
      />
      {order?.status === 'on_hold' && (
        <Notice tone="warning" testId="upload-on-hold" title="This order is on hold.">
          The server refuses uploads for an order on hold: resume the job (“Resume” above) before queueing, or the upload waits for
          review.
        </Notice>
      )}
      {isDeliveredState(job.workflow.state) && <FilingsPanel job={job} />}
      <OutboxNotices waiting={open.length} paused={open.filter((entry) => entry.state === 'paused').length} />
      <section className="upload-entries" aria-labelledby="upload-entries-title">
        <h4 id="upload-entries-title" className="step-page__subtitle">
          Sent and waiting for this order{entries.length > 0 ? ` · ${entries.length}` : ''}
        </h4>
        {loadError && <p className="form-field__error">{loadError.message}</p>}
        {!loaded ? (
          <p className="muted">
            <Spinner small /> Reading the outbox…
          </p>
        ) : entries.length === 0 ? (
          <p className="muted" data-testid="upload-no-entries">
            Nothing queued for this order yet. Uploads, and the order status changes a hold, resume or cancellation sends, are listed
            here.
          </p>
        ) : (
          <OutboxEntryTable entries={entries} label={`Outbox entries for ${job.order.orderNumber}`} />
        )}
      </section>
    </div>
  );
}
