/**
 * ClaimDesk's headless CLI (`npx claimdesk <command>`, bin/claimdesk.cjs; `npm run cli -- <command>` in development),
 * a shell over the same services as the desktop app.
 * Exit codes: 0 success, 1 the work failed (one-line reason on stderr), 2 bad usage; validate: 1 = problems found,
 * 2 = the file cannot be read; export: 1 = some orders were skipped or failed; package: 1 = refused with reasons;
 * as-staked: 1 = a post moved or missing, or the as-staked layout has problems; pull: 1 = someone else works the order.
 * With --json, stdout is exactly one JSON document for every exit code: the command's result, or
 * {"error": {"code", "message"}} when it failed or was used wrongly (the reason also goes to stderr).
 */
import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors';
import { CommandError, describeFailure, UsageError, type CliIo } from './cli-context';
import { jsonText, terminalText } from './terminal-text';
import { SIGN_IN_OPTIONS } from './sign-in';
import { promptSecret, readAllStdin } from './terminal-input';

type Command = (args: string[], io: CliIo) => Promise<number>;

/**
 * Each command's module is loaded when that command runs, never before: `claimdesk sync` or `orders` does not
 * load the PDF renderers, the canvas or the export pool that `package` and `export` need (memory and start-up).
 */
const FILE_COMMANDS: Record<string, () => Promise<Command>> = {
  // grid and validate work on files, arguments or the cache alone, with options of their own: no sign-in.
  grid: async () => (await import('./commands/grid.command')).runGridCommand,
  validate: async () => (await import('./commands/validate.command')).runValidateCommand,
  export: async () => (await import('./commands/export.command')).runExportCommand,
  package: async () => (await import('./commands/package.command')).runPackageCommand,
  'as-staked': async () => (await import('./commands/as-staked.command')).runAsStakedCommand,
  upload: async () => (await import('./commands/upload.command')).runUploadCommand,
  push: async () => (await import('./commands/upload.command')).runPushCommand,
  history: async () => (await import('./commands/history.command')).runHistoryCommand,
  plss: async () => (await import('./commands/plss.command')).runPlssCommand,
  deadlines: async () => (await import('./commands/deadlines.command')).runDeadlinesCommand,
  record: async () => (await import('./commands/filings.command')).runRecordCommand,
  file: async () => (await import('./commands/filings.command')).runFileCommand,
  pull: async () => (await import('./commands/assignment.command')).runAssignmentCommand.bind(null, 'pull'),
  release: async () => (await import('./commands/assignment.command')).runAssignmentCommand.bind(null, 'release'),
  assign: async () => (await import('./commands/assignment.command')).runAssignmentCommand.bind(null, 'assign'),
};

