import { useId } from 'react';
import { DEFAULT_WORKFLOW_SETTINGS, workflowSettingsSchema, type WorkflowSettings } from '../../../../shared/workflow/workflow-settings';
import { isCalendarDate } from '../../../../shared/domain/calendar-date';

/**
 * The workflow part of Settings as the form holds it: numbers as typed (a half-typed "1" must not jump to a
 * default) and holidays as free text, one date per line or separated by commas.
 */
export type WorkflowDraft = {
  standardDays: string;
  expeditedDays: string;
  businessDays: boolean;
  holidays: string;
  staleAfterDays: string;
  /** Percent, 1–100, as staff think of it; stored as a share 0–1. */
  duplicatePercent: string;
  /** "30, 7": days before a claim deadline when a reminder is raised; empty turns reminders off. */
  reminderDays: string;
  /** Putting a job on hold ends this desk's claim on the order (desk assignment). */
  releaseOnHold: boolean;
};

export function workflowDraft(settings: WorkflowSettings | undefined): WorkflowDraft {
  const value = settings ?? DEFAULT_WORKFLOW_SETTINGS;
  return {
    standardDays: String(value.standardDays),
    expeditedDays: String(value.expeditedDays),
    businessDays: value.businessDays,
    holidays: value.holidays.join('\n'),
    staleAfterDays: String(value.staleAfterDays),
    duplicatePercent: String(Math.round(value.duplicateMinShare * 1000) / 10),
    reminderDays: value.deadlineReminderDays.join(', '),
    releaseOnHold: value.releaseOnHold,
  };
}

function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The draft as settings, or why not: checked with the schema main checks with, plus readable messages first. */
export function parseWorkflowDraft(draft: WorkflowDraft): { settings: WorkflowSettings } | { problem: string } {
  const holidays = draft.holidays.split(/[\s,;]+/).filter(Boolean);
  const badDate = holidays.find((day) => !isCalendarDate(day));
  if (badDate) return { problem: `“${badDate}” is not a date as YYYY-MM-DD.` };
  const percent = Number(draft.duplicatePercent.trim());
  const candidate = {
    standardDays: wholeNumber(draft.standardDays),
    expeditedDays: wholeNumber(draft.expeditedDays),
    businessDays: draft.businessDays,
    holidays: [...new Set(holidays)].sort(),
    staleAfterDays: wholeNumber(draft.staleAfterDays),
    duplicateMinShare: draft.duplicatePercent.trim() === '' ? Number.NaN : percent / 100,
    releaseOnHold: draft.releaseOnHold,
    deadlineReminderDays: [...new Set(draft.reminderDays.split(/[\s,;]+/).filter(Boolean).map(wholeNumber))].sort((a, b) => b - a),
  };
  if (candidate.deadlineReminderDays.some((days) => !(days >= 1 && days <= 365)) || candidate.deadlineReminderDays.length > 5) {
    return { problem: 'Deadline reminders are up to five whole numbers of days from 1 to 365, such as “30, 7” (empty: no reminders).' };
  }
  if ([candidate.standardDays, candidate.expeditedDays].some((days) => !(days >= 0 && days <= 365))) {
    return { problem: 'Service levels are whole days from 0 to 365.' };
  }
  if (!(candidate.staleAfterDays >= 0 && candidate.staleAfterDays <= 3650)) return { problem: 'Stale after is a whole number of days (0 turns it off).' };
  if (!(percent > 0 && percent <= 100)) return { problem: 'The duplicate share is a percentage above 0 and at most 100.' };
  const parsed = workflowSettingsSchema.safeParse(candidate);
  return parsed.success ? { settings: parsed.data } : { problem: parsed.error.issues[0]?.message ?? 'These settings are not valid.' };
}

export function NumberField({ label, hint, value, onChange, testId, min, max, step = 1 }: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  min: number;
  max: number;
  step?: number;
}) {
  const id = useId();
  return (
    <div className="form-field settings-number">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="decimal" min={min} max={max} step={step} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <span id={`${id}-hint`} className="form-field__hint muted">
          {hint}
        </span>
      )}
    </div>
  );
}

/** Due dates (service levels, business days, holidays) and the stale-work and duplicate thresholds. */
export function WorkflowSettingsFields({ draft, onChange }: { draft: WorkflowDraft; onChange: (patch: Partial<WorkflowDraft>) => void }) {
  const id = useId();
  return (
    <fieldset className="settings-group" data-testid="settings-workflow">
      <legend>Due dates and flags</legend>
      <div className="settings-row">
        <NumberField label="Standard service (days)" value={draft.standardDays} onChange={(standardDays) => onChange({ standardDays })} testId="settings-standard-days" min={0} max={365} />
        <NumberField label="Expedited (days)" value={draft.expeditedDays} onChange={(expeditedDays) => onChange({ expeditedDays })} testId="settings-expedited-days" min={0} max={365} />
      </div>
      <label className="settings-check">
        <input type="checkbox" checked={draft.businessDays} onChange={(event) => onChange({ businessDays: event.target.checked })} data-testid="settings-business-days" />
        Count business days (Monday to Friday, without the holidays below)
      </label>
      <label className="settings-check">
        <input type="checkbox" checked={draft.releaseOnHold} onChange={(event) => onChange({ releaseOnHold: event.target.checked })} data-testid="settings-release-on-hold" />
        Release the order when a job is put on hold (other desks may then take it up; resuming claims it again)
      </label>
      <div className="form-field">
        <label htmlFor={`${id}-holidays`}>Holidays</label>
        <textarea
          id={`${id}-holidays`}
          rows={3}
          value={draft.holidays}
          placeholder={'2026-11-26\n2026-12-25'}
          spellCheck={false}
          disabled={!draft.businessDays}
          onChange={(event) => onChange({ holidays: event.target.value })}
          aria-describedby={`${id}-holidays-hint`}
          data-testid="settings-holidays"
        />
        <span id={`${id}-holidays-hint`} className="form-field__hint muted">
          One date per line (YYYY-MM-DD): the desk’s own calendar, skipped when counting business days.
        </span>
      </div>
      <div className="settings-row">
        <NumberField label="Stale after (days)" hint="A job untouched this long is flagged; 0 turns it off." value={draft.staleAfterDays} onChange={(staleAfterDays) => onChange({ staleAfterDays })} testId="settings-stale-days" min={0} max={3650} />
        <NumberField
          label="Duplicate share (%)"
          hint="Orders sharing this much of the smaller one’s claim area are flagged."
          value={draft.duplicatePercent}
          onChange={(duplicatePercent) => onChange({ duplicatePercent })}
          testId="settings-duplicate-percent"
          min={1}
          max={100}
          step={0.1}
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-reminders`}>Claim deadline reminders (days before)</label>
        <input
          id={`${id}-reminders`}
          type="text"
          value={draft.reminderDays}
          placeholder="30, 7"
          onChange={(event) => onChange({ reminderDays: event.target.value })}
          aria-describedby={`${id}-reminders-hint`}
          data-testid="settings-reminder-days"
        />
        <span id={`${id}-reminders-hint`} className="form-field__hint muted">
          A notification this many days before each county, BLM and state filing of the claims staked here; empty turns them off.
        </span>
      </div>
    </fieldset>
  );
}
