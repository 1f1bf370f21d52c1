/**
 * The back-end's push events (IPC_EVENTS), one listener set per event built from the contract's table, so adding an
 * event to the contract is the only step: every shell forwards whatever this emits.
 */
import { IPC_EVENTS, type IpcEventName } from '../../shared/ipc/channels';
import type { IpcEventPayload } from '../../shared/ipc/contract';

type Listener<K extends IpcEventName> = (payload: IpcEventPayload<K>) => void;

export interface EventHub {
  emit<K extends IpcEventName>(name: K, payload: IpcEventPayload<K>): void;
  on<K extends IpcEventName>(name: K, listener: Listener<K>): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Map<IpcEventName, Set<Listener<IpcEventName>>>((Object.keys(IPC_EVENTS) as IpcEventName[]).map((name) => [name, new Set()]));
  // The map holds every name of the table; the casts only restore the per-name payload type a Map cannot express.
  const setOf = <K extends IpcEventName>(name: K) => listeners.get(name) as Set<Listener<K>>;
  return {
    emit(name, payload) {
      for (const listener of setOf(name)) listener(payload);
    },
    on(name, listener) {
      const set = setOf(name);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}

/** A signal with no payload, for a service built early to reach one built later without knowing it. */
export interface Signal {
  fire(): void;
  listen(listener: () => void): void;
}

export function createSignal(): Signal {
  const listeners: (() => void)[] = [];
  return {
    fire: () => listeners.forEach((listener) => listener()),
    listen: (listener) => void listeners.push(listener),
  };
}
