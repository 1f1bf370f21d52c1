/** The map and field-file settings a package is made with, read when it is made (Settings may have changed). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { getAppSettings } from '../repos/settings.repo';
import type { PackageMapOptions } from './package-task';

export async function packageMapOptions(db: Kysely<Database>, nativeBinding?: string): Promise<PackageMapOptions> {
  const { basemapFile, printBasemap, waypointNameMax, writeKmz } = (await getAppSettings(db)).maps;
  return { basemapFile, printBasemap, waypointNameMax, writeKmz, ...(nativeBinding ? { nativeBinding } : {}) };
}
