/** `claimdesk sync`: sign in and pull the pending orders into the cache, through the same services as the app. */
import { signInRequestSchema } from '../../shared/domain/session.types';
import { AppError } from '../../shared/errors';
import { UsageError, withApp, type CliIo } from '../cli-context';

export interface SyncOptions {
  server?: string;
  username?: string;
  password?: string;
  dataDir?: string;
  json: boolean;
}

export async function runSyncCommand(options: SyncOptions, io: CliIo): Promise<number> {
  const request = signInRequestSchema.safeParse({
    serverUrl: options.server ?? io.env.CLAIMDESK_SERVER,
    username: options.username ?? io.env.CLAIMDESK_USERNAME,
    password: options.password ?? io.env.CLAIMDESK_PASSWORD,
  });
  if (!request.success) {
    throw new UsageError(`sync needs --server URL --username U --password P (${request.error.issues.map((i) => i.message).join('; ')})`);
  }
  return withApp(options.dataDir, io, async (app) => {
    let lastStage = '';
    app.onEvent('syncStatus', (status) => {
      const stage = status.progress?.stage;
      if (stage && stage !== lastStage && !options.json) io.stderr(`${status.progress?.message ?? stage}\n`);
      if (stage) lastStage = stage;
    });
    const session = await app.handlers.signIn(request.data);
    if (!session.isStaff) {
      throw new AppError('staff-required', `Staff access required: ${session.username ?? 'this account'} is not a staff account.`);
    }
    const report = await app.handlers.runSync({});
    if (options.json) {
      io.stdout(`${JSON.stringify(report)}\n`);
    } else {
      const skipped = report.skipped.length > 0 ? `, ${report.skipped.length} skipped` : '';
      io.stdout(
        report.outcome === 'unchanged'
          ? `Nothing changed on ${request.data.serverUrl}.\n`
          : `Synced ${report.received} orders from ${request.data.serverUrl}: ${report.added} new, ${report.updated} updated, ` +
              `${report.unchanged} unchanged, ${report.gone} gone, ${report.withProblems} with problems${skipped}.\n`,
      );
      for (const entry of report.skipped) io.stderr(`skipped entry ${entry.index}: ${entry.reason}\n`);
    }
    return 0;
  });
}
