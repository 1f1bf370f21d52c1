import { useEffect, useId, useRef, useState } from 'react';
import { Notice } from '../../../widgets/notice';
import { Spinner } from '../../../widgets/spinner';
import { formatCount, plural } from '../../../lib/format';
import { api } from '../../../api/client';
import { CopyPath } from '../../../widgets/copy-path';
import { ProgressBar } from '../../../widgets/progress-bar';
import { selectedList, useOrderSelection } from '../../../state/order-selection.store';
import { ExportResults, outcomeCounts } from './export-results';
import { ExportSetup } from './export-setup';
import { exportView, useExportStore } from '../../../state/export.store';
import '../../../styles/export.css';

function ProgressView() {
  const progress = useExportStore((state) => state.progress);
  const results = useExportStore((state) => state.results);
  const cancelling = useExportStore((state) => state.cancelling);
  const { cancel, close } = useExportStore.getState();
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  return (
    <>
      <div className="export-progress" data-testid="export-progress">
        <div className="export-progress__line">
          <span>
            <Spinner small /> {cancelling ? 'Cancelling…' : 'Exporting…'}
          </span>
          <span className="export-progress__count" data-testid="export-progress-count">
            {formatCount(done)} of {formatCount(total)}
          </span>
        </div>
        <ProgressBar done={done} total={total} label="Export progress" wide />
        {progress?.outDir && <span className="muted export-progress__dir">Into {progress.outDir}</span>}
      </div>
      <ExportResults results={results} outDir={progress?.outDir ?? null} />
      <p className="muted export-hint">You can close this window: the export keeps running, and the queue shows how far it is.</p>
      <div className="dialog__actions">
        <button type="button" className="button button--danger" disabled={cancelling} onClick={() => void cancel()} data-testid="export-cancel">
          Cancel export
        </button>
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </>
  );
}

function SummaryView() {
  const report = useExportStore((state) => state.report);
  const { close, newExport } = useExportStore.getState();
  if (!report) return null;
  const counts = outcomeCounts(report.results);
  return (
    <>
      <div className={report.cancelled ? 'export-summary export-summary--cancelled' : 'export-summary'} data-testid="export-summary">
        <strong>{report.cancelled ? 'Export cancelled.' : 'Export finished.'}</strong>{' '}
        <span data-testid="export-summary-counts">
          {plural(counts.exported, 'package')} exported · {formatCount(counts.skipped)} skipped · {formatCount(counts.failed)} failed
          {counts.cancelled > 0 && ` · ${formatCount(counts.cancelled)} cancelled`}
        </span>
        <div className="export-summary__dir">
          <span className="muted">Output folder</span>
          <CopyPath path={report.outDir} testId="export-out-dir" />
          <OpenExportFolder outDir={report.outDir} />
        </div>
      </div>
      <ExportResults results={report.results} outDir={report.outDir} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={newExport} data-testid="export-new">
          New export
        </button>
        <button type="button" className="button button--primary" onClick={close} data-testid="export-close">
          Done
        </button>
      </div>
    </>
  );
}

/** Batch export: choose, run with progress and cancel, then a summary. Modal, but the run outlives it. */
export function ExportDialog() {
  const view = useExportStore(exportView);
  const error = useExportStore((state) => state.error);
  const starting = useExportStore((state) => state.starting);
  const selected = useOrderSelection((state) => state.selected);
  const { close, start } = useExportStore.getState();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const orders = selectedList(selected);
  const title = view === 'setup' ? 'Export staking packages' : view === 'running' ? 'Exporting staking packages' : 'Export report';

  return (
    <dialog ref={ref} className="dialog export-dialog" aria-labelledby={`${id}-title`} data-testid="export-dialog" data-view={view} onClose={close}>
      <h2 id={`${id}-title`}>{title}</h2>
      {error && (
        <Notice tone="error" live="assertive" title={view === 'setup' ? 'The export could not be started.' : 'The export did not answer.'} testId="export-error">
          {error.message}
        </Notice>
      )}
      {view === 'setup' && (
        <ExportSetup
          orders={orders}
          starting={starting}
          onCancel={close}
          onStart={(date) => void start(orders.map(({ orderType, id: orderId }) => ({ orderType, id: orderId })), date)}
        />
      )}
      {view === 'running' && <ProgressView />}
      {view === 'done' && <SummaryView />}
    </dialog>
  );
}

/** "Open folder" in the OS file manager; the browser host has none, so it says so and the path stays copyable. */
function OpenExportFolder({ outDir }: { outDir: string }) {
  const [note, setNote] = useState<string | null>(null);
  const open = async () => {
    const result = await api.openExportFolder({ outDir });
    if (!result.ok) setNote(result.error.message);
    else if (!result.value.opened) setNote('This window cannot open folders: copy the path instead.');
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void open()} data-testid="export-open-folder">
        Open folder
      </button>
      {note && <span className="muted" data-testid="export-open-note">{note}</span>}
    </>
  );
}
