/** Shared fixtures for the workflow tests: a paid order with 12 of 12 claims laid out and a package, nothing delivered. */
import type { Actor, ActorRole, WorkflowContext } from '../../shared/workflow/workflow.types';

export const ctx = (over: Partial<WorkflowContext> = {}): WorkflowContext => ({
  orderNumber: 'CPO-2026-0002',
  paymentState: 'paid',
  claimsPurchased: 12,
  claimsDelivered: 0,
  claimsLaidOut: 12,
  hasPackage: true,
  capacityOverride: false,
  resumeTo: null,
  heldBy: null,
  layoutProblems: [],
  claimantProblems: [],
  // Entered, so the table alone decides in the matrix; the filing guards are tested on their own.
  countyRecorded: true,
  blmFiled: true,
  crewRequired: false,
  crewAssigned: false,
  ...over,
});

export const as = (role: ActorRole): Actor => ({ username: `demo-${role}`, role });

/** Not pulled yet, unpaid: nothing laid out, no package. */
export const unpaid = ctx({ paymentState: 'awaiting_payment', claimsLaidOut: 0, hasPackage: false });
