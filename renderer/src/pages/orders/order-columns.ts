import type { OrderSortColumn } from '../../../../shared/domain/order.types';

export type OrderColumn = {
  id: string;
  label: string;
  /** Absent when the column cannot be sorted in SQL (flags). */
  sort?: OrderSortColumn;
  align?: 'end';
};

/** Header and rows share one CSS grid template (see table.css), so the two can never drift apart. */
export const ORDER_COLUMNS: OrderColumn[] = [
  { id: 'orderNumber', label: 'Order', sort: 'orderNumber' },
  { id: 'orderType', label: 'Type', sort: 'orderType' },
  { id: 'status', label: 'Status', sort: 'status' },
  { id: 'paymentState', label: 'Payment' },
  { id: 'workflowState', label: 'Work' },
  { id: 'customerEmail', label: 'Customer', sort: 'customerEmail' },
  { id: 'companyName', label: 'Company', sort: 'companyName' },
  { id: 'projectName', label: 'Project', sort: 'projectName' },
  { id: 'claimCount', label: 'Claims', sort: 'claimCount', align: 'end' },
  { id: 'progress', label: 'Delivered' },
  { id: 'createdAt', label: 'Created', sort: 'createdAt' },
  { id: 'targetDate', label: 'Due', sort: 'targetDate' },
  { id: 'flags', label: 'Flags' },
  { id: 'problemCount', label: 'Problems', sort: 'problemCount' },
];

export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 32;
