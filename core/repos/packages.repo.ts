/** Staking packages: the current package folder and manifest of each job (0003). */
import type { Selectable } from 'kysely';
import type { Db, PackagesTable } from '../db/schema';

export type PackageRow = Selectable<PackagesTable>;

export async function getPackageRow(db: Db, jobId: number): Promise<PackageRow | undefined> {
  return db.selectFrom('packages').selectAll().where('job_id', '=', jobId).executeTakeFirst();
}

export async function listPackageRows(db: Db): Promise<PackageRow[]> {
  return db.selectFrom('packages').selectAll().orderBy('id').execute();
}

/** Records a (re)generated package: the generation counter goes up by one each time. */
export async function savePackageRow(
  db: Db,
  row: { job_id: number; folder: string; manifest_json: string; generated_at: string },
): Promise<PackageRow> {
  return db
    .insertInto('packages')
    .values({ ...row, generation: 1 })
    .onConflict((oc) =>
      oc.column('job_id').doUpdateSet((eb) => ({
        folder: eb.ref('excluded.folder'),
        manifest_json: eb.ref('excluded.manifest_json'),
        generated_at: eb.ref('excluded.generated_at'),
        generation: eb('packages.generation', '+', 1),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** After a crash between the folder swap and the row update: the folder's manifest is the truth. */
export async function updatePackageManifest(db: Db, jobId: number, manifestJson: string, generatedAt: string): Promise<void> {
  await db.updateTable('packages').set({ manifest_json: manifestJson, generated_at: generatedAt }).where('job_id', '=', jobId).execute();
}
