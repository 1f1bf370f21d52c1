import { z } from 'zod';
import { userRoleSchema } from '../api/geodb.schemas';
import { serverUrlProblem } from './server-url';

export const sessionSchema = z.object({
  signedIn: z.boolean(),
  serverUrl: z.string().nullable(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  role: userRoleSchema.nullable(),
  isStaff: z.boolean(),
  /** True when the app was started against the built-in demo server. */
  demo: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const signInRequestSchema = z.object({
  // https:// except for this computer's loopback addresses, and no user:password@ (shared/domain/server-url.ts).
  serverUrl: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = serverUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  username: z.string().trim().min(1, 'Enter your username').max(150),
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;
