import type { GuardCode } from '../../../../shared/workflow/workflow.types';

/** What an overridden guard stood for, in the history and the override badges. */
export const GUARD_LABELS: Readonly<Record<GuardCode, string>> = {
  'awaiting-payment': 'awaiting payment',
  'over-capacity': 'more claims than purchased',
  'reopen-closed': 'reopening a closed job',
  'no-claims': 'no claims laid out',
  'layout-invalid': 'a layout that does not pass validation',
  'claimant-incomplete': 'an incomplete claimant',
  'no-package': 'no package generated',
};

export function guardList(guards: readonly GuardCode[]): string {
  return guards.map((guard) => GUARD_LABELS[guard]).join(', ');
}
