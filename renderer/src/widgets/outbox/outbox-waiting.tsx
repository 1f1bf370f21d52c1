import { formatCount } from '../../lib/format';
import { selectOffline, useSyncStore } from '../../state/sync.store';
import { attentionCount, openCount } from '../../state/outbox-states';
import { useOutboxStore } from '../../state/outbox.store';

/** The sync bar's word on the outbox: work is waiting (and, offline, that it goes out by itself later). */
export function OutboxWaiting({ onOpen }: { onOpen: () => void }) {
  const counts = useOutboxStore((state) => state.counts);
  const offline = useSyncStore(selectOffline);
  const open = openCount(counts);
  const attention = attentionCount(counts);
  if (open === 0) return null;
  // Failed and in-review entries are not "waiting to be sent": they wait for a person, so they are counted apart.
  const waiting = open - attention;
  const parts = [
    waiting > 0 ? `${formatCount(waiting)} waiting to be sent` : null,
    attention > 0 ? `${formatCount(attention)} need${attention === 1 ? 's' : ''} attention` : null,
  ].filter(Boolean);
  const text = `Outbox: ${parts.join(' · ')}`;
  return (
    <button
      type="button"
      className={attention > 0 ? 'outbox-waiting outbox-waiting--attention' : 'outbox-waiting'}
      onClick={onOpen}
      title={offline ? 'They are sent when the server can be reached.' : 'Open the outbox'}
      data-testid="outbox-waiting"
    >
      <span className="outbox-waiting__dot" aria-hidden="true" />
      {text}
      {offline && <span className="muted"> — sent when online</span>}
    </button>
  );
}
