/**
 * How the CLI's commands that talk to the server (sync, upload, push) sign in. The password is read, in order,
 * from standard input (--password-stdin, for scripts and secret managers), the CLAIMDESK_PASSWORD variable, or a
 * prompt with echo off when a person is at a terminal. `--password P` still works for old scripts but is the
 * last resort: any user on the machine can read a command line (`ps`, /proc/<pid>/cmdline), so it warns.
 *
 * Every run signs in afresh and keeps the token in memory only; the desktop app keeps its own sign-in encrypted
 * for itself, and one process's sign-in never changes another's.
 */
import { signInRequestSchema, type SignInRequest } from '../shared/domain/session.types';
import { serverUrlProblem } from '../shared/domain/server-url';
import { AppError } from '../shared/errors';
import type { ClaimDeskApp } from '../core/app/create-app.types';
import { UsageError, type CliIo } from './cli-context';

/** parseArgs options every signing-in command accepts. */
export const SIGN_IN_OPTIONS = {
  server: { type: 'string' },
  username: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
} as const;

export interface SignInFlags {
  server?: string;
  username?: string;
  password?: string;
  'password-stdin'?: boolean;
}

export const SIGN_IN_HELP =
  'needs --server URL and --username U (or CLAIMDESK_SERVER / CLAIMDESK_USERNAME); the password comes from ' +
  '--password-stdin, CLAIMDESK_PASSWORD, or a prompt at a terminal';

const PASSWORD_FLAG_WARNING =
  'warning: --password is visible to every user of this computer in the process list; use CLAIMDESK_PASSWORD or --password-stdin instead.\n';

async function readPassword(flags: SignInFlags, io: CliIo, username: string | undefined): Promise<string | undefined> {
  if (flags['password-stdin']) {
    if (flags.password !== undefined) throw new UsageError('Give the password once: --password-stdin or --password, not both.');
    if (!io.readStdin) throw new UsageError('--password-stdin needs the password on standard input.');
    // One line, as `printf '%s\n' "$PW" | claimdesk …` or a secret manager sends it; the line break is not part of it.
    return (await io.readStdin()).replace(/\r?\n$/, '');
  }
  if (flags.password !== undefined) {
    io.stderr(PASSWORD_FLAG_WARNING);
    return flags.password;
  }
  if (io.env.CLAIMDESK_PASSWORD) return io.env.CLAIMDESK_PASSWORD;
  return io.promptSecret ? io.promptSecret(`Password for ${username ?? 'the account'}: `) : undefined;
}

/** The sign-in request from flags, environment and stdin/prompt; a usage error says what is missing or wrong. */
export async function readSignInRequest(flags: SignInFlags, io: CliIo, command: string): Promise<SignInRequest> {
  const serverUrl = flags.server ?? io.env.CLAIMDESK_SERVER;
  const username = flags.username ?? io.env.CLAIMDESK_USERNAME;
  if (!serverUrl || !username) throw new UsageError(`${command} ${SIGN_IN_HELP}.`);
  // Before any password is asked for: an address ClaimDesk will not send it to.
  const problem = serverUrlProblem(serverUrl);
  if (problem) throw new UsageError(`${command}: ${problem}`);
  const password = await readPassword(flags, io, username);
  if (password === undefined) throw new UsageError(`${command}: no password given (no terminal to ask at). ${command} ${SIGN_IN_HELP}.`);
  const request = signInRequestSchema.safeParse({ serverUrl, username, password });
  if (!request.success) throw new UsageError(`${command}: ${request.error.issues.map((issue) => issue.message).join('; ')}`);
  return request.data;
}

/** Signs the app in and insists on a staff account (the fulfilment API is staff-only). */
export async function signInForCommand(app: ClaimDeskApp, request: SignInRequest): Promise<void> {
  const session = await app.handlers.signIn(request);
  if (!session.isStaff) throw new AppError('staff-required', `Staff access required: ${session.username ?? 'this account'} is not a staff account.`);
}
