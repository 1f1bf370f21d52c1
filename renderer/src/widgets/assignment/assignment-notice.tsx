/**
 * The order panel's word on who works the order, and what this desk can do about it when it has the order's job:
 * - another staff member holds it: the sentence every desk shows; a manager or admin takes it over here with a
 *   reason (logged like every override); without a job here, the Pull button offers the same take-over;
 * - this desk's user holds it: Release, so another desk can take it up;
 * - nobody holds it (released, expired, or the pull's claim was lost): Claim, so other desks see it is worked.
 * Each is queued like a status change and sent when the network allows. A server that keeps no desk claims gets
 * none of this: the order is worked here without a claim.
 */
import { useState } from 'react';
import type { OrderKey, OrderSummary } from '../../../../shared/domain/order.types';
import { beingWorkedBy, sinceDate } from '../../../../shared/assignment/assignment-text';
import { api } from '../../api/client';
import { changed } from '../../api/queries';
import { Notice } from '../notice';
import { ReasonDialog } from '../workflow/reason-dialog';
import { useCanOverride } from '../workflow/use-can-override.hook';
import { useHeldByOther } from './held-by';

type Holder = OrderSummary['assignedTo'];

interface AssignmentNoticeProps {
  orderKey: OrderKey;
  holder: Holder;
  /** This desk has the order's job, open (not delivered or cancelled). */
  openJob: boolean;
  hasJob: boolean;
  /** The bound server keeps desk claims (see OrderDetail.deskAssignment). */
  deskAssignment: boolean;
}

type Call = typeof api.claimOrder | typeof api.releaseOrder;

/** Runs one assignment command; answers the sentence to show under the notice (main's refusal, or what was queued). */
function useAssignmentCall() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const run = async (call: () => ReturnType<Call>): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: result.error.message, error: true });
      return false;
    }
    if (result.value.queued === null && !result.value.unsupported) setMessage({ text: 'Already on its way to the server.', error: false });
    changed('workflowChanged', { jobIds: [result.value.jobId] });
    return true;
  };
  return { busy, message, run };
}

function CallMessage({ message }: { message: { text: string; error: boolean } | null }) {
  if (!message) return null;
  return message.error ? <span role="alert" data-testid="assignment-error"> {message.text}</span> : <span role="status"> {message.text}</span>;
}

export function AssignmentNotice({ orderKey, holder, openJob, hasJob, deskAssignment }: AssignmentNoticeProps) {
  const other = useHeldByOther(holder);
  const canOverride = useCanOverride();
  const { busy, message, run } = useAssignmentCall();
  const [takingOver, setTakingOver] = useState(false);

  if (other) {
    const offerTakeOver = openJob && canOverride;
    return (
      <>
        <Notice
          tone="warning"
          testId="held-by-notice"
          title={`${beingWorkedBy(other)}.`}
          actions={
            offerTakeOver && (
              <button type="button" className="button button--small" onClick={() => setTakingOver(true)} disabled={busy} data-testid="take-over-order">
                Take over…
              </button>
            )
          }
        >
          {hasJob
            ? 'This desk has the order’s job, but the order is claimed at another desk; a manager or admin can take it over with a reason.'
            : 'A staff member cannot pull it here; a manager or admin can take it over with a reason.'}
          {!takingOver && <CallMessage message={message} />}
        </Notice>
        {takingOver && (
          <ReasonDialog
            title="Take this order over?"
            confirmLabel="Take over"
            required
            label="Why the order changes hands"
            placeholder="e.g. out this week; the customer needs the package by Friday"
            busy={busy}
            error={message?.error ? message.text : null}
            testId="take-over-dialog"
            onClose={() => setTakingOver(false)}
            onConfirm={(reason) => {
              if (reason) void run(() => api.claimOrder({ ...orderKey, takeOver: { reason } })).then((ok) => ok && setTakingOver(false));
            }}
          >
            <p>{beingWorkedBy(other)}. Taking it over tells them, and is recorded in the job’s history with your name and the reason.</p>
          </ReasonDialog>
        )}
      </>
    );
  }
  if (!hasJob || !deskAssignment) return null;
  if (!holder) {
    if (!openJob) return null;
    return (
      <Notice
        tone="info"
        testId="unclaimed-notice"
        title="No desk has claimed this order."
        actions={
          <button type="button" className="button button--small" onClick={() => void run(() => api.claimOrder(orderKey))} disabled={busy} data-testid="claim-order">
            Claim
          </button>
        }
      >
        Other desks do not see that it is worked here; claim it so they do.
        <CallMessage message={message} />
      </Notice>
    );
  }
  return (
    <Notice
      tone="info"
      testId="claimed-notice"
      title={`Claimed by you since ${sinceDate(holder.since)}.`}
      actions={
        <button type="button" className="button button--small" onClick={() => void run(() => api.releaseOrder(orderKey))} disabled={busy} data-testid="release-order">
          Release
        </button>
      }
    >
      Other desks see that you work this order; release it to let another desk take it up.
      <CallMessage message={message} />
    </Notice>
  );
}
