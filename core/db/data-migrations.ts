/**
 * Data steps of migrations: work a numbered SQL file cannot do because the rule lives in TypeScript (shared/),
 * run by migrate() right after the SQL file of the same version, inside the same transaction, so a crash leaves
 * either the whole migration or none of it. Like migrate.ts this is schema-migration code and issues SQL through
 * better-sqlite3 directly (the app's repositories use kysely over the finished schema).
 *
 * 0006: every existing job gets the workflow state its data implies (initialStateForExistingJob) with one
 * MIGRATED log entry saying why; every cached order gets its payment state and target date.
 *
 * 0012: the jobs table is rebuilt so its workflow_state CHECK admits 'recorded' and 'filed' (rebuild-table.ts;
 * the migration runs with foreign keys off, FOREIGN_KEYS_OFF).
 *
 * 0013: the outbox table is rebuilt so its kind CHECK admits 'assignment' (desk claims, releases, take-overs).
 * CREWS_MIGRATION (crews): the outbox is rebuilt so kind admits 'crew' and job_id may be NULL (a crew member's
 * interest belongs to no job), edited from its stored definition so a kind another migration added is kept.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { rebuildTable } from './rebuild-table';
import type { OrderType } from '../../shared/api/geodb.schemas';
import { jobStepSchema } from '../../shared/jobs/job.types';
import { jobConflict } from '../../shared/outbox/job-conflict';
import { outboxStateSchema, type OutboxEntryState } from '../../shared/outbox/outbox.types';
import { targetDateOf } from '../../shared/workflow/order-progress';
import { paymentState } from '../../shared/workflow/payment-state';
import { initialStateForExistingJob } from '../../shared/workflow/workflow-migration';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../shared/workflow/workflow-settings';

export type DataStep = (db: BetterSqlite3.Database, now: Date) => void;

/** The field crews' migration (0014_crews.sql); one constant, so a renumbering is one edit. */
export const CREWS_MIGRATION = 14;

/** Migrations that run with foreign keys off (they rebuild a parent table), checked with foreign_key_check before commit. */
export const FOREIGN_KEYS_OFF: ReadonlySet<number> = new Set([12, 13, CREWS_MIGRATION]);

/**
 * The workflow states as of migration 0012, written out rather than read from shared/workflow: a migration must
 * make the same schema whatever the code it ships with later says.
 */
const WORKFLOW_STATES_0012 = ['queued', 'pulled', 'laying_out', 'validated', 'documents_ready', 'uploading', 'delivered', 'recorded', 'filed', 'on_hold', 'cancelled', 'needs_review'];

export function withWorkflowStates(createSql: string, states: readonly string[]): string {
  const check = /CHECK\s*\(\s*workflow_state\s+IN\s*\([^)]*\)\s*\)/g;
  const found = createSql.match(check) ?? [];
  if (found.length !== 1) throw new Error(`Expected one CHECK on jobs.workflow_state, found ${found.length}.`);
  return createSql.replace(check, `CHECK (workflow_state IN (${states.map((s) => `'${s}'`).join(', ')}))`);
}

/** The outbox kinds as of migration 0013, written out for the same reason. */
const OUTBOX_KINDS_0013 = ['upload', 'status', 'event', 'assignment'];

export function withOutboxKinds(createSql: string, kinds: readonly string[]): string {
  const check = /CHECK\s*\(\s*kind\s+IN\s*\([^)]*\)\s*\)/g;
  const found = createSql.match(check) ?? [];
  if (found.length !== 1) throw new Error(`Expected one CHECK on outbox.kind, found ${found.length}.`);
  return createSql.replace(check, `CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`);
}

/** The outbox's definition with kind `kind` admitted (added to its CHECK list once) and job_id nullable. */
export function withOutboxKindAndOptionalJob(createSql: string, kind: string): string {
  const check = /CHECK\s*\(\s*kind\s+IN\s*\(([^)]*)\)\s*\)/g;
  const found = [...createSql.matchAll(check)];
  if (found.length !== 1) throw new Error(`Expected one CHECK on outbox.kind, found ${found.length}.`);
  const kinds = (found[0]?.[1] ?? '').split(',').map((k) => k.trim()).filter((k) => k !== '');
  if (!kinds.includes(`'${kind}'`)) kinds.push(`'${kind}'`);
  const withKind = createSql.replace(check, `CHECK (kind IN (${kinds.join(', ')}))`);
  const jobColumn = /job_id\s+INTEGER\s+NOT\s+NULL/i;
  return jobColumn.test(withKind) ? withKind.replace(jobColumn, 'job_id INTEGER') : withKind;
}