const USAGE = `Usage:
  claimdesk sync --server URL --username U [--password-stdin] [--data-dir DIR] [--json]
  claimdesk orders [--data-dir DIR] [--json]
  claimdesk history --order TYPE:ID [--data-dir DIR] [--json]
  claimdesk deadlines [--within DAYS] [--on YYYY-MM-DD] [--data-dir DIR] [--json]
  claimdesk record --order TYPE:ID --on YYYY-MM-DD (--instrument N | --book B --page P) --fee USD [--office NAME]
                   --server URL --username U [--password-stdin] [--data-dir DIR] [--json]
  claimdesk file --order TYPE:ID --on YYYY-MM-DD --serial "NAME=SERIAL"... --fees USD [--date-of-location YYYY-MM-DD]
                 [--claimant NAME...] --server URL --username U [--password-stdin] [--data-dir DIR] [--json]
  claimdesk grid --lat LAT --lon LON --rows R --cols C [--azimuth DEG] [--prefix P] [--first N]
                 [--anchor nw|center] [--type lode|placer] [--state XX] [--geojson]
  claimdesk validate FILE.geojson [--state XX] [--type lode|placer] [--json]
  claimdesk validate --order TYPE:ID [--data-dir DIR] [--json]
  claimdesk export (--order TYPE:ID ... | --all) --out DIR [--data-dir DIR] [--date-of-location YYYY-MM-DD] [--json]
  claimdesk package --layout FILE.geojson --details FILE.json --out DIR [--data-dir DIR] [--json]
  claimdesk as-staked (--order TYPE:ID | --layout FILE.geojson --details FILE.json) --gpx FILE [--apply] [--out DIR]
                      [--data-dir DIR] [--server URL --username U [--password-stdin]] [--json]
  claimdesk upload (--order TYPE:ID ... | --all-ready) --server URL --username U [--password-stdin] [--data-dir DIR] [--json]
  claimdesk pull --order TYPE:ID [--reason R] --server URL --username U [--password-stdin] [--data-dir DIR] [--json]
  claimdesk release --order TYPE:ID --server URL --username U [--password-stdin] [--data-dir DIR] [--json]
  claimdesk assign --order TYPE:ID --to USER --reason R --server URL --username U [--password-stdin] [--data-dir DIR] [--json]
  claimdesk push --server URL --username U [--password-stdin] [--data-dir DIR] [--json]
  claimdesk plss import FILE... [--data-dir DIR] [--json]
  claimdesk plss lookup --lat LAT --lon LON [--data-dir DIR] [--json]
  claimdesk plss describe FILE.geojson [--state XX] [--type lode|placer] [--data-dir DIR] [--json]
  claimdesk plss list [--data-dir DIR] [--json] | plss remove --state XX [--data-dir DIR]

--data-dir (or CLAIMDESK_DATA_DIR) chooses the cache folder; the default is the app's data folder.
sync, upload, push, record and file also read CLAIMDESK_SERVER and CLAIMDESK_USERNAME. The password comes from standard input
(--password-stdin), CLAIMDESK_PASSWORD, or a prompt at a terminal; --password P still works but other users of
this computer can read it in the process list.`;

/**
 * Everything written goes through here: human text without control characters, and with --json the one document
 * on stdout kept to that (a command that failed before printing gets its {"error"} document instead).
 */
function safeIo(io: CliIo, json: boolean): CliIo & { wroteStdout: () => boolean } {
  let wrote = false;
  return {
    ...io,
    stdout: (text) => {
      wrote = true;
      io.stdout(json ? jsonText(text) : terminalText(text));
    },
    stderr: (text) => io.stderr(terminalText(text)),
    wroteStdout: () => wrote,
  };
}

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const io = safeIo(rawIo, json);
  const fail = (code: string, message: string, exitCode: number): number => {
    if (json && !io.wroteStdout()) io.stdout(`${JSON.stringify({ error: { code, message } })}\n`);
    return exitCode;
  };
  try {
    const [command, ...rest] = argv;
    const fileCommand = command !== undefined && Object.hasOwn(FILE_COMMANDS, command) ? FILE_COMMANDS[command] : undefined;
    if (fileCommand) return await (await fileCommand())(rest, io);
    const { values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        ...SIGN_IN_OPTIONS,
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const common = { dataDir: values['data-dir'], json: values.json ?? false };
    switch (command) {
      case 'sync':
        return await (await import('./commands/sync.command')).runSyncCommand({ ...common, signIn: values }, io);
      case 'orders':
        if (values.server || values.username || values.password || values['password-stdin']) throw new UsageError('orders reads the local cache only; it takes no sign-in flags.');
        return await (await import('./commands/orders.command')).runOrdersCommand(common, io);
      case undefined:
      case 'help':
      case '--help':
        io.stdout(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`${error.message}\n${USAGE}\n`);
      return fail('usage', error.message, 2);
    }
    io.stderr(`claimdesk: ${describeFailure(error)}\n`);
    if (error instanceof CommandError) return fail(error.code, error.message, error.exitCode);
    return fail(error instanceof AppError ? error.code : 'internal', error instanceof Error ? error.message : String(error), 1);
  }
}

/** The process entry: bin/claimdesk.cjs calls it, and `tsx cli/main.ts` (npm run cli) runs it directly. */
export function main(argv: string[]): void {
  // Everything the CLI writes (cache, packages, snapshots) is for this user only.
  process.umask(0o077);
  runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    readStdin: () => readAllStdin(),
    ...(process.stdin.isTTY ? { promptSecret: (question: string) => promptSecret(question) } : {}),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`claimdesk: ${terminalText(describeFailure(error))}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) main(process.argv.slice(2));
