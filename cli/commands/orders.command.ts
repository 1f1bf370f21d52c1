/** `claimdesk orders`: list the cached orders, for people (a table) or for scripts (--json: one JSON array). */
import { orderKeyOfRow, orderKeyString, type OrderIssue } from '../../shared/domain/order.types';
import { listOrderRows } from '../../core/repos/orders.repo';
import { queryOrders } from '../../core/repos/order-queue.repo';
import { listBoard } from '../../core/repos/crews.repo';
import { getAppSettings } from '../../core/repos/settings.repo';
import { focusContext } from '../../core/workflow/desk-calendar';
import { withDatabase, type CliIo } from '../cli-context';

export interface OrdersOptions {
  dataDir?: string;
  json: boolean;
}

export async function runOrdersCommand(options: OrdersOptions, io: CliIo): Promise<number> {
  return withDatabase(options.dataDir, io, async (db) => {
    const rows = await listOrderRows(db);
    // The workflow's view of each order: its job's state, payment, delivery progress and due date.
    const { workflow } = await getAppSettings(db);
    const summaries = await queryOrders(db, { includeGone: true }, focusContext(new Date(), workflow.staleAfterDays));
    const byKey = new Map(summaries.orders.map((o) => [orderKeyString(o), o]));
    const crews = new Map((await listBoard(db)).map((c) => [orderKeyString({ orderType: c.order_type, id: c.order_id }), c.assigned_crew]));
    const orders = rows.map((row) => {
      const summary = byKey.get(orderKeyString(orderKeyOfRow(row)));
      return {
        order_type: row.order_type,
        id: row.id,
        order_number: row.order_number,
        status: row.status,
        created_at: row.created_at,
        customer_email: row.customer_email,
        company_name: row.company_name,
        project_name: row.project_name,
        claim_count: row.claim_count,
        polygons: row.polygon_count,
        expedited_delivery: row.expedited_delivery === 1,
        staking_service: row.staking_service === 1,
        claim_package_id: row.claim_package_id,
        claimant_info: row.claimant_info_json !== null,
        gone: row.gone_at !== null,
        problems: messages(row.problems_json),
        warnings: messages(row.warnings_json),
        workflow_state: summary?.workflowState ?? null,
        payment_state: row.payment_state,
        claims_delivered: summary?.claimsDelivered ?? 0,
        target_date: row.target_date,
        overdue: summary?.overdue ?? false,
        // Who works the order (desk assignment), by name, as the server said at the last sync; null: nobody or not known.
        assigned_to: summary?.assignedTo?.name ?? null,
        // The order's assigned field crew (the crew board's one place), null when none or the server keeps no crews.
        crew: crews.get(orderKeyString(orderKeyOfRow(row))) ?? null,
      };
    });
    if (options.json) {
      io.stdout(`${JSON.stringify(orders, null, 2)}\n`);
      return 0;
    }
    if (orders.length === 0) {
      io.stdout('The cache is empty. Run `claimdesk sync --server URL --username U --password P` first.\n');
      return 0;
    }
    for (const order of orders) {
      const flags = [order.assigned_to && `worked by ${order.assigned_to}`, order.expedited_delivery && 'expedited', order.staking_service && 'staking', order.gone && 'GONE', order.overdue && 'OVERDUE', order.payment_state === 'awaiting_payment' && 'UNPAID', order.workflow_state]
        .filter(Boolean)
        .join(',');
      io.stdout(
        `${order.order_number.padEnd(16)} ${order.order_type.padEnd(15)} ${order.status.padEnd(11)} ` +
          `${String(order.claim_count).padStart(3)} claims ${String(order.polygons).padStart(3)} polygons  ` +
          `${order.problems.length} problems ${order.warnings.length} warnings  ${flags}\n`,
      );
    }
    return 0;
  });
}

function messages(json: string): string[] {
  return (JSON.parse(json) as OrderIssue[]).map((issue) => issue.message);
}
