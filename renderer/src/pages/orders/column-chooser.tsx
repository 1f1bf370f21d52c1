/**
 * The queue's column chooser: which columns the table shows, beyond the order number. Staff on a narrow screen
 * hide what they do not need instead of scrolling; everything hidden is still in the order's details panel.
 */
import { usePopover } from '../../lib/use-popover.hook';
import { ORDER_COLUMNS } from './order-columns';
import { useQueueColumns } from './queue-columns.store';

export function ColumnChooser() {
  const { open, setOpen, rootRef, buttonRef, panelId, onKeyDown } = usePopover();
  const hidden = useQueueColumns((state) => state.hidden);
  const setShown = useQueueColumns((state) => state.setShown);
  const reset = useQueueColumns((state) => state.reset);
  const shown = ORDER_COLUMNS.length - hidden.length;
  return (
    <div className="column-chooser" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="column-chooser"
        title="Choose the columns the queue shows"
        onClick={() => setOpen(!open)}
      >
        Columns · {shown} of {ORDER_COLUMNS.length}
      </button>
      {open && (
        <fieldset id={panelId} className="column-chooser__panel" data-testid="column-chooser-panel">
          <legend className="visually-hidden">Columns shown</legend>
          {ORDER_COLUMNS.map((column) => (
            <label key={column.id} className="column-chooser__option">
              <input
                type="checkbox"
                checked={!hidden.includes(column.id)}
                disabled={column.id === 'orderNumber'}
                data-testid={`column-choice-${column.id}`}
                onChange={(event) => setShown(column.id, event.target.checked)}
              />
              {column.label}
            </label>
          ))}
          <button type="button" className="button button--link" data-testid="column-chooser-reset" onClick={reset}>
            Default columns
          </button>
        </fieldset>
      )}
    </div>
  );
}
