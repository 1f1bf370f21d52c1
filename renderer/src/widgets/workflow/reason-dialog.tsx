import { useId, useState, type ReactNode } from 'react';
import { MIN_OVERRIDE_REASON_LENGTH } from '../../../../shared/workflow/workflow.types';
import { ConfirmDialog } from '../confirm-dialog';

type ReasonDialogProps = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  /** An override needs a reason (it is logged with who and why); a hold or a cancellation only may have one. */
  required: boolean;
  label: string;
  placeholder: string;
  busy: boolean;
  /** Main's refusal, said as main wrote it. */
  error: string | null;
  onConfirm: (reason: string | null) => void;
  onClose: () => void;
  testId: string;
};

/** A workflow decision that is logged: what it does, and the reason that goes into the job's history. */
export function ReasonDialog({ title, children, confirmLabel, tone = 'primary', required, label, placeholder, busy, error, onConfirm, onClose, testId }: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const id = useId();
  const trimmed = reason.trim();
  const tooShort = required && trimmed.length < MIN_OVERRIDE_REASON_LENGTH;
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      tone={tone}
      canConfirm={!tooShort}
      busy={busy}
      error={error}
      testId={testId}
      onClose={onClose}
      onConfirm={() => onConfirm(trimmed === '' ? null : trimmed)}
    >
      {children}
      <div className="form-field">
        <label htmlFor={id}>
          {label}
          {required ? <span className="form-field__required"> (required)</span> : <span className="muted"> (optional)</span>}
        </label>
        <textarea
          id={id}
          rows={2}
          maxLength={500}
          value={reason}
          placeholder={placeholder}
          aria-describedby={required ? `${id}-hint` : undefined}
          onChange={(event) => setReason(event.target.value)}
          data-testid={`${testId}-reason`}
        />
        {required && (
          <span id={`${id}-hint`} className="form-field__hint muted">
            At least {MIN_OVERRIDE_REASON_LENGTH} characters; kept in the job’s history with your name.
          </span>
        )}
      </div>
    </ConfirmDialog>
  );
}
