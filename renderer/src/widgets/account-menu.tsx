import { useEffect, useRef } from 'react';
import { usePopover } from '../lib/use-popover.hook';
import { useSessionStore } from '../state/session.store';

/** The header's account button: who is signed in, against which server, and "Sign out". */
export function AccountMenu() {
  const session = useSessionStore((state) => state.session);
  const signOut = useSessionStore((state) => state.signOut);
  const firstItemRef = useRef<HTMLButtonElement>(null);
  const { open, setOpen, rootRef, buttonRef, panelId: menuId, onKeyDown } = usePopover();

  useEffect(() => {
    if (open) firstItemRef.current?.focus();
  }, [open]);

  if (!session) return null;
  const name = session.displayName || session.username || 'Account';
  const initials = name
    .split(/[\s._@-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');

  return (
    <div
      className="account-menu"
      ref={rootRef}
      onKeyDown={onKeyDown}
    >
      <button
        ref={buttonRef}
        type="button"
        className="account-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
        data-testid="account-menu-button"
      >
        <span className="avatar" aria-hidden="true">{initials || '?'}</span>
        <span className="account-menu__name">{name}</span>
        <span className="caret" aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="account-menu__popover" id={menuId} role="menu" aria-label="Account" data-testid="account-menu">
          <div className="account-menu__info" role="presentation">
            <div className="account-menu__who">{name}</div>
            {session.username && session.username !== name && <div className="muted">{session.username}</div>}
            <div className="muted">
              {session.role ?? 'unknown role'}
              {session.serverUrl ? ` · ${session.serverUrl}` : ''}
            </div>
          </div>
          <button
            ref={firstItemRef}
            type="button"
            role="menuitem"
            className="account-menu__item"
            onClick={() => {
              setOpen(false);
              void signOut();
            }}
            data-testid="sign-out"
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
