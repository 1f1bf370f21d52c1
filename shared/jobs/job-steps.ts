/** The wizard's steps, in order: where a person is looking at a job (the workflow says how far the job is). */
import { z } from 'zod';

export const JOB_STEPS = ['import', 'layout', 'monuments', 'validate', 'claimant', 'documents', 'upload'] as const;
export const jobStepSchema = z.enum(JOB_STEPS);
export type JobStep = z.infer<typeof jobStepSchema>;
