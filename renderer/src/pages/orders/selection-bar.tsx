import { useEffect } from 'react';
import { formatCount, plural } from '../../lib/format';
import { ProgressBar } from '../../widgets/progress-bar';
import { ExportDialog } from './export/export-dialog';
import { useExportStore } from '../../state/export.store';
import { useOrderSelection } from '../../state/order-selection.store';

/** A running or finished export, visible from the queue even with the dialog closed. */
function ExportStatus() {
  const running = useExportStore((state) => state.running);
  const progress = useExportStore((state) => state.progress);
  const report = useExportStore((state) => state.report);
  const dismissed = useExportStore((state) => state.dismissed);
  const open = useExportStore((state) => state.open);
  if (running && progress) {
    return (
      <span className="selection-bar__export" data-testid="export-status">
        Exporting {formatCount(progress.done)} of {formatCount(progress.total)}
        <ProgressBar done={progress.done} total={progress.total} />
        <button type="button" className="button button--link" onClick={open}>
          Show
        </button>
      </span>
    );
  }
  if (report && !dismissed) {
    return (
      <span className="selection-bar__export" data-testid="export-status">
        {report.cancelled ? 'Export cancelled' : 'Export finished'}
        <button type="button" className="button button--link" onClick={open}>
          See the report
        </button>
      </span>
    );
  }
  return null;
}

/** Above the queue when orders are ticked (or an export is under way): how many, and what to do with them. */
export function SelectionBar() {
  const count = useOrderSelection((state) => Object.keys(state.selected).length);
  const clear = useOrderSelection((state) => state.clear);
  const dialogOpen = useExportStore((state) => state.dialogOpen);
  const exportActive = useExportStore((state) => state.running || (state.report !== null && !state.dismissed));
  const { open, refresh } = useExportStore.getState();

  // An export started earlier (before a reload, or before staff went off to a job) is picked up again here.
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (count === 0 && !exportActive && !dialogOpen) return null;
  return (
    <div className="selection-bar" role="region" aria-label="Selected orders" data-testid="selection-bar">
      {count > 0 ? (
        <>
          <strong data-testid="selection-count">{plural(count, 'order')} selected</strong>
          <button type="button" className="button button--link" onClick={clear} data-testid="selection-clear">
            Clear selection
          </button>
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => {
              useExportStore.getState().newExport();
              open();
            }}
            data-testid="export-packages"
          >
            Export packages…
          </button>
        </>
      ) : (
        <span className="muted">Tick orders to export their staking packages.</span>
      )}
      <span className="selection-bar__end">
        <ExportStatus />
      </span>
      {dialogOpen && <ExportDialog />}
    </div>
  );
}
