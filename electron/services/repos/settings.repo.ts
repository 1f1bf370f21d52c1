/**
 * Settings: the signed-in account as last confirmed by the server (the token itself is never stored here, see
 * TokenStore) and the app's preferences.
 */
import { userRoleSchema, type UserRole } from '../../../shared/api/geodb.schemas';
import type { AppSettings } from '../../../shared/jobs/job.types';
import type { Db } from '../db/schema';
import { getValues, setValues } from './key-value.repo';

export interface AccountRecord {
  serverUrl: string;
  username: string;
  displayName: string;
  role: UserRole;
  isStaff: boolean;
}

export async function getAccount(db: Db): Promise<Partial<AccountRecord>> {
  const values = await getValues(db, 'settings');
  const role = userRoleSchema.safeParse(values.get('account.role'));
  return {
    serverUrl: values.get('account.server_url'),
    username: values.get('account.username'),
    displayName: values.get('account.display_name'),
    role: role.success ? role.data : undefined,
    isStaff: values.get('account.is_staff') === 'true',
  };
}

export async function saveAccount(db: Db, account: AccountRecord): Promise<void> {
  await setValues(db, 'settings', {
    'account.server_url': account.serverUrl,
    'account.username': account.username,
    'account.display_name': account.displayName,
    'account.role': account.role,
    'account.is_staff': String(account.isStaff),
  });
}

const BASEMAP_URL_KEY = 'app.basemap_url';

/** App-wide preferences (not per account): the optional online basemap. Validation is the caller's (settings service). */
export async function getAppSettings(db: Db): Promise<AppSettings> {
  const values = await getValues(db, 'settings');
  return { basemapUrl: values.get(BASEMAP_URL_KEY) ?? null };
}

export async function saveAppSettings(db: Db, settings: AppSettings): Promise<void> {
  await setValues(db, 'settings', { [BASEMAP_URL_KEY]: settings.basemapUrl });
}
