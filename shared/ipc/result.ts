import { z } from 'zod';
import type { ErrorInfo } from '../errors';
import { errorInfoSchema } from '../domain/sync.types';

/** Every IPC answer is an envelope: errors cross the bridge as data, never as thrown Error objects. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function ipcResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: errorInfoSchema }),
  ]);
}
