/** fsync helpers shared by the writers that promise a crash leaves either the old state or the new one. */
import { open } from 'node:fs/promises';

/** fsync a directory so the names created in it survive a power cut (a no-op where directories cannot be opened). */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

/** fsync one file's contents. */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
