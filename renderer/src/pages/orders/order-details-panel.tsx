import type { ReactNode } from 'react';
import type { ClaimantInfo } from '../../../../shared/api/geodb.schemas';
import { ORDER_TYPE_LABELS, type OrderDetail, type OrderIssue } from '../../../../shared/domain/order.types';
import { Chip } from '../../widgets/chip';
import { Notice } from '../../widgets/notice';
import { Spinner } from '../../widgets/spinner';
import { OrderStandingChips } from '../../widgets/status-chip';
import { deliveredByUs, packageLabel } from '../../../../shared/domain/order-delivered';
import { DRAWN_OVER_LIMITS_CODE } from '../../../../shared/claims/drawn-limits';
import { formatAcres, formatDateTime, plural } from '../../lib/format';
import { PullOrderButton } from '../../job/pull-order-button';
import { useOrdersStore } from '../../state/orders.store';
import { OrderWorkflowSection } from './order-workflow-section';
import { AssignmentNotice } from '../../widgets/assignment/assignment-notice';
import { isClosedState } from '../../../../shared/workflow/workflow.types';
import { CrewPanel } from '../../widgets/crew/crew-panel';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="details__section" data-testid={testId}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function IssueList({ issues, kind }: { issues: OrderIssue[]; kind: 'problem' | 'warning' }) {
  return (
    <ul className={`issues issues--${kind}`} data-testid={`order-${kind}s`}>
      {issues.map((issue, i) => (
        // The reason code is for tests and logs (data-code), never printed under a sentence for staff.
        <li key={`${issue.code}-${i}`} className="issues__item" data-code={issue.code}>
          {issue.claim && <strong className="issues__claim">{issue.claim}: </strong>}
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

function ClaimantBlock({ info, inJob }: { info: ClaimantInfo | null; inJob: boolean }) {
  const address = info ? [info.address_1, info.address_2, info.address_3].filter(Boolean) : [];
  if ((!info || (!info.claimant_name && address.length === 0)) && inJob) {
    return (
      <p className="muted" data-testid="claimant-in-job">
        The order came without a claimant; the job names one (see its Claimant step).
      </p>
    );
  }
  if (!info || (!info.claimant_name && address.length === 0)) {
    // Without a claimant the location notices cannot be filled in: this blocks fulfilment, so it shouts.
    return (
      <div className="claimant-needed" role="note" data-testid="claimant-needed">
        <strong>Claimant info needed</strong>
        <span>Ask the customer for the claimant name and mailing address before preparing documents.</span>
      </div>
    );
  }
  return (
    <address className="claimant" data-testid="claimant-info">
      <strong>{info.claimant_name || <span className="muted">No claimant name</span>}</strong>
      {address.map((line) => (
        <span key={line}>{line}</span>
      ))}
      {(info.district || info.monument_type) && (
        <span className="muted">
          {info.district ? `District: ${info.district}` : ''}
          {info.district && info.monument_type ? ' · ' : ''}
          {info.monument_type ? `Monument: ${info.monument_type}` : ''}
        </span>
      )}
    </address>
  );
}

function OrderDetails({ order }: { order: OrderDetail }) {
  const totalAcres = order.claims.reduce((sum, claim) => sum + claim.areaAcres, 0);
  const delivered = deliveredByUs(order);
  const overLimits = order.warnings.filter((issue) => issue.code === DRAWN_OVER_LIMITS_CODE);
  const warnings = order.warnings.filter((issue) => issue.code !== DRAWN_OVER_LIMITS_CODE);
  const deliveredPackage = delivered ? packageLabel(delivered) : null;
  return (
    <>
      <header className="details__header">
        <div className="details__title-row">
          <h2 data-testid="details-order-number">{order.orderNumber}</h2>
          <span className="details__type">{ORDER_TYPE_LABELS[order.orderType]}</span>
        </div>
        <div className="details__chips">
          <OrderStandingChips order={order} />
          {order.expedited && <Chip tone="red">Expedited</Chip>}
          {order.stakingService && <Chip tone="purple">Staking service</Chip>}
          {!delivered && order.claimPackageId !== null && (
            <Chip tone="blue" testId="package-chip">
              Package #{order.claimPackageId}
            </Chip>
          )}
        </div>
        <PullOrderButton orderKey={{ orderType: order.orderType, id: order.id }} orderNumber={order.orderNumber} order={order} />
      </header>

      {delivered && (
        <Notice tone="info" testId="delivered-notice" title={`Delivered${deliveredPackage ? ` as package ${deliveredPackage}` : ''}.`}>
          The staking package was uploaded from this desk on {formatDateTime(delivered.at)}
          {order.gone ? ', and the server has since taken the order off its pending list' : ''}.
        </Notice>
      )}
      {order.gone && !delivered && (
        <Notice tone="warning" testId="gone-notice" title="The server no longer lists this order.">
          It was probably fulfilled elsewhere or cancelled{order.goneAt ? ` (noticed ${formatDateTime(order.goneAt)})` : ''}. It is
          kept here for reference.
        </Notice>
      )}

      {order.problems.length > 0 && (
        <Section title={`Problems · ${order.problems.length}`} testId="details-problems">
          <IssueList issues={order.problems} kind="problem" />
        </Section>
      )}
      {overLimits.length > 0 && (
        <Section title={`Over the legal limits as drawn · ${overLimits.length}`} testId="details-over-limits">
          <p className="muted">These claims cannot be staked as drawn: lay out a grid over the order’s area instead.</p>
          <IssueList issues={overLimits} kind="problem" />
        </Section>
      )}
      {warnings.length > 0 && (
        <Section title={`Warnings · ${warnings.length}`} testId="details-warnings">
          <IssueList issues={warnings} kind="warning" />
        </Section>
      )}

      <AssignmentNotice
        orderKey={{ orderType: order.orderType, id: order.id }}
        holder={order.assignedTo}
        hasJob={order.jobId !== null}
        openJob={order.jobId !== null && !isClosedState(order.workflowState)}
        deskAssignment={order.deskAssignment}
      />

      <OrderWorkflowSection order={order} />
      {order.stakingService && <CrewPanel order={{ orderType: order.orderType, id: order.id }} />}

      <Section title="Customer">
        <dl className="facts">
          <dt>E-mail</dt>
          <dd>{order.customerEmail}</dd>
          <dt>Company</dt>
          <dd>{order.companyName || <span className="muted">—</span>}</dd>
          <dt>Project</dt>
          <dd>
            {order.projectName || <span className="muted">—</span>}
            {order.projectId !== null && <span className="muted"> (#{order.projectId})</span>}
          </dd>
          <dt>Created</dt>
          <dd>{formatDateTime(order.createdAt)}</dd>
          <dt>Package</dt>
          <dd data-testid="details-package">{packageText(order, deliveredPackage)}</dd>
        </dl>
      </Section>

      <Section title="Claimant" testId="details-claimant">
        <ClaimantBlock info={order.claimantInfo} inJob={order.jobHasClaimant} />
      </Section>

      <Section
        title={claimsTitle(order)}
        testId="details-claims"
      >
        {order.claims.length === 0 ? (
          <p className="muted">
            {order.polygonCount === 0 ? 'No claim geometry received.' : 'None of the received claims can be used yet: see the problems above.'}
          </p>
        ) : (
          <table className="claims-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Geometry</th>
                <th scope="col" className="num">
                  Area
                </th>
              </tr>
            </thead>
            <tbody>
              {order.claims.map((claim, i) => (
                <tr key={`${claim.name}-${i}`}>
                  <td>{claim.name}</td>
                  <td>{claim.geometryType}</td>
                  <td className="num">{formatAcres(claim.areaAcres)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Total
                </th>
                <td className="num">{formatAcres(totalAcres)}</td>
              </tr>
            </tfoot>
          </table>
        )}
      </Section>

      <Section title="Sync history">
        <dl className="facts">
          <dt>First seen</dt>
          <dd>{formatDateTime(order.firstSeenAt)}</dd>
          <dt>Last seen</dt>
          <dd>{formatDateTime(order.lastSeenAt)}</dd>
          {order.goneAt && (
            <>
              <dt>Gone since</dt>
              <dd>{formatDateTime(order.goneAt)}</dd>
            </>
          )}
        </dl>
      </Section>
    </>
  );
}

/** The right-hand panel: everything staff need to judge one order without leaving the queue. */
export function OrderDetailsPanel() {
  const openedKey = useOrdersStore((state) => state.openedKey);
  const detail = useOrdersStore((state) => state.detail);
  const loading = useOrdersStore((state) => state.detailLoading);
  const error = useOrdersStore((state) => state.detailError);
  const closeDetail = useOrdersStore((state) => state.closeDetail);

  return (
    <aside className="details" aria-label="Order details" data-testid="order-details" aria-busy={loading}>
      {openedKey && (
        <button type="button" className="details__close" onClick={closeDetail} aria-label="Close details" data-testid="details-close">
          ×
        </button>
      )}
      {openedKey && error && (
        <Notice tone="error" live="assertive" title="Could not load this order." testId="details-error">
          {error.message}
        </Notice>
      )}
      {openedKey && !detail && loading && (
        <div className="details__empty muted">
          <Spinner /> Loading order…
        </div>
      )}
      {detail && <OrderDetails order={detail} />}
    </aside>
  );
}

/** Purchased vs received vs usable: the three numbers staff reconcile before laying out claims. */
function claimsTitle(order: OrderDetail): string {
  const parts = [`${order.claimCount} ordered`];
  if (order.polygonCount !== order.claimCount) parts.push(`${plural(order.polygonCount, 'polygon')} received`);
  if (order.claims.length !== order.polygonCount) parts.push(`${order.claims.length} usable`);
  return `Claims · ${parts.join(', ')}`;
}

/** The server package as staff know it: the one we delivered to, else the one the order was listed with. */
function packageText(order: OrderDetail, deliveredPackage: string | null): ReactNode {
  if (deliveredPackage) return `Package ${deliveredPackage} (delivered)`;
  if (deliveredByUs(order)) return 'Delivered (the server’s answer named no package)';
  if (order.claimPackageId !== null) return `Package #${order.claimPackageId}`;
  return <span className="muted">Not packaged yet</span>;
}
