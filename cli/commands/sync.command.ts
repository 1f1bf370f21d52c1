/** `claimdesk sync`: sign in and pull the pending orders into the cache, through the same services as the app. */
import { withApp, type CliIo } from '../cli-context';
import { readSignInRequest, signInForCommand, type SignInFlags } from '../sign-in';

export interface SyncOptions {
  signIn: SignInFlags;
  dataDir?: string;
  json: boolean;
}

export async function runSyncCommand(options: SyncOptions, io: CliIo): Promise<number> {
  const request = await readSignInRequest(options.signIn, io, 'sync');
  return withApp(options.dataDir, io, async (app) => {
    let lastStage = '';
    app.onEvent('syncStatus', (status) => {
      const stage = status.progress?.stage;
      if (stage && stage !== lastStage && !options.json) io.stderr(`${status.progress?.message ?? stage}\n`);
      if (stage) lastStage = stage;
    });
    await signInForCommand(app, request);
    const report = await app.handlers.runSync({});
    if (options.json) {
      io.stdout(`${JSON.stringify(report)}\n`);
    } else {
      const skipped = report.skipped.length > 0 ? `, ${report.skipped.length} skipped` : '';
      io.stdout(
        report.outcome === 'unchanged'
          ? `Nothing changed on ${request.serverUrl}.\n`
          : `Synced ${report.received} orders from ${request.serverUrl}: ${report.added} new, ${report.updated} updated, ` +
              `${report.unchanged} unchanged, ${report.gone} gone, ${report.withProblems} with problems${skipped}.\n`,
      );
      for (const entry of report.skipped) io.stderr(`skipped entry ${entry.index}: ${entry.reason}\n`);
    }
    return 0;
  });
}
