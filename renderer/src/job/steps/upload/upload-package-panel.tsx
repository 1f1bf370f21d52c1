import type { ErrorInfo } from '../../../../../shared/errors';
import type { PackageInfo } from '../../../../../shared/documents/package-info.types';
import type { Job } from '../../../../../shared/jobs/job.types';
import type { OutboxEntryView } from '../../../../../shared/outbox/outbox.types';
import { Chip } from '../../../widgets/chip';
import { RelativeTime } from '../../../widgets/relative-time';
import { Spinner } from '../../../widgets/spinner';
import { formatCount, formatDateTime, plural } from '../../../lib/format';
import { formatBytes } from '../../../lib/file-bytes';
import { STATE_LABELS } from '../../../state/outbox-states';

type UploadPackagePanelProps = {
  job: Job;
  pkg: PackageInfo | null;
  /** The latest upload that reached the server, if any. */
  delivered: OutboxEntryView | undefined;
  /** An upload still owed to the server. */
  waiting: OutboxEntryView | undefined;
  packageNotQueued: boolean;
  queueing: boolean;
  queueError: ErrorInfo | null;
  onQueue: () => void;
  onGoToDocuments: () => void;
};

function PackageFacts({ pkg, packageNotQueued }: { pkg: PackageInfo; packageNotQueued: boolean }) {
  const bytes = pkg.manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  return (
    <dl className="facts facts--wide">
      <dt>Generation</dt>
      <dd data-testid="upload-package-generation">
        #{pkg.generation} · made <RelativeTime iso={pkg.generatedAt} /> <span className="muted">({formatDateTime(pkg.generatedAt)})</span>
      </dd>
      <dt>Files</dt>
      <dd data-testid="upload-package-files">
        {plural(pkg.manifest.files.length, 'file')} and the manifest · {formatBytes(bytes)}
        {pkg.manifest.problems.length > 0 && <span className="muted"> · {formatCount(pkg.manifest.problems.length)} left out (see Documents)</span>}
      </dd>
      <dt>Outbox</dt>
      <dd>
        {packageNotQueued ? (
          <Chip tone="amber" testId="upload-package-not-queued">
            Not queued yet
          </Chip>
        ) : (
          <span className="muted">This generation has been queued</span>
        )}
      </dd>
    </dl>
  );
}

function ServerFacts({ job, delivered }: { job: Job; delivered: OutboxEntryView | undefined }) {
  const server = job.serverPackage;
  return (
    <dl className="facts facts--wide">
      <dt>Claim package</dt>
      <dd data-testid="server-package">
        {server ? (
          <>
            <strong data-testid="server-package-number">{server.number ?? `#${server.id}`}</strong> <span className="muted">(id {server.id})</span>
          </>
        ) : (
          <span className="muted">None yet: the first delivered upload creates it, and later uploads go to the same one.</span>
        )}
      </dd>
      <dt>Delivered</dt>
      <dd data-testid="upload-delivered">
        {delivered?.doneAt ? (
          <>
            <Chip tone="green">Delivered</Chip> <RelativeTime iso={delivered.doneAt} /> <span className="muted">· {delivered.summary}</span>
          </>
        ) : (
          <span className="muted">Nothing delivered yet</span>
        )}
      </dd>
    </dl>
  );
}

/**
 * Why main's workflow would refuse to queue now, as its view says (the machine's own message); null when it may be
 * queued, or while an upload is on its way (the hint below says that).
 */
function workflowBlock(job: Job): string | null {
  if (job.workflow.state === 'uploading') return null;
  const queue = job.workflow.events.find((event) => event.event === 'UPLOAD_QUEUED');
  return queue && queue.status !== 'allowed' ? queue.message : null;
}

/** What would be sent and what the server already has, with the one button that queues it. */
export function UploadPackagePanel(props: UploadPackagePanelProps) {
  const { job, pkg, delivered, waiting, packageNotQueued, queueing, queueError, onQueue, onGoToDocuments } = props;
  const blocked = pkg ? workflowBlock(job) : null;
  const primary = pkg !== null && blocked === null && waiting === undefined && (packageNotQueued || delivered === undefined);
  const hint = !pkg
    ? null
    : blocked
      ? blocked
      : waiting
      ? `An upload is already in the outbox (${STATE_LABELS[waiting.state].toLowerCase()}): it is sent before another can be queued.`
      : delivered && !packageNotQueued
        ? `Generation #${pkg.generation} was delivered. Regenerate it on the Documents step first if anything changed.`
        : null;

  return (
    <div className="upload-panels">
      <section className="upload-panel" aria-labelledby="upload-package-title" data-testid="upload-package">
        <h4 id="upload-package-title" className="step-page__subtitle">Staking package</h4>
        {pkg ? (
          <PackageFacts pkg={pkg} packageNotQueued={packageNotQueued} />
        ) : (
          <p className="muted" data-testid="upload-no-package">
            No package yet.{' '}
            <button type="button" className="button--link" onClick={onGoToDocuments}>
              Generate it on the Documents step
            </button>{' '}
            to upload it.
          </p>
        )}
        <div className="upload-panel__actions">
          <button
            type="button"
            className={primary ? 'button button--primary' : 'button'}
            disabled={!pkg || queueing || waiting !== undefined || blocked !== null}
            onClick={onQueue}
            data-testid="queue-upload"
          >
            {queueing && <Spinner small />}
            {delivered ? 'Upload again' : 'Queue upload'}
          </button>
          {hint && (
            <span className="muted" data-testid="upload-hint" data-workflow-block={blocked ? 'true' : undefined}>
              {hint}
            </span>
          )}
        </div>
        {queueError && (
          <p className="form-field__error" role="alert" data-testid="queue-upload-error">
            {queueError.message}
          </p>
        )}
      </section>
      <section className="upload-panel" aria-labelledby="upload-server-title" data-testid="upload-server">
        <h4 id="upload-server-title" className="step-page__subtitle">On the server</h4>
        <ServerFacts job={job} delivered={delivered} />
      </section>
    </div>
  );
}
