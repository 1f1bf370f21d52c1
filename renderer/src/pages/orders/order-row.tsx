import { memo, type ReactNode } from 'react';
import { orderKeyString, ORDER_TYPE_LABELS, type OrderSummary } from '../../../../shared/domain/order.types';
import { Chip } from '../../widgets/chip';
import { IssueBadges } from '../../widgets/issue-badges';
import { OrderStandingChips } from '../../widgets/status-chip';
import { formatDate, formatDateTime, formatDaysRemaining, plural } from '../../lib/format';
import { DueDate, PaymentChip, ProgressMeter, WorkflowStateChip } from '../../widgets/workflow/workflow-chips';
import type { OrderColumn, OrderColumnId } from './order-columns';
import { HeldByText, useHeldByOther } from '../../widgets/assignment/held-by';

type OrderRowProps = {
  index: number;
  order: OrderSummary | undefined;
  selected: boolean;
  opened: boolean;
  /** Ticked for a batch export (independent of the keyboard selection above). */
  checked: boolean;
  top: number;
  onOpen: (index: number) => void;
  onCheck: (index: number, range: boolean) => void;
  /** The columns shown, in order (the column chooser). */
  columns: readonly OrderColumn[];
};

export function rowDomId(index: number): string {
  return `order-row-${index}`;
}

function Cell({ children, title, className, column }: { children: ReactNode; title?: string; className?: string; column: OrderColumnId }) {
  return (
    <div role="gridcell" className={className ? `cell ${className}` : 'cell'} title={title} data-column={column}>
      {children}
    </div>
  );
}

function flagsTitle(order: OrderSummary): string | undefined {
  const flags = [
    order.expedited && 'Expedited',
    order.stakingService && 'Staking service',
    order.duplicateCount > 0 && `Possible duplicate of ${plural(order.duplicateCount, 'other order')}`,
  ].filter(Boolean);
  return flags.length > 0 ? flags.join(', ') : undefined;
}

function dueTitle(order: OrderSummary): string | undefined {
  if (!order.targetDate) return 'No target date (the order date cannot be read)';
  return order.daysRemaining === null ? undefined : formatDaysRemaining(order.daysRemaining);
}

/** The job's state here, or who works the order at another desk (desk assignment). */
function JobCell({ order }: { order: OrderSummary }) {
  const other = useHeldByOther(order.assignedTo);
  if (other && !order.workflowState) return <HeldByText holder={other} />;
  return (
    <>
      {order.workflowState ? <WorkflowStateChip state={order.workflowState} /> : <span className="muted" title="Not pulled yet">—</span>}
      {other && <HeldByText holder={other} />}
    </>
  );
}

type CellProps = { column: OrderColumnId; order: OrderSummary; index: number; checked: boolean; onCheck: (index: number, range: boolean) => void };

