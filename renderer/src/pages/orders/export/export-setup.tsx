import { useId, useState } from 'react';
import { orderKeyString } from '../../../../../shared/domain/order.types';
import { isCalendarDate } from '../../../../../shared/domain/calendar-date';
import type { SelectedOrder } from '../../../state/order-selection.store';
import { plural } from '../../../lib/format';

const SHOWN_ORDERS = 24;

/** What will be exported, and the one setting that applies to all of it: an optional date of location. */
export function ExportSetup({
  orders,
  starting,
  onStart,
  onCancel,
}: {
  orders: SelectedOrder[];
  starting: boolean;
  onStart: (dateOfLocation: string | null) => void;
  onCancel: () => void;
}) {
  const [date, setDate] = useState('');
  const [touched, setTouched] = useState(false);
  const id = useId();
  const problem = date.trim() && !isCalendarDate(date.trim()) ? 'Use a real date (YYYY-MM-DD), or leave it empty.' : null;

  return (
    <form
      className="export-setup"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!problem && orders.length > 0) onStart(date.trim() || null);
      }}
    >
      <p>
        <strong data-testid="export-order-count">{plural(orders.length, 'order')}</strong> selected. Each becomes a package folder:
        orders with a fulfilment job use its layout and claimant, the others their claims as drawn. An order that cannot
        be fulfilled is skipped with the reasons; the others go on.
      </p>
      <ul className="export-setup__orders" aria-label="Selected orders">
        {orders.slice(0, SHOWN_ORDERS).map((order) => (
          <li key={orderKeyString(order)} className="mono">
            {order.orderNumber}
          </li>
        ))}
        {orders.length > SHOWN_ORDERS && <li className="muted">+{orders.length - SHOWN_ORDERS} more</li>}
      </ul>
      <div className="form-field">
        <label htmlFor={id}>Date of location for all (optional)</label>
        <input
          id={id}
          type="text"
          value={date}
          placeholder="YYYY-MM-DD"
          maxLength={10}
          aria-invalid={touched && problem ? true : undefined}
          aria-describedby={`${id}-hint ${id}-error`}
          data-testid="export-date"
          onChange={(event) => setDate(event.target.value)}
          onBlur={() => setTouched(true)}
        />
        <span id={`${id}-hint`} className="form-field__hint muted">
          Replaces each order’s own date in this export. Empty keeps each order’s date (or a line to fill in).
        </span>
        <span id={`${id}-error`} className="form-field__error" role={touched && problem ? 'alert' : undefined}>
          {touched ? problem : null}
        </span>
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={starting || orders.length === 0} data-testid="export-start">
          {starting ? 'Starting…' : `Export ${plural(orders.length, 'package')}`}
        </button>
      </div>
    </form>
  );
}
