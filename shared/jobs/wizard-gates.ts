/**
 * What each wizard step waits for before a person may move past it, computed by main from the workflow's facts and
 * the job check and sent in the workflow view, so the wizard only shows it and sends the commands it names:
 *   import, layout   claims laid out
 *   monuments        a US state whose monument rules apply
 *   validate         the workflow's validateLayout (VALIDATE_OK, checked again in main), unless the job is
 *                    already validated or further on
 *   claimant         the workflow's confirmClaimant (checked in main)
 *   documents        a generated package
 *   upload           a delivered upload
 *   field            the crew's posts accepted as staked (opened once there is a package; wizard-steps.ts)
 */
import { z } from 'zod';
import type { WorkflowState } from '../workflow/workflow.types';
import { describeIssue, type JobCheck } from './check-job';
import type { JobStep } from './job-steps';

/** The workflow commands a wizard step sends to move on (each an IPC method of the same name). */
export const WIZARD_COMMANDS = ['validateLayout', 'confirmClaimant'] as const;
export type WizardCommand = (typeof WIZARD_COMMANDS)[number];

export const stepGateSchema = z.object({
  /** Nothing left to do here: moving past needs no command. */
  done: z.boolean(),
  /** Sent to main when moving past and not done; main decides. */
  command: z.enum(WIZARD_COMMANDS).nullable(),
  /** What keeps the step from being done, as sentences (for a command step: what main will refuse it for). */
  problems: z.array(z.string()),
});
export type StepGate = z.infer<typeof stepGateSchema>;

export interface GateInput {
  state: WorkflowState;
  resumeTo: WorkflowState | null;
  claimsLaidOut: number;
  hasPackage: boolean;
  claimsDelivered: number;
  /** The crew's staked posts were accepted (the as-staked layout the package is made from). */
  postsAccepted: boolean;
  check: Pick<JobCheck, 'layout' | 'blocking'>;
}

const VALIDATED_OR_LATER: readonly WorkflowState[] = ['validated', 'documents_ready', 'uploading', 'delivered', 'recorded', 'filed', 'needs_review'];
const PAUSED: readonly WorkflowState[] = ['on_hold', 'cancelled'];

/** The layout was accepted and nothing since sent the job back to laying out (a pause keeps where it stood). */
export function hasPassedValidation(state: WorkflowState, resumeTo: WorkflowState | null): boolean {
  if (VALIDATED_OR_LATER.includes(state)) return true;
  return PAUSED.includes(state) && resumeTo !== null && VALIDATED_OR_LATER.includes(resumeTo);
}

function gate(done: boolean, problem: string): StepGate {
  return { done, command: null, problems: done ? [] : [problem] };
}

export function wizardGates(input: GateInput): Record<JobStep, StepGate> {
  const laidOut = input.claimsLaidOut > 0;
  const monuments = input.check.blocking.monuments;
  return {
    import: gate(laidOut, 'Choose “Use the order’s claims as drawn” or “Lay out a grid instead” to continue.'),
    layout: gate(laidOut, 'Lay out at least one claim.'),
    monuments: { done: monuments.length === 0, command: null, problems: monuments },
    validate: { done: hasPassedValidation(input.state, input.resumeTo), command: 'validateLayout', problems: input.check.layout.problems.map(describeIssue) },
    claimant: { done: false, command: 'confirmClaimant', problems: input.check.blocking.claimant },
    documents: gate(input.hasPackage, 'Generate the staking package (“Generate package”) to finish this step.'),
    upload: gate(input.claimsDelivered > 0, 'Queue the upload (“Queue upload”); the job is finished once the server has the package.'),
    field: gate(input.postsAccepted, 'Import the crew’s staked posts (GPX or CSV) and accept them as staked to finish field work.'),
  };
}

/**
 * Which steps are finished, for the step bar's ✓: a step whose gate is done, or the claimant with nothing left for
 * confirmClaimant to refuse (its confirmation moves no workflow state, so its gate is never "done"); and only while
 * every step before it is finished too, so the marks read left to right the way the work goes. Derived each time
 * from the gates (the workflow and the check), never stored.
 */
export function finishedSteps(gates: Record<JobStep, StepGate>, order: readonly JobStep[]): Record<JobStep, boolean> {
  let allBefore = true;
  const out = {} as Record<JobStep, boolean>;
  for (const step of order) {
    const gate = gates[step];
    const finished: boolean = allBefore && (gate.done || (gate.command === 'confirmClaimant' && gate.problems.length === 0));
    out[step] = finished;
    allBefore = finished;
  }
  return out;
}
