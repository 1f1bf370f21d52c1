/**
 * The one place an IPC call is validated and run, shared by Electron main (register-ipc.ts) and the browser
 * test host (POST /ipc/:method). No electron import: it runs and is tested under plain Node.
 *
 * Order of checks: method name → request schema → handler → response schema. Everything that goes wrong
 * becomes an IpcResult error envelope; nothing is ever thrown across the bridge.
 */
import { IPC_METHOD_NAMES, type IpcMethodName } from '../../shared/ipc/channels';
import { ipcContract, type IpcHandlers } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { describeZodError, toErrorInfo } from '../../shared/errors';

export type DispatchLogger = (message: string) => void;

export interface DispatchOptions {
  /** Where contract violations by our own handlers are reported (default: console.error). */
  log?: DispatchLogger;
}

const defaultLog: DispatchLogger = (message) => console.error(message);

/** Own keys only: `constructor`, `toString` or `__proto__` must never resolve to a "method". */
export function isIpcMethodName(name: string): name is IpcMethodName {
  return Object.prototype.hasOwnProperty.call(ipcContract, name);
}


export async function dispatchIpc(
  handlers: IpcHandlers,
  method: string,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<IpcResult<unknown>> {
  const log = options.log ?? defaultLog;
  if (!isIpcMethodName(method)) {
    return { ok: false, error: { code: 'invalid-request', message: `Unknown IPC method "${truncate(method)}".` } };
  }
  const contract = ipcContract[method];

  // A renderer that sends nothing for a no-argument method is not an attack; treat it as {}.
  const request = contract.request.safeParse(payload === undefined ? {} : payload);
  if (!request.success) {
    return { ok: false, error: { code: 'invalid-request', message: describeZodError(request.error, `request for ${method}`) } };
  }

  // The correlation between `method` and its handler's parameter type is lost once `method` is a runtime
  // string; the schema parse above is what makes this call safe.
  const handler = handlers[method] as (request: unknown) => Promise<unknown>;
  let value: unknown;
  try {
    value = await handler(request.data);
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }

  // Our own handler broke the contract: that is a bug, not the user's fault. Log where (paths only, the value
  // may hold personal data) and tell the renderer something went wrong instead of sending unchecked data.
  const response = contract.response.safeParse(value);
  if (!response.success) {
    log(`[ipc] ${method}: handler response does not match the contract. ${describeZodError(response.error, 'response')}`);
    return { ok: false, error: { code: 'internal', message: `ClaimDesk produced an invalid answer for ${method}. This is a bug.` } };
  }
  return { ok: true, value: response.data };
}

/** Throws at start-up (not at the first click) when a shell was given handlers that do not match the contract. */
export function assertHandlersCoverContract(handlers: object): asserts handlers is IpcHandlers {
  const record = handlers as Record<string, unknown>;
  const missing = IPC_METHOD_NAMES.filter((name) => typeof record[name] !== 'function');
  const extra = Object.keys(record).filter((name) => !isIpcMethodName(name));
  if (missing.length === 0 && extra.length === 0) return;
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing handler(s): ${missing.join(', ')}`);
  if (extra.length > 0) parts.push(`handler(s) not in the contract: ${extra.join(', ')}`);
  throw new Error(`IPC handlers do not match shared/ipc/contract.ts: ${parts.join('; ')}`);
}

function truncate(value: string): string {
  return value.length > 64 ? `${value.slice(0, 64)}…` : value;
}
