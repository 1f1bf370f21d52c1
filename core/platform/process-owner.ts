/**
 * Which process owns a piece of shared work (an outbox entry being sent, a snapshot being copied, a package
 * folder being swapped), and whether that process is still alive. The desktop app and the CLI share one data
 * folder, so start-up recovery must tell "left behind by a crash" from "another process is doing it right now".
 *
 * An owner is "host/pid/nonce". The nonce tells this run from an earlier one that had the same pid (common in
 * containers, where the app is the same pid at every start). Liveness is only known on this host: a process on
 * another host (a data folder on a shared drive) is neither alive nor dead here, so its claims end by expiry only.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

const NONCE = randomBytes(4).toString('hex');
const HOST = hostname();

/** This process, for as long as it runs. */
export const PROCESS_OWNER = `${HOST}/${process.pid}/${NONCE}`;

/**
 * One owner within this process ("host/pid/nonce#part"): two parts of one process (two app instances in a test,
 * say) must not mistake each other's claims for their own; both live exactly as long as the process.
 */
export function newOwnerWithinProcess(): string {
  return `${PROCESS_OWNER}#${randomBytes(4).toString('hex')}`;
}

/** A short form for names on disk ("<pid>.<nonce>"): folders are only ever shared by processes on one host. */
export const PROCESS_TAG = `${process.pid}.${NONCE}`;

interface Owner {
  host: string;
  pid: number;
  nonce: string;
}

function parseOwner(owner: string): Owner | null {
  const match = /^(.*)\/(\d+)\/([0-9a-f]+)(?:#[0-9a-f]+)?$/.exec(owner);
  return match ? { host: match[1]!, pid: Number(match[2]), nonce: match[3]! } : null;
}

/** Whether a process with this id runs on this machine now (EPERM: it runs, under another user). */
export function pidIsRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function aliveOnThisHost(pid: number, nonce: string): boolean {
  // Our own pid: alive only if it is this very run; an earlier run with the same pid is certainly gone.
  if (pid === process.pid) return nonce === NONCE;
  return pidIsRunning(pid);
}

/** true: alive; false: certainly gone (or unreadable); null: another host, cannot tell from here. */
export function ownerAlive(owner: string | null): boolean | null {
  const parsed = owner ? parseOwner(owner) : null;
  if (!parsed) return false;
  if (parsed.host !== HOST) return null;
  return aliveOnThisHost(parsed.pid, parsed.nonce);
}

/** For a PROCESS_TAG found in a file or folder name; a name without one (older versions) has no live owner. */
export function tagAlive(tag: string | undefined): boolean {
  const match = tag ? /^(\d+)\.([0-9a-f]+)$/.exec(tag) : null;
  return match ? aliveOnThisHost(Number(match[1]), match[2]!) : false;
}
