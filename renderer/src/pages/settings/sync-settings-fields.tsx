import { DEFAULT_SYNC_LIMITS, syncLimitsSchema, type SyncLimits } from '../../../../shared/sync/sync-limits';
import { NumberField } from './workflow-settings-fields';

/** The sync limits as the form holds them: numbers as typed; the deadline in minutes (stored in seconds). */
export type SyncDraft = { maxDownloadMb: string; deadlineMinutes: string };

export function syncDraft(limits: SyncLimits | undefined): SyncDraft {
  const value = limits ?? DEFAULT_SYNC_LIMITS;
  return { maxDownloadMb: String(value.maxDownloadMb), deadlineMinutes: String(Math.round((value.downloadDeadlineSeconds / 60) * 10) / 10) };
}

/** The draft as limits, or why not: checked with the schema main checks with. */
export function parseSyncDraft(draft: SyncDraft): { limits: SyncLimits } | { problem: string } {
  const mb = /^\s*\d+\s*$/.test(draft.maxDownloadMb) ? Number(draft.maxDownloadMb) : Number.NaN;
  const minutes = draft.deadlineMinutes.trim() === '' ? Number.NaN : Number(draft.deadlineMinutes);
  if (!(mb >= 1 && mb <= 4096)) return { problem: 'The download limit is a whole number of MB from 1 to 4,096.' };
  if (!(minutes >= 1 && minutes <= 1440)) return { problem: 'The download deadline is from 1 to 1,440 minutes.' };
  const parsed = syncLimitsSchema.safeParse({ maxDownloadMb: mb, downloadDeadlineSeconds: Math.round(minutes * 60) });
  return parsed.success ? { limits: parsed.data } : { problem: parsed.error.issues[0]?.message ?? 'These limits are not valid.' };
}

/** How much of the server's pending-orders list a sync downloads before it gives up (size, then time). */
export function SyncSettingsFields({ draft, onChange }: { draft: SyncDraft; onChange: (patch: Partial<SyncDraft>) => void }) {
  return (
    <fieldset className="settings-group" data-testid="settings-sync">
      <legend>Sync limits</legend>
      <div className="settings-row">
        <NumberField
          label="Largest download (MB)"
          hint="A pending-orders list larger than this stops the sync; the cache is kept as it was."
          value={draft.maxDownloadMb}
          onChange={(maxDownloadMb) => onChange({ maxDownloadMb })}
          testId="settings-sync-max-mb"
          min={1}
          max={4096}
        />
        <NumberField
          label="Download deadline (minutes)"
          hint="A list still arriving after this long stops the sync the same way."
          value={draft.deadlineMinutes}
          onChange={(deadlineMinutes) => onChange({ deadlineMinutes })}
          testId="settings-sync-deadline"
          min={1}
          max={1440}
          step={0.5}
        />
      </div>
    </fieldset>
  );
}
