import { useId, useState } from 'react';
import type { ErrorInfo } from '../../../../../shared/errors';
import type { JobPatch } from '../../../../../shared/jobs/job.types';
import { formatDateTime } from '../../../lib/format';
import { useJobStore } from '../../../state/job.store';
import { useCanOverride } from '../../../widgets/workflow/use-can-override.hook';
import { changed } from '../../../api/queries';

/** Main's refusal as main wrote it; for staff, also who can record the override instead, unless main said so. */
function Refusal({ error, canOverride }: { error: ErrorInfo; canOverride: boolean }) {
  const sayWho = error.code === 'forbidden' && !canOverride && !/manager or admin/i.test(error.message);
  return (
    <span className="form-field__error" role="alert" data-testid="capacity-override-error" data-code={error.code}>
      {error.message}
      {sayWho && ' A manager or admin must record this override: ask one to sign in to ClaimDesk and record it.'}
    </span>
  );
}

/**
 * More claims laid out than purchased blocks Next unless a manager or admin records why (e.g. the customer agreed
 * to pay the difference). The override is kept on the job with who and when, and in its history; it can be
 * withdrawn. Main checks the role; staff are told up front that it is not theirs to record.
 */
export function CapacityOverrideForm({ laidOut, purchased }: { laidOut: number; purchased: number }) {
  const override = useJobStore((state) => state.job?.capacityOverride ?? null);
  const decideOnJob = useJobStore((state) => state.decideOnJob);
  const canOverride = useCanOverride();
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<ErrorInfo | null>(null);
  const id = useId();
  const tooShort = reason.trim().length < 3;
  // The button says why it cannot be pressed yet, rather than refusing only after a reason was typed.
  const blockedBy = !canOverride ? 'Only a manager or admin can record this override.' : tooShort ? 'Give a reason of at least 3 characters.' : null;

  const decide = async (patch: JobPatch): Promise<boolean> => {
    setRefusal(null);
    const error = await decideOnJob(patch);
    setRefusal(error);
    // Logged in the job's history and queued for the server: both are read again.
    if (!error) changed('workflowChanged', { jobIds: [] });
    return error === null;
  };

  if (override) {
    return (
      <div className="override override--set" data-testid="capacity-override">
        <strong>Capacity override recorded</strong>
        <span>
          “{override.reason}” — {override.by || 'staff'}, {formatDateTime(override.at)}
        </span>
        <button type="button" className="button button--small" data-testid="capacity-override-clear" onClick={() => void decide({ capacityOverride: null })}>
          Withdraw override
        </button>
        {refusal && <Refusal error={refusal} canOverride={canOverride} />}
      </div>
    );
  }
  return (
    <form
      className="override"
      data-testid="capacity-override"
      onSubmit={(event) => {
        event.preventDefault();
        if (blockedBy === null) void decide({ capacityOverride: { reason: reason.trim() } }).then((ok) => ok && setReason(''));
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
          aria-describedby={`${id}-blocked`}
          onChange={(event) => setReason(event.target.value)}
        />
        <button
          type="submit"
          className="button button--small button--primary"
          data-testid="capacity-override-save"
          disabled={blockedBy !== null}
          title={blockedBy ?? undefined}
          aria-describedby={`${id}-blocked`}
        >
          Record override
        </button>
      </div>
      <span id={`${id}-blocked`} className="muted" data-testid={canOverride ? 'capacity-override-hint' : 'capacity-override-role'}>
        {blockedBy ?? ''}
      </span>
      {refusal && <Refusal error={refusal} canOverride={canOverride} />}
    </form>
  );
}
