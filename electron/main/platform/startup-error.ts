/**
 * What the staff member reads when ClaimDesk cannot open its cache. Pure so the wording is tested. The point of
 * these messages: say that nothing was deleted and what to do, because the cache holds work not yet uploaded.
 */
import { isAppError, errorMessage } from '../../../shared/errors';

export interface StartupErrorText {
  title: string;
  message: string;
}

export function describeStartupError(error: unknown, dataDir: string, hint?: string): StartupErrorText {
  const folder = `\n\nData folder: ${dataDir}`;
  const extra = hint ? `\n\n${hint}` : '';
  if (isAppError(error) && error.code === 'db-too-new') {
    return {
      title: 'ClaimDesk needs to be updated',
      message: `${error.message}\n\nYour data was saved by a newer version of ClaimDesk. It has not been changed or deleted. Install the latest ClaimDesk to open it.${folder}${extra}`,
    };
  }
  if (isAppError(error) && error.code === 'db-failed') {
    return {
      title: 'ClaimDesk could not open its data',
      message: `${error.message}\n\nNothing was deleted. Close other copies of ClaimDesk and try again; if it keeps happening, send the data folder to support.${folder}${extra}`,
    };
  }
  const text = errorMessage(error);
  return {
    title: 'ClaimDesk could not start',
    message: `${text}\n\nNothing was deleted.${folder}${extra}`,
  };
}
