/** A job's field work (0011): the staked points last imported and, once accepted, the as-staked record. */
import type { Selectable } from 'kysely';
import type { AsStakedInfo } from '../../shared/documents/package-model.types';
import type { Db, FieldWorkTable } from '../db/schema';

export type FieldWorkRow = Selectable<FieldWorkTable>;

export async function getFieldWorkRow(db: Db, jobId: number): Promise<FieldWorkRow | undefined> {
  return db.selectFrom('field_work').selectAll().where('job_id', '=', jobId).executeTakeFirst();
}

/** The accepted as-staked record the package is made from; null when nothing was accepted. */
export async function getAcceptedAsStaked(db: Db, jobId: number): Promise<AsStakedInfo | null> {
  const row = await db.selectFrom('field_work').select('accepted_json').where('job_id', '=', jobId).executeTakeFirst();
  if (!row?.accepted_json) return null;
  try {
    return JSON.parse(row.accepted_json) as AsStakedInfo;
  } catch {
    // Written by the field service only; a damaged record makes the package as planned rather than fail it.
    return null;
  }
}

/** A new import replaces the points; an earlier acceptance stays on record until the next one. */
export async function saveStakedPoints(db: Db, row: { job_id: number; file_name: string; points_json: string; imported_at: string }): Promise<void> {
  await db
    .insertInto('field_work')
    .values({ ...row, accepted_at: null, accepted_json: null })
    .onConflict((oc) =>
      oc.column('job_id').doUpdateSet((eb) => ({
        file_name: eb.ref('excluded.file_name'),
        points_json: eb.ref('excluded.points_json'),
        imported_at: eb.ref('excluded.imported_at'),
      })),
    )
    .execute();
}

export async function saveAcceptance(db: Db, jobId: number, acceptedAt: string, acceptedJson: string): Promise<void> {
  await db.updateTable('field_work').set({ accepted_at: acceptedAt, accepted_json: acceptedJson }).where('job_id', '=', jobId).execute();
}
