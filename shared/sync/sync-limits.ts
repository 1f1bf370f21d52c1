/**
 * How much of the server's pending-orders list ClaimDesk will download in one sync: a size cap and an overall
 * deadline. Both are settings (Settings → Sync); beyond either the sync stops with a message saying which, and
 * the cache is left exactly as it was. They bound the download however its body is read, buffered now or
 * streamed later: bytes are counted after decompression, and the deadline runs from the request to the last byte.
 *
 * Defaults, and why:
 *   100 MB        the 10,000-order × 8-claim benchmark list is about a fifth of that; a list over it is either
 *                 far beyond any desk's queue or a broken server, and holding it costs several times its size
 *   10 minutes    100 MB at about 1.4 Mbit/s, a poor office or tethered connection; the client's 30 s idle timeout
 *                 does not catch a server that trickles a byte now and then, this does
 */
import { z } from 'zod';

export const syncLimitsSchema = z.object({
  maxDownloadMb: z.number().int().min(1).max(4096),
  downloadDeadlineSeconds: z.number().int().min(10).max(24 * 3600),
});
export type SyncLimits = z.infer<typeof syncLimitsSchema>;

export const DEFAULT_SYNC_LIMITS: SyncLimits = { maxDownloadMb: 100, downloadDeadlineSeconds: 600 };

/** The settings in the units the HTTP client counts (MB = 1,000,000 bytes, as the messages print them). */
export function downloadLimitsOf(limits: SyncLimits): { maxBytes: number; deadlineMs: number } {
  return { maxBytes: limits.maxDownloadMb * 1_000_000, deadlineMs: limits.downloadDeadlineSeconds * 1000 };
}
