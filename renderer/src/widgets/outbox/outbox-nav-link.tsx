import { plural } from '../../lib/format';
import { attentionCount, openCount } from '../../state/outbox-states';
import { useOutboxStore } from '../../state/outbox.store';

/** "Outbox" in the header with how much is still owed to the server; red when a person has to act on something. */
export function OutboxNavLink({ current, onClick }: { current: boolean; onClick: () => void }) {
  const counts = useOutboxStore((state) => state.counts);
  const open = openCount(counts);
  const attention = attentionCount(counts);
  const title = attention > 0 ? `${plural(open, 'entry', 'entries')} waiting, ${attention} needing attention` : `${plural(open, 'entry', 'entries')} waiting to be sent`;
  return (
    <button type="button" className="app-header__link" aria-current={current ? 'page' : undefined} data-testid="nav-outbox" onClick={onClick}>
      Outbox
      {open > 0 && (
        <span
          className={attention > 0 ? 'nav-badge nav-badge--attention' : 'nav-badge'}
          title={title}
          data-testid="nav-outbox-badge"
          data-attention={attention > 0 ? 'true' : 'false'}
        >
          <span aria-hidden="true">{open}</span>
          <span className="visually-hidden">{title}</span>
        </span>
      )}
    </button>
  );
}
