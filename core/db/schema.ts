/**
 * The cache's tables for Kysely: each table's name and its row type. The row types live in tables/, one file per
 * part of the app; they are re-exported here, where the repositories import them from.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CrewBoardOrdersTable, CrewInterestsTable } from './tables/crews.tables';
import type { BlmFilingsTable, BlmSerialsTable, CountyRecordingsTable } from './tables/filings.tables';
import type { FieldWorkTable, JobsTable, JobTransitionsTable, PackagesTable } from './tables/jobs.tables';
import type { KeyValueTable } from './tables/key-value.tables';
import type { NotificationsTable } from './tables/notifications.tables';
import type { OrderDuplicatesTable, OrderPayloadsTable, OrdersTable } from './tables/orders.tables';
import type { DeliveredClaimsTable, DeliveriesTable, OutboxDocumentsTable, OutboxTable } from './tables/outbox.tables';
import type { PlssLayersTable, PlssPartsTable, PlssRtreeTable } from './tables/plss.tables';

export type * from './tables/crews.tables';
export type * from './tables/filings.tables';
export type * from './tables/jobs.tables';
export type * from './tables/key-value.tables';
export type * from './tables/notifications.tables';
export type * from './tables/orders.tables';
export type * from './tables/outbox.tables';
export type * from './tables/plss.tables';

export interface Database {
  orders: OrdersTable;
  order_payloads: OrderPayloadsTable;
  sync_state: KeyValueTable;
  settings: KeyValueTable;
  jobs: JobsTable;
  packages: PackagesTable;
  outbox: OutboxTable;
  outbox_documents: OutboxDocumentsTable;
  job_transitions: JobTransitionsTable;
  order_duplicates: OrderDuplicatesTable;
  notifications: NotificationsTable;
  plss_layers: PlssLayersTable;
  plss_parts: PlssPartsTable;
  plss_rtree: PlssRtreeTable;
  deliveries: DeliveriesTable;
  delivered_claims: DeliveredClaimsTable;
  field_work: FieldWorkTable;
  county_recordings: CountyRecordingsTable;
  blm_filings: BlmFilingsTable;
  blm_serials: BlmSerialsTable;
  crew_board_orders: CrewBoardOrdersTable;
  crew_interests: CrewInterestsTable;
}

/** Repository functions accept either the database or a transaction handle, so callers choose the unit of work. */
export type Db = Kysely<Database> | Transaction<Database>;