/** Who the log names for states ClaimDesk assigned by itself. */
export const MIGRATION_ACTOR = { username: 'claimdesk', role: 'system' } as const;

interface JobFactsRow {
  id: number;
  step: string;
  conflict_ack: string | null;
  order_status: string | null;
  order_gone_at: string | null;
  packages: number;
}

function backfillJobs(db: BetterSqlite3.Database, at: string): void {
  const jobs = db
    .prepare(
      `SELECT j.id, j.step, j.conflict_ack, o.status AS order_status, o.gone_at AS order_gone_at,
              (SELECT count(*) FROM packages p WHERE p.job_id = j.id) AS packages
         FROM jobs j LEFT JOIN orders o ON o.order_type = j.order_type AND o.id = j.order_id`,
    )
    .all() as JobFactsRow[];
  const uploads = db.prepare(`SELECT state FROM outbox WHERE job_id = ? AND kind = 'upload'`);
  const setState = db.prepare('UPDATE jobs SET workflow_state = ?, resume_to = ?, workflow_changed_at = ? WHERE id = ?');
  const log = db.prepare(
    `INSERT INTO job_transitions (job_id, from_state, to_state, event, actor_username, actor_role, at, reason, override, overridden_json)
     VALUES (?, NULL, ?, 'MIGRATED', ?, ?, ?, ?, 0, '[]')`,
  );
  for (const job of jobs) {
    const uploadStates = (uploads.all(job.id) as { state: string }[])
      .map((row) => outboxStateSchema.safeParse(row.state))
      .filter((parsed) => parsed.success)
      .map((parsed) => parsed.data as OutboxEntryState);
    const delivered = uploadStates.includes('done');
    const conflict = jobConflict({
      orderStatus: job.order_status ?? '',
      orderGone: job.order_gone_at !== null,
      delivered,
      acknowledged: job.conflict_ack,
    });
    // An unknown step (hand-edited cache) is read as the first one rather than failing the whole migration.
    const step = jobStepSchema.safeParse(job.step);
    const initial = initialStateForExistingJob({
      step: step.success ? step.data : 'import',
      hasPackage: job.packages > 0,
      uploadStates,
      orderStatus: job.order_status,
      conflict,
    });
    setState.run(initial.state, initial.resumeTo, at, job.id);
    log.run(job.id, initial.state, MIGRATION_ACTOR.username, MIGRATION_ACTOR.role, at, `State assigned when the workflow was introduced: ${initial.why}.`);
  }
}

interface OrderFactsRow {
  order_type: OrderType;
  id: number;
  status: string;
  created_at: string;
  expedited_delivery: number;
  payment_status: string | null;
}

function backfillOrders(db: BetterSqlite3.Database): void {
  const orders = db
    .prepare(
      `SELECT o.order_type, o.id, o.status, o.created_at, o.expedited_delivery,
              json_extract(p.raw_json, '$.payment_status') AS payment_status
         FROM orders o LEFT JOIN order_payloads p ON p.order_type = o.order_type AND p.id = o.id`,
    )
    .all() as OrderFactsRow[];
  const update = db.prepare('UPDATE orders SET payment_status = ?, payment_state = ?, target_date = ? WHERE order_type = ? AND id = ?');
  for (const order of orders) {
    const paymentStatus = typeof order.payment_status === 'string' ? order.payment_status : null;
    const payment = paymentState({ orderType: order.order_type, status: order.status, paymentStatus });
    const target = targetDateOf({ createdAt: order.created_at, expedited: order.expedited_delivery === 1 }, DEFAULT_WORKFLOW_SETTINGS);
    update.run(paymentStatus, payment.state, target, order.order_type, order.id);
  }
}

export const DATA_STEPS: Readonly<Record<number, DataStep>> = {
  6: (db, now) => {
    backfillOrders(db);
    backfillJobs(db, now.toISOString());
  },
  12: (db) => rebuildTable(db, 'jobs', (sql) => withWorkflowStates(sql, WORKFLOW_STATES_0012)),
  13: (db) => rebuildTable(db, 'outbox', (sql) => withOutboxKinds(sql, OUTBOX_KINDS_0013)),
  [CREWS_MIGRATION]: (db) => rebuildTable(db, 'outbox', (sql) => withOutboxKindAndOptionalJob(sql, 'crew')),
};
