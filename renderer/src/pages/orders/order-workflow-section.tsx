import { orderKeyString, type OrderDetail } from '../../../../shared/domain/order.types';
import { plural } from '../../lib/format';
import { useOrdersStore } from '../../state/orders.store';
import { DueDate, PaymentChip, ProgressMeter, WorkflowStateChip } from '../../widgets/workflow/workflow-chips';
import { useOrderJobWorkflow } from './use-order-job-workflow.hook';

/** Payment, fulfilment state, progress, target date and possible duplicates of the opened order. */
export function OrderWorkflowSection({ order }: { order: OrderDetail }) {
  const workflow = useOrderJobWorkflow(order.jobId);
  const openOrder = useOrdersStore((state) => state.openOrder);
  // Main says why (the server's payment field, the order status, or kept from an earlier sync).
  const detail = workflow?.paymentDetail ?? order.paymentDetail;
  const percent = order.claimCount > 0 ? Math.min(100, Math.round((order.claimsDelivered / order.claimCount) * 100)) : 0;
  const duplicates = order.duplicates;

  return (
    <section className="details__section" data-testid="details-workflow">
      <h3>Fulfilment</h3>
      <dl className="facts">
        <dt>Payment</dt>
        <dd data-testid="details-payment">
          <PaymentChip state={order.paymentState} detail={detail} />
          <span className="details__note muted">{detail}</span>
        </dd>
        <dt>Work</dt>
        <dd data-testid="details-workflow-state">
          {order.workflowState ? <WorkflowStateChip state={order.workflowState} /> : <span className="muted">Not pulled yet</span>}
          {workflow?.stale.stale && (
            <span className="chip chip--amber details__inline-chip" title="Nobody touched this job for a while">
              Stale
            </span>
          )}
        </dd>
        <dt>Progress</dt>
        <dd data-testid="details-progress">
          <ProgressMeter delivered={order.claimsDelivered} purchased={order.claimCount} testId="details-progress-meter" />
          <span className="details__note">
            {order.claimsDelivered} of {plural(order.claimCount, 'claim')} delivered ({percent} %)
          </span>
        </dd>
        <dt>Target</dt>
        <dd data-testid="details-target">
          <DueDate targetDate={order.targetDate} daysRemaining={order.daysRemaining} overdue={order.overdue} withDays />
        </dd>
        <dt>Duplicates</dt>
        <dd data-testid="details-duplicates">
          {order.duplicateCount === 0 ? (
            <span className="muted">None found</span>
          ) : (
            <ul className="duplicate-list">
              {duplicates.map((duplicate) => (
                <li key={orderKeyString(duplicate.other)} data-testid="details-duplicate">
                  <button type="button" className="button--link" onClick={() => void openOrder(duplicate.other)} title="Open that order">
                    {duplicate.otherOrderNumber}
                  </button>{' '}
                  shares {Math.round(duplicate.share * 100)} % ({duplicate.overlapAcres.toFixed(1)} ac)
                  {duplicate.claims.length > 0 && (
                    <span className="muted">
                      {' '}
                      · {duplicate.claims.slice(0, 3).map((pair) => `${pair.mine} ↔ ${pair.theirs}`).join(', ')}
                      {duplicate.claims.length > 3 ? ` and ${duplicate.claims.length - 3} more` : ''}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}
