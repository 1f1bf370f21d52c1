import { useEffect, useId, useRef, type ReactNode } from 'react';

type ConfirmDialogProps = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Danger for what cannot be taken back (cancelling an order, discarding what waits to be sent). */
  tone?: 'primary' | 'danger';
  /** False while a required field (a reason) is still empty. */
  canConfirm?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
};

/**
 * A question before an action that changes what the server will be told. A native modal <dialog>: focus is
 * trapped, Escape closes it, and the page behind cannot be clicked by mistake.
 */
export function ConfirmDialog({ title, children, confirmLabel, tone = 'primary', canConfirm = true, busy = false, error, onConfirm, onClose, testId }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={ref} className="dialog confirm-dialog" aria-labelledby={`${id}-title`} data-testid={testId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (canConfirm && !busy) onConfirm();
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="confirm-dialog__body">{children}</div>
        {error && (
          <p className="form-field__error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} data-testid="confirm-dialog-cancel">
            Keep as it is
          </button>
          <button
            type="submit"
            className={tone === 'danger' ? 'button button--danger-solid' : 'button button--primary'}
            disabled={!canConfirm || busy}
            data-testid="confirm-dialog-confirm"
          >
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
