/**
 * Reads the pending-orders answer as it arrives: its bytes go through the splitter (pending-orders-splitter.ts)
 * and each entry is handed to the caller before the next bytes are read, so the stream's backpressure keeps
 * memory to a chunk and one entry however long the list is. The size cap is counted by axios on the decompressed
 * bytes (maxContentLength, applied to streams too); the deadline and aborts end the stream from outside.
 */
import type { Readable } from 'node:stream';
import { PendingOrdersSplitter, type RawEntry } from './pending-orders-splitter';

export interface EntrySink {
  /** Called for every entry in order; the body is not read further until it resolves. */
  onEntry: (entry: RawEntry) => Promise<void> | void;
  /** Bytes read so far and the announced length (0 when not announced), at most a few times a second. */
  onProgress?: (loaded: number, total: number) => void;
}

export interface ReadOutcome {
  /** Whether the answer had an "orders" list at all. */
  listed: boolean;
  entries: number;
}

/** Marks a failure of the caller's own work, which must reach it unchanged (not be taken for a network failure). */
class SinkFailure {
  constructor(readonly error: unknown) {}
}

/** The body could not be read to its end: the stream failed (network, cap, abort) or the answer is not valid (SplitError). */
export class BodyFailure extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

const PROGRESS_EVERY_MS = 250;

/**
 * Reads `body` to its end through the splitter. The caller's errors reach it as thrown; anything else is a
 * BodyFailure whose reason is the stream's error or a SplitError (the answer is not the JSON the contract describes).
 */
export async function readPendingOrdersBody(body: Readable, total: number, sink: EntrySink): Promise<ReadOutcome> {
  const splitter = new PendingOrdersSplitter();
  let loaded = 0;
  let entries = 0;
  let reportedAt = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      loaded += chunk.length;
      for (const entry of splitter.push(chunk)) {
        entries += 1;
        try {
          await sink.onEntry(entry);
        } catch (error) {
          throw new SinkFailure(error);
        }
      }
      const now = performance.now();
      if (sink.onProgress && now - reportedAt >= PROGRESS_EVERY_MS) {
        reportedAt = now;
        sink.onProgress(loaded, total);
      }
    }
    splitter.end();
  } catch (error) {
    if (error instanceof SinkFailure) throw error.error;
    throw new BodyFailure(error);
  } finally {
    body.destroy();
  }
  sink.onProgress?.(loaded, total);
  return { listed: splitter.listed, entries };
}

/** An error answer's body (DRF's {"detail": …}), read up to a small cap: enough for its message. */
export async function readSmallBody(body: Readable, cap = 64 * 1024): Promise<unknown> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= cap) break;
    }
  } catch {
    // What arrived is enough for a message; a broken error body must not hide the status.
  } finally {
    body.destroy();
  }
  const text = Buffer.concat(parts).subarray(0, cap).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
