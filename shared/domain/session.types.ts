import { z } from 'zod';
import { userRoleSchema } from '../api/geodb.schemas';

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
  serverUrl: z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:';
      } catch {
        return false;
      }
    }, 'Enter the server address, for example https://api.geodb.io'),
  username: z.string().trim().min(1, 'Enter your username').max(150),
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;
