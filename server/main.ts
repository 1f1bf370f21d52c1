/**
 * `npm run server`: the reference GeoDB server for the demo and for manual testing.
 *   --port 8765  --db .claimdesk-dev/server.sqlite  --reset  --seed demo|none|bench:<orders>x<claims>  --test-hooks
 *   --profile reference|seed000  (seed000: answers carry only what the GeoDB contract describes, http/server-profile.ts)
 *   --crew-interest-hours 72  (how long a field crew's interest stays active without a manager's decision)
 *   --claim-expiry-days 3  (business days a desk's claim on an order lasts without activity)
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_USERS } from './demo-users';
import { SERVER_PROFILES, startReferenceServer, type ServerProfileName } from './index';
import { parseSeedOption, type SeedOption } from './seed/seed';

const USAGE =
  'Usage: npm run server -- [--port 8765] [--db .claimdesk-dev/server.sqlite] [--reset] [--seed demo|none|bench:<orders>x<claims>] [--profile reference|seed000] [--crew-interest-hours 72] [--claim-expiry-days 3] [--test-hooks] [--log]';

class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface ServerCli {
  port: number;
  dbFile: string;
  reset: boolean;
  seed: SeedOption | undefined;
  profile: ServerProfileName;
  testHooks: boolean;
  logger: boolean;
  crewInterestTtlMs: number | undefined;
  assignmentClock: { expiryBusinessDays: number } | undefined;
}

function readArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8765' },
      db: { type: 'string', default: '.claimdesk-dev/server.sqlite' },
      reset: { type: 'boolean', default: false },
      seed: { type: 'string' },
      profile: { type: 'string', default: 'reference' },
      'crew-interest-hours': { type: 'string' },
      'claim-expiry-days': { type: 'string' },
      'test-hooks': { type: 'boolean', default: false },
      log: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
}

function parseCli(argv: string[]): ServerCli {
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs(argv);
  } catch (error) {
    // node:util's parser throws for an unknown option or a missing value: a typing mistake, said with the usage.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true) throw new UsageError(`${(error as Error).message}\n${USAGE}`);
    throw error;
  }
  const { values } = parsed;
  if (values.help) throw new UsageError(USAGE);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535 (got ${values.port})`);
  let seed: SeedOption | undefined;
  if (values.seed !== undefined) {
    seed = parseSeedOption(values.seed);
    if (seed === undefined) throw new UsageError(`--seed must be demo, none or bench:<orders>x<claims> (got ${values.seed})`);
  }
  const profile = SERVER_PROFILES.find((name) => name === values.profile);
  if (profile === undefined) throw new UsageError(`--profile must be ${SERVER_PROFILES.join(' or ')} (got ${values.profile})`);
  const hours = values['crew-interest-hours'] === undefined ? undefined : Number(values['crew-interest-hours']);
  if (hours !== undefined && !(hours > 0 && hours <= 24 * 365)) throw new UsageError(`--crew-interest-hours must be more than 0 and at most 8760 (got ${values['crew-interest-hours']})`);
  const crewInterestTtlMs = hours === undefined ? undefined : hours * 3_600_000;
  const days = values['claim-expiry-days'] === undefined ? undefined : Number(values['claim-expiry-days']);
  if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 60)) throw new UsageError(`--claim-expiry-days must be a whole number of business days from 1 to 60 (got ${values['claim-expiry-days']})`);
  const assignmentClock = days === undefined ? undefined : { expiryBusinessDays: days };
  return { port, dbFile: resolve(values.db), reset: values.reset, seed, profile, testHooks: values['test-hooks'], logger: values.log, crewInterestTtlMs, assignmentClock };
}

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  const isNew = cli.reset || !existsSync(cli.dbFile);
  // Default: demo data for a new (or empty) database; an existing one is left as it is (seeding skips it).
  const seed = cli.seed ?? 'demo';
  const started = Date.now();
  const server = await startReferenceServer({ ...cli, seed });
  const note = server.seed.skipped ? 'kept existing orders' : `${server.seed.inserted} orders seeded`;
  console.log(`ClaimDesk reference GeoDB server listening on ${server.url}`);
  if (cli.profile !== 'reference') console.log(`  profile ${cli.profile}: answers carry only what the GeoDB contract describes`);
  console.log(`  database: ${cli.dbFile}${isNew ? ' (new)' : ''} — seed ${server.seed.seed}: ${note} in ${Date.now() - started} ms`);
  if (cli.testHooks) console.log('  test hooks enabled under /__test__/');
  console.log('  demo sign-ins (password for all):', DEMO_USERS[0]?.password ?? '');
  for (const user of DEMO_USERS) console.log(`    ${user.username.padEnd(14)} ${user.role}${user.is_staff ? '' : ' (not staff)'}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
