/**
 * What the environment and the command line may change about the desktop app. A packaged app ignores the
 * development variables: CLAIMDESK_DATA_DIR (a variable inherited from a shell profile or a launcher could point
 * the app at a folder another user controls) and CLAIMDESK_DEMO_* (an automatic sign-in with a password from the
 * environment). `--data-dir=DIR` stays, in every build: it is typed by the person starting the app, and it is how
 * a second server gets a cache of its own.
 */
import { resolve } from 'node:path';
import type { DemoSignIn } from '../../../core/app/create-app.types';

const DATA_DIR_ARG = '--data-dir=';

export function launchDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, isPackaged: boolean): string | undefined {
  const fromArg = argv.find((arg) => arg.startsWith(DATA_DIR_ARG))?.slice(DATA_DIR_ARG.length);
  if (fromArg) return resolve(fromArg);
  const fromEnv = isPackaged ? undefined : env['CLAIMDESK_DATA_DIR'];
  return fromEnv ? resolve(fromEnv) : undefined;
}

export function demoSignIn(env: NodeJS.ProcessEnv, isPackaged: boolean): DemoSignIn | undefined {
  if (isPackaged) return undefined;
  const serverUrl = env['CLAIMDESK_DEMO_SERVER'];
  const username = env['CLAIMDESK_DEMO_USERNAME'];
  const password = env['CLAIMDESK_DEMO_PASSWORD'];
  if (!serverUrl || !username || !password) return undefined;
  return { serverUrl, username, password };
}

/**
 * Desktop notification text. Linux notification daemons read the body as markup (<b>, <a href>, <img>): an order
 * number or company name from the server could otherwise style, link or load an image in it. Other systems show
 * text as it is, where escaping would show "&amp;".
 */
export function notificationBody(text: string, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'linux') return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
