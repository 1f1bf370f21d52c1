import type { OrderSortColumn } from '../../../../shared/domain/order.types';

export type OrderColumnId =
  | 'orderNumber'
  | 'status'
  | 'workflowState'
  | 'paymentState'
  | 'targetDate'
  | 'problemCount'
  | 'claimCount'
  | 'projectName'
  | 'customerEmail'
  | 'orderType'
  | 'flags'
  | 'createdAt'
  | 'companyName'
  | 'progress';

export type OrderColumn = {
  id: OrderColumnId;
  label: string;
  /** Absent when the column cannot be sorted in SQL (flags). */
  sort?: OrderSortColumn;
  align?: 'end';
  /**
   * Its grid track: wide enough for the column's longest chip, date or count, so nothing is cut. Free text (project,
   * customer, company) takes the room left and ends in an ellipsis, with the whole text in the cell's tooltip.
   */
  track: string;
  /** The track's least width (px), for the row's minimum width. */
  minPx: number;
  /** Shown unless staff hide it in the column chooser. */
  shownByDefault: boolean;
};

/**
 * In priority order: what decides which order to work on next comes first (its state, what is due, what is wrong),
 * who and what it is after. Company and the delivered meter start hidden (the details panel has both); the column
 * chooser shows any of them. The order number is always shown.
 */
export const ORDER_COLUMNS: readonly OrderColumn[] = [
  { id: 'orderNumber', label: 'Order', sort: 'orderNumber', track: '150px', minPx: 150, shownByDefault: true },
  { id: 'status', label: 'Status', sort: 'status', track: '124px', minPx: 124, shownByDefault: true },
  { id: 'workflowState', label: 'Work', track: '116px', minPx: 116, shownByDefault: true },
  { id: 'paymentState', label: 'Payment', track: '148px', minPx: 148, shownByDefault: true },
  { id: 'targetDate', label: 'Due', sort: 'targetDate', track: '112px', minPx: 112, shownByDefault: true },
  { id: 'problemCount', label: 'Problems', sort: 'problemCount', track: '104px', minPx: 104, shownByDefault: true },
  { id: 'claimCount', label: 'Claims', sort: 'claimCount', align: 'end', track: '76px', minPx: 76, shownByDefault: true },
  { id: 'projectName', label: 'Project', sort: 'projectName', track: 'minmax(110px, 1fr)', minPx: 110, shownByDefault: true },
  { id: 'customerEmail', label: 'Customer', sort: 'customerEmail', track: 'minmax(122px, 1.3fr)', minPx: 122, shownByDefault: true },
  { id: 'orderType', label: 'Type', sort: 'orderType', track: '76px', minPx: 76, shownByDefault: true },
  { id: 'flags', label: 'Flags', track: '168px', minPx: 168, shownByDefault: true },
  { id: 'createdAt', label: 'Created', sort: 'createdAt', track: '96px', minPx: 96, shownByDefault: true },
  { id: 'companyName', label: 'Company', sort: 'companyName', track: 'minmax(100px, 1fr)', minPx: 100, shownByDefault: false },
  { id: 'progress', label: 'Delivered', track: '88px', minPx: 88, shownByDefault: false },
];

/** Row padding (8 px each side), part of the grid's minimum width. */
const ROW_PADDING_PX = 16;

/** One grid template for the header and every row, so their columns can never drift apart. */
export function gridTemplate(columns: readonly OrderColumn[]): { columns: string; minWidthPx: number } {
  return {
    columns: columns.map((column) => column.track).join(' '),
    minWidthPx: columns.reduce((sum, column) => sum + column.minPx, ROW_PADDING_PX),
  };
}

export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 32;
