/** Transition log row → the view the app and `cli history` print (states and roles the log may hold, read safely). */
import type { TransitionLogView } from '../../shared/workflow/workflow-view.types';
import { actorRoleSchema, guardCodeSchema, workflowStateSchema, type ActorRole } from '../../shared/workflow/workflow.types';
import type { TransitionRow } from '../repos/workflow.repo';

export function toTransitionView(row: TransitionRow): TransitionLogView {
  let overridden: unknown;
  try {
    overridden = JSON.parse(row.overridden_json);
  } catch {
    overridden = [];
  }
  return {
    id: row.id,
    from: row.from_state === null ? null : workflowStateSchema.catch('pulled').parse(row.from_state),
    to: workflowStateSchema.catch('pulled').parse(row.to_state),
    event: row.event,
    actor: { username: row.actor_username, role: actorRoleSchema.catch('system' as ActorRole).parse(row.actor_role) },
    at: row.at,
    reason: row.reason,
    override: row.override === 1,
    overridden: (Array.isArray(overridden) ? overridden : []).flatMap((code) => {
      const parsed = guardCodeSchema.safeParse(code);
      return parsed.success ? [parsed.data] : [];
    }),
  };
}
