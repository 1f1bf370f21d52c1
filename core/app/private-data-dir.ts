/**
 * The data folder holds the customers' orders (names, addresses, emails), staking packages and the encrypted
 * session: it is made for this user only (0700). A folder an earlier ClaimDesk created readable to others (0755)
 * is tightened when it holds our cache; a folder someone chose that does not (yet) hold it is left as it is, apart
 * from what ClaimDesk creates inside it. Files inside come out 0600: the shells set umask 077, and the cache file
 * itself is created 0600 here (SQLite gives its -wal and -shm files the same mode).
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

export function preparePrivateDataDir(dir: string, cacheFile: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (process.platform === 'win32') return; // ACLs of the user profile apply; POSIX modes mean nothing there
  const cache = join(dir, cacheFile);
  // Best effort: a folder or file we do not own, or a read-only one, is reported by openDatabase in its own words.
  attempt(() => {
    if (existsSync(cache) && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, PRIVATE_DIR);
  });
  // Created empty with the private mode before SQLite opens it (an empty file is a new database to SQLite).
  attempt(() => {
    if (!existsSync(cache)) closeSync(openSync(cache, 'a', PRIVATE_FILE));
  });
  for (const file of [cache, `${cache}-wal`, `${cache}-shm`]) {
    attempt(() => {
      if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, PRIVATE_FILE);
    });
  }
}

function attempt(step: () => void): void {
  try {
    step();
  } catch {
    // see above
  }
}