/** One column's cell of a loaded row. */
function OrderCell({ column, order, index, checked, onCheck }: CellProps) {
  switch (column) {
    case 'orderNumber':
      return (
        <Cell column={column} className="cell--strong cell--order">
          {/* Not a tab stop: the grid keeps focus and "x" ticks the active row (aria-activedescendant pattern). */}
          <input
            type="checkbox"
            className="row-check"
            checked={checked}
            tabIndex={-1}
            aria-label={`Select ${order.orderNumber} for export`}
            data-testid="order-check"
            onClick={(event) => {
              // Ticking must not open the details as a row click does; shift ticks a range.
              event.stopPropagation();
              onCheck(index, event.shiftKey);
            }}
            onChange={() => undefined}
          />
          {order.orderNumber}
        </Cell>
      );
    case 'orderType':
      return <Cell column={column}>{ORDER_TYPE_LABELS[order.orderType]}</Cell>;
    case 'status':
      return (
        <Cell column={column} className="cell--chips">
          <OrderStandingChips order={order} />
        </Cell>
      );
    case 'paymentState':
      return (
        <Cell column={column} className="cell--chips">
          <PaymentChip state={order.paymentState} />
        </Cell>
      );
    case 'workflowState':
      return (
        <Cell column={column} className="cell--chips">
          <JobCell order={order} />
        </Cell>
      );
    case 'customerEmail':
      return (
        <Cell column={column} title={order.customerEmail}>
          {order.customerEmail}
        </Cell>
      );
    case 'companyName':
      return (
        <Cell column={column} title={order.companyName}>
          {order.companyName || <span className="muted">—</span>}
        </Cell>
      );
    case 'projectName':
      return (
        <Cell column={column} title={order.projectName}>
          {order.projectName || <span className="muted">—</span>}
        </Cell>
      );
    case 'claimCount': {
      const polygonsDiffer = order.polygonCount !== order.claimCount;
      return (
        <Cell column={column} className="cell--end" title={polygonsDiffer ? `${order.claimCount} claims ordered, ${order.polygonCount} polygons received` : undefined}>
          {order.claimCount}
          {polygonsDiffer && <span className="cell__sub"> ({order.polygonCount})</span>}
        </Cell>
      );
    }
    case 'progress':
      return (
        <Cell column={column}>
          <ProgressMeter delivered={order.claimsDelivered} purchased={order.claimCount} />
        </Cell>
      );
    case 'createdAt':
      return (
        <Cell column={column} title={formatDateTime(order.createdAt)}>
          {formatDate(order.createdAt)}
        </Cell>
      );
    case 'targetDate':
      return (
        <Cell column={column} title={dueTitle(order)}>
          <DueDate targetDate={order.targetDate} daysRemaining={order.daysRemaining} overdue={order.overdue} />
        </Cell>
      );
    case 'flags':
      return (
        <Cell column={column} className="cell--chips" title={flagsTitle(order)}>
          {order.expedited && <Chip tone="red">Expedited</Chip>}
          {/* "Staking" keeps the column narrow; the full name is in the tooltip, the filter and the details. */}
          {order.stakingService && (
            <Chip tone="purple" title="Staking service">
              Staking<span className="visually-hidden"> service</span>
            </Chip>
          )}
          {order.duplicateCount > 0 && (
            <Chip tone="amber" testId="duplicate-flag" title={`Possible duplicate of ${plural(order.duplicateCount, 'other order')}`}>
              Dup.<span className="visually-hidden"> possible duplicate of {plural(order.duplicateCount, 'other order')}</span>
            </Chip>
          )}
        </Cell>
      );
    case 'problemCount':
      return (
        <Cell column={column}>
          <IssueBadges problems={order.problemCount} warnings={order.warningCount} overLimits={order.drawnOverLimits} />
        </Cell>
      );
  }
}

/** One queue row. Memoized: while scrolling only rows entering the window render, not all visible ones. */
export const OrderRow = memo(function OrderRow({ index, order, selected, opened, checked, top, onOpen, onCheck, columns }: OrderRowProps) {
  const style = { transform: `translateY(${top}px)` };
  if (!order) {
    // Not fetched yet: a placeholder keeps the scroll height honest while its page is on the way.
    return (
      <div role="row" id={rowDomId(index)} aria-rowindex={index + 2} aria-selected={selected} aria-busy="true" className="grid-row grid-row--placeholder" style={style}>
        <div role="gridcell" className="cell cell--placeholder">
          <span className="skeleton" />
        </div>
      </div>
    );
  }
  const classes = ['grid-row'];
  if (selected) classes.push('grid-row--selected');
  if (opened) classes.push('grid-row--opened');
  if (checked) classes.push('grid-row--checked');
  if (order.gone) classes.push('grid-row--gone');
  return (
    <div
      role="row"
      id={rowDomId(index)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes.join(' ')}
      style={style}
      onClick={() => onOpen(index)}
      data-testid="order-row"
      data-order-number={order.orderNumber}
      data-order-key={orderKeyString(order)}
    >
      {columns.map((column) => (
        <OrderCell key={column.id} column={column.id} order={order} index={index} checked={checked} onCheck={onCheck} />
      ))}
    </div>
  );
});
