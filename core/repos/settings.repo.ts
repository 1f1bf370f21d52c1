/**
 * Settings: the account that last signed in on this cache (the token itself is never stored here, see TokenStore)
 * and the app's preferences.
 */
import { userRoleSchema, type UserRole } from '../../shared/api/geodb.schemas';
import type { AppSettings } from '../../shared/jobs/job.types';
import type { z } from 'zod';
import { DEFAULT_WORKFLOW_SETTINGS, workflowSettingsSchema } from '../../shared/workflow/workflow-settings';
import { DEFAULT_MAP_SETTINGS, mapSettingsSchema, type MapSettings } from '../../shared/basemap/map-settings';
import { DEFAULT_SYNC_LIMITS, syncLimitsSchema } from '../../shared/sync/sync-limits';
import type { Db } from '../db/schema';
import { getValues, setValues } from './key-value.repo';

/**
 * The account that last signed in on this cache (any process): pre-fills the sign-in form. It is never a
 * session: who is signed in, and with which token, is each process's own (core/session/token-store.ts).
 */
export interface LastAccount {
  username: string;
  displayName: string;
  role: UserRole;
  isStaff: boolean;
}

export async function getLastAccount(db: Db): Promise<Partial<LastAccount>> {
  const values = await getValues(db, 'settings');
  const role = userRoleSchema.safeParse(values.get('account.role'));
  return {
    username: values.get('account.username'),
    displayName: values.get('account.display_name'),
    role: role.success ? role.data : undefined,
    isStaff: values.get('account.is_staff') === 'true',
  };
}

export async function saveLastAccount(db: Db, account: LastAccount): Promise<void> {
  await setValues(db, 'settings', {
    'account.username': account.username,
    'account.display_name': account.displayName,
    'account.role': account.role,
    'account.is_staff': String(account.isStaff),
  });
}

const BASEMAP_URL_KEY = 'app.basemap_url';
const WORKFLOW_KEY = 'app.workflow';
const MAPS_KEY = 'app.maps';
const SYNC_KEY = 'app.sync';

/**
 * App-wide preferences (not per account): the optional online basemap, the workflow and map settings, and the sync
 * limits. Validation is the caller's; a stored value that no longer parses (an older or hand-edited cache) reads
 * as the defaults.
 */
export async function getAppSettings(db: Db): Promise<AppSettings> {
  const values = await getValues(db, 'settings');
  return {
    basemapUrl: values.get(BASEMAP_URL_KEY) ?? null,
    workflow: parseStored(values.get(WORKFLOW_KEY), whole(workflowSettingsSchema, DEFAULT_WORKFLOW_SETTINGS)),
    maps: parseStored(values.get(MAPS_KEY), parseMaps),
    sync: parseStored(values.get(SYNC_KEY), whole(syncLimitsSchema, DEFAULT_SYNC_LIMITS)),
  };
}

function parseStored<T>(stored: string | undefined, parse: (json: unknown) => T): T {
  let json: unknown;
  try {
    json = stored === undefined ? undefined : JSON.parse(stored);
  } catch {
    json = undefined;
  }
  return parse(json);
}

/** A whole-value setting: the stored value if it parses, else the defaults. */
function whole<T>(schema: z.ZodType<T>, fallback: T): (json: unknown) => T {
  return (json) => {
    const parsed = schema.safeParse(json);
    return parsed.success ? parsed.data : fallback;
  };
}

/** Field by field: a setting added later (or one hand-edited wrong) takes its default without losing the others. */
function parseMaps(json: unknown): MapSettings {
  const stored = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...DEFAULT_MAP_SETTINGS };
  for (const [key, schema] of Object.entries(mapSettingsSchema.shape)) {
    const parsed = schema.safeParse(stored[key]);
    if (parsed.success && stored[key] !== undefined) out[key] = parsed.data;
  }
  return out as MapSettings;
}

export async function saveAppSettings(db: Db, settings: AppSettings): Promise<void> {
  await setValues(db, 'settings', {
    [BASEMAP_URL_KEY]: settings.basemapUrl,
    [WORKFLOW_KEY]: JSON.stringify(settings.workflow),
    [MAPS_KEY]: JSON.stringify(settings.maps),
    [SYNC_KEY]: JSON.stringify(settings.sync),
  });
}
