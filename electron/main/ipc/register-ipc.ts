/**
 * Registers one ipcMain.handle per contract entry. Types only from electron, so tests pass a fake ipcMain.
 *
 * Every call first checks which frame sent it: a frame we did not load (a navigation that slipped through,
 * an iframe) must not reach the back-end. Then dispatchIpc validates the payload and the answer.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_METHOD_NAMES, IPC_METHODS } from '../../../shared/ipc/channels';
import type { IpcHandlers } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import { assertHandlersCoverContract, dispatchIpc, type DispatchOptions } from '../../../core/ipc/dispatch';

export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  isTrustedSender: (url: string) => boolean,
  options: DispatchOptions = {},
): void {
  assertHandlersCoverContract(handlers);
  for (const name of IPC_METHOD_NAMES) {
    ipcMain.handle(IPC_METHODS[name], (event: SenderEvent, payload: unknown) =>
      handleInvoke(event, name, payload, handlers, isTrustedSender, options),
    );
  }
}

async function handleInvoke(
  event: SenderEvent,
  method: string,
  payload: unknown,
  handlers: IpcHandlers,
  isTrustedSender: (url: string) => boolean,
  options: DispatchOptions,
): Promise<IpcResult<unknown>> {
  // senderFrame is null when the frame navigated away or was destroyed before the message arrived.
  const url = senderUrl(event);
  if (url === null || !isTrustedSender(url)) {
    return { ok: false, error: { code: 'untrusted-sender', message: 'This request did not come from the ClaimDesk window.' } };
  }
  return dispatchIpc(handlers, method, payload, options);
}

function senderUrl(event: SenderEvent): string | null {
  try {
    const url = event.senderFrame?.url;
    return typeof url === 'string' && url.length > 0 ? url : null;
  } catch {
    // Reading a disposed WebFrameMain throws; such a sender cannot be trusted.
    return null;
  }
}
