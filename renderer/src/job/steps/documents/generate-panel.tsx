import { DEFAULT_DOCUMENT_KINDS, DOCUMENT_FILES, DOCUMENT_KINDS, type DocumentKind } from '../../../../../shared/documents/package-files';
import type { ErrorInfo } from '../../../../../shared/errors';
import { Notice } from '../../../widgets/notice';
import { RelativeTime } from '../../../widgets/relative-time';
import { Spinner } from '../../../widgets/spinner';
import { formatDateTime } from '../../../lib/format';
import { CopyPath } from '../../../widgets/copy-path';
import { useDocumentsStore, usePackage } from '../../../state/documents.store';
import { ProgressBar } from '../../../widgets/progress-bar';

const NOT_READY_PREFIX = /^The package cannot be made yet:\s*/;

function documentTitle(kind: string): string {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind) ? DOCUMENT_FILES[kind as DocumentKind].title : kind;
}

/** "Not ready" lists every reason in one message; one per line is easier to work through. */
function reasonsOf(error: ErrorInfo): string[] {
  if (error.code !== 'not-ready') return [error.message];
  const reasons = error.message.replace(NOT_READY_PREFIX, '').split(/(?<=[.!?])\s+(?=[A-Z'"‘“])/);
  return reasons.filter((reason) => reason.trim() !== '');
}

function GenerateError({ error }: { error: ErrorInfo }) {
  const reasons = reasonsOf(error);
  const title = error.code === 'not-ready' ? 'The package cannot be made yet:' : 'The package could not be generated.';
  return (
    <div className="step-problems generate__error" role="alert" data-testid="generate-error">
      <strong>{title}</strong>
      {reasons.length === 1 && error.code !== 'not-ready' ? (
        <p>{reasons[0]}</p>
      ) : (
        <ul>
          {reasons.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Progress() {
  const progress = useDocumentsStore((state) => state.progress);
  const total = progress?.total ?? DEFAULT_DOCUMENT_KINDS.length;
  const done = progress?.done ?? 0;
  const label = progress ? `${documentTitle(progress.document)} (${done} of ${total})` : `Starting… (0 of ${total})`;
  return (
    <div className="generate__progress" data-testid="generate-progress">
      <span className="generate__progress-label">
        <Spinner small /> {label}
      </span>
      <ProgressBar done={done} total={total} label="Generating the package" wide />
    </div>
  );
}

/** Generate or regenerate, its progress and problems, and where the current package is. */
export function GeneratePanel() {
  const jobId = useDocumentsStore((state) => state.jobId);
  const { pkg, loaded, error: loadError } = usePackage(jobId ?? undefined);
  const generating = useDocumentsStore((state) => state.generating);
  const generateError = useDocumentsStore((state) => state.generateError);
  const folder = useDocumentsStore((state) => state.folder);
  const folderError = useDocumentsStore((state) => state.folderError);
  const { generate, openFolder } = useDocumentsStore.getState();

  return (
    <section className="generate" aria-labelledby="generate-title" data-testid="generate-panel">
      <div className="generate__head">
        <h4 id="generate-title" className="step-page__subtitle">Staking package</h4>
        <button
          type="button"
          className={pkg ? 'button' : 'button button--primary'}
          disabled={generating || !loaded}
          onClick={() => void generate()}
          data-testid="generate-package"
        >
          {generating ? 'Generating…' : pkg ? 'Regenerate package' : 'Generate package'}
        </button>
      </div>
      {loadError && (
        <Notice tone="error" live="assertive" title="Could not read this job’s package.">
          {loadError.message}
        </Notice>
      )}
      {generating && <Progress />}
      {generateError && !generating && <GenerateError error={generateError} />}
      {!pkg && loaded && !generating && !generateError && (
        <p className="muted generate__empty">
          No package yet. Generating makes the location notices, corner cards, claim and field maps, the fees and deadlines
          sheet and the GPS files from this job.
        </p>
      )}
      {pkg && (
        <div className="generate__info" data-testid="package-info">
          <dl className="facts facts--wide">
            <dt>Generation</dt>
            <dd data-testid="package-generation">
              #{pkg.generation} · made <RelativeTime iso={pkg.generatedAt} /> <span className="muted">({formatDateTime(pkg.generatedAt)})</span>
            </dd>
            <dt>Folder</dt>
            <dd>
              <CopyPath path={pkg.folder} testId="package-folder" />
            </dd>
          </dl>
          <div className="generate__actions">
            <button type="button" className="button button--small" onClick={() => void openFolder()} data-testid="open-folder">
              Open folder
            </button>
            {folder && !folder.opened && (
              <span className="muted" data-testid="open-folder-unavailable">
                This window cannot open folders: copy the path above.
              </span>
            )}
            {folder?.opened && <span className="muted">Opened in the file manager.</span>}
            {folderError && <span className="form-field__error">{folderError.message}</span>}
          </div>
        </div>
      )}
    </section>
  );
}
