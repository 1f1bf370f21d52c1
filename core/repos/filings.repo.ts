/** The county recording and the BLM filing (with its serial numbers) entered for a delivered job. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { BlmFilingsTable, CountyRecordingsTable, Db } from '../db/schema';

export type CountyRecordingRow = Selectable<CountyRecordingsTable>;
export type BlmFilingRow = Selectable<BlmFilingsTable>;

export async function getCountyRecording(db: Db, jobId: number): Promise<CountyRecordingRow | undefined> {
  return db.selectFrom('county_recordings').selectAll().where('job_id', '=', jobId).executeTakeFirst();
}

/** A correction replaces the earlier entry. */
export async function putCountyRecording(db: Db, row: Insertable<CountyRecordingsTable>): Promise<void> {
  await db
    .insertInto('county_recordings')
    .values(row)
    .onConflict((oc) => oc.column('job_id').doUpdateSet((eb) => ({
      recorded_on: eb.ref('excluded.recorded_on'),
      office: eb.ref('excluded.office'),
      instrument_number: eb.ref('excluded.instrument_number'),
      book: eb.ref('excluded.book'),
      page: eb.ref('excluded.page'),
      fee_paid_cents: eb.ref('excluded.fee_paid_cents'),
      entered_by: eb.ref('excluded.entered_by'),
      entered_at: eb.ref('excluded.entered_at'),
    })))
    .execute();
}

export async function getBlmFiling(db: Db, jobId: number): Promise<{ filing: BlmFilingRow; serials: { claim_name: string; serial: string }[] } | undefined> {
  const filing = await db.selectFrom('blm_filings').selectAll().where('job_id', '=', jobId).executeTakeFirst();
  if (!filing) return undefined;
  const serials = await db.selectFrom('blm_serials').select(['claim_name', 'serial']).where('job_id', '=', jobId).orderBy(sql`rowid`).execute();
  return { filing, serials };
}

/** Serials (by key) already on file for other jobs, with the claim and order they belong to. */
export async function findSerialOwners(db: Db, keys: readonly string[], exceptJobId: number): Promise<{ serial_key: string; claim_name: string; order_number: string }[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('blm_serials as s')
    .innerJoin('jobs as j', 'j.id', 's.job_id')
    .select(['s.serial_key', 's.claim_name', 'j.order_number'])
    .where('s.serial_key', 'in', [...keys])
    .where('s.job_id', '!=', exceptJobId)
    .execute();
}

/** A correction replaces the earlier filing and its serials. */
export async function putBlmFiling(
  db: Db,
  row: Insertable<BlmFilingsTable>,
  serials: readonly { serial_key: string; serial: string; claim_name: string }[],
): Promise<void> {
  await db.deleteFrom('blm_serials').where('job_id', '=', row.job_id).execute();
  await db.deleteFrom('blm_filings').where('job_id', '=', row.job_id).execute();
  await db.insertInto('blm_filings').values(row).execute();
  if (serials.length > 0) await db.insertInto('blm_serials').values(serials.map((s) => ({ ...s, job_id: row.job_id }))).execute();
}
