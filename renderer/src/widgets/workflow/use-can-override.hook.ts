import { OVERRIDE_ROLES } from '../../../../shared/workflow/workflow.types';
import { useSessionStore } from '../../state/session.store';

/**
 * Managers and admins may go past an overridable refusal with a reason; staff may not. Only for what to offer:
 * main checks the role again on every override.
 */
export function useCanOverride(): boolean {
  const role = useSessionStore((state) => state.session?.role ?? null);
  return role !== null && (OVERRIDE_ROLES as readonly string[]).includes(role);
}
