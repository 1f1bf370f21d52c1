/** The outbox over IPC: queue a package, the queue view, retry, discard, send now (status changes go through the workflow). */
import type { IpcHandlers } from '../../shared/ipc/contract';
import type { OutboxService } from '../outbox/outbox.service';

type OutboxHandlerNames =
  | 'queueUpload'
  | 'queueUploads'
  | 'listOutbox'
  | 'retryOutboxEntry'
  | 'discardOutboxEntry'
  | 'sendOutboxNow'
  | 'listReadyToUpload';

export function createOutboxHandlers(outbox: OutboxService): Pick<IpcHandlers, OutboxHandlerNames> {
  return {
    queueUpload: ({ jobId }) => outbox.queueUpload(jobId),
    queueUploads: ({ jobIds }) => outbox.queueUploads(jobIds),
    listOutbox: async (filter) => ({ entries: await outbox.list(filter), counts: await outbox.counts() }),
    retryOutboxEntry: ({ id }) => outbox.retry(id),
    discardOutboxEntry: ({ id }) => outbox.discard(id),
    sendOutboxNow: () => outbox.drain(),
    listReadyToUpload: async () => ({ jobIds: await outbox.readyToUpload() }),
  };
}
