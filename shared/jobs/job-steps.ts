/** The wizard's steps, in order: where a person is looking at a job (the workflow says how far the job is). */
import { z } from 'zod';

/** Field comes last: the posts as staked come back after the package went out (and may amend it). */
export const JOB_STEPS = ['import', 'layout', 'monuments', 'validate', 'claimant', 'documents', 'upload', 'field'] as const;
export const jobStepSchema = z.enum(JOB_STEPS);
export type JobStep = z.infer<typeof jobStepSchema>;
