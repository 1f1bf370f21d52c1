/**
 * Settings: the signed-in account as last confirmed by the server (the token itself is never stored here, see
 * TokenStore) and the app's preferences.
 */
import { userRoleSchema, type UserRole } from '../../shared/api/geodb.schemas';
import type { AppSettings } from '../../shared/jobs/job.types';
import { DEFAULT_WORKFLOW_SETTINGS, workflowSettingsSchema, type WorkflowSettings } from '../../shared/workflow/workflow-settings';
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
const WORKFLOW_KEY = 'app.workflow';

/**
 * App-wide preferences (not per account): the optional online basemap and the workflow settings. Validation is the
 * caller's; a stored workflow value that no longer parses (an older or hand-edited cache) reads as the defaults.
 */
export async function getAppSettings(db: Db): Promise<AppSettings> {
  const values = await getValues(db, 'settings');
  return { basemapUrl: values.get(BASEMAP_URL_KEY) ?? null, workflow: parseWorkflow(values.get(WORKFLOW_KEY)) };
}

function parseWorkflow(stored: string | undefined): WorkflowSettings {
  if (stored === undefined) return DEFAULT_WORKFLOW_SETTINGS;
  try {
    const parsed = workflowSettingsSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_WORKFLOW_SETTINGS;
  } catch {
    return DEFAULT_WORKFLOW_SETTINGS;
  }
}

export async function saveAppSettings(db: Db, settings: AppSettings): Promise<void> {
  await setValues(db, 'settings', { [BASEMAP_URL_KEY]: settings.basemapUrl, [WORKFLOW_KEY]: JSON.stringify(settings.workflow) });
}
