/**
 * The workflow's settings and their defaults, in one place so the settings screen, the dashboard and the tests
 * agree. The machine and the helpers never read settings themselves: callers pass them in.
 *
 * Defaults, and why:
 *   standard service  10 business days from the order date: two working weeks covers pulling, layout, documents
 *                     and upload with room for a question to the customer
 *   expedited         3 business days: what "expedited delivery" can promise when the desk takes it first
 *   business days     Monday to Friday, minus the holidays listed (none by default: the desk's own calendar
 *                     varies, so holidays are a setting rather than a guessed federal list)
 *   stale after       7 days untouched: a job nobody opened for a working week is likely forgotten
 *   duplicates        claims overlapping 50 % of the smaller order's claim area
 *   release on hold   yes: a job set aside is free for another desk (a resume claims it again)
 */
import { z } from 'zod';

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');

export const serviceLevelsSchema = z.object({
  standardDays: z.number().int().min(0).max(365),
  expeditedDays: z.number().int().min(0).max(365),
  /** Count only Monday–Friday that are not holidays; false counts calendar days. */
  businessDays: z.boolean(),
  holidays: z.array(calendarDate).max(1000),
});
export type ServiceLevels = z.infer<typeof serviceLevelsSchema>;

export const workflowSettingsSchema = serviceLevelsSchema.extend({
  /** 0 turns the stale check off. */
  staleAfterDays: z.number().int().min(0).max(3650),
  /** Share of the smaller order's claim area two orders must share to be flagged as possible duplicates. */
  duplicateMinShare: z.number().gt(0).max(1),
  /**
   * Days before a claim's deadline (county recording, BLM filing, the 1 September fee…) when a reminder is raised;
   * empty turns reminders off. Settings saved before reminders existed get the default.
   */
  deadlineReminderDays: z.array(z.number().int().min(1).max(365)).max(5).default([30, 7]),
  /** Putting a job on hold ends this desk's claim on the order, so another desk may take it up (desk assignment). */
  releaseOnHold: z.boolean().default(true),
});
export type WorkflowSettings = z.infer<typeof workflowSettingsSchema>;

export const DEFAULT_SERVICE_LEVELS: ServiceLevels = { standardDays: 10, expeditedDays: 3, businessDays: true, holidays: [] };

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = { ...DEFAULT_SERVICE_LEVELS, staleAfterDays: 7, duplicateMinShare: 0.5, deadlineReminderDays: [30, 7], releaseOnHold: true };
