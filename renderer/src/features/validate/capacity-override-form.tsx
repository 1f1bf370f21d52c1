import { useId, useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { useJobStore } from '../../stores/job.store';

/**
 * More claims laid out than purchased blocks Next unless a person records why (e.g. the customer agreed to pay
 * the difference). The override is kept on the job with who and when; it can be withdrawn.
 */
export function CapacityOverrideForm({ laidOut, purchased }: { laidOut: number; purchased: number }) {
  const override = useJobStore((state) => state.job?.capacityOverride ?? null);
  const patchJob = useJobStore((state) => state.patchJob);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const id = useId();
  const tooShort = reason.trim().length < 3;

  if (override) {
    return (
      <div className="override override--set" data-testid="capacity-override">
        <strong>Capacity override recorded</strong>
        <span>
          “{override.reason}” — {override.by || 'staff'}, {formatDateTime(override.at)}
        </span>
        <button type="button" className="button button--small" data-testid="capacity-override-clear" onClick={() => void patchJob({ capacityOverride: null })}>
          Withdraw override
        </button>
      </div>
    );
  }
  return (
    <form
      className="override"
      data-testid="capacity-override"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!tooShort) void patchJob({ capacityOverride: { reason: reason.trim() } }).then((ok) => ok && setReason(''));
      }}
    >
      <label htmlFor={id}>
        <strong>
          {laidOut} claims laid out, {purchased} purchased.
        </strong>{' '}
        To continue anyway, record why:
      </label>
      <div className="override__row">
        <input
          id={id}
          type="text"
          maxLength={500}
          value={reason}
          placeholder="e.g. customer approved 2 extra claims by phone"
          data-testid="capacity-override-reason"
          aria-invalid={touched && tooShort ? true : undefined}
          aria-describedby={`${id}-error`}
          onChange={(event) => setReason(event.target.value)}
        />
        <button type="submit" className="button button--small button--primary" data-testid="capacity-override-save">
          Record override
        </button>
      </div>
      <span id={`${id}-error`} className="form-field__error">
        {touched && tooShort ? 'Give a reason of at least 3 characters.' : ''}
      </span>
    </form>
  );
}
