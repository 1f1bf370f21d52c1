import type { ReactNode } from 'react';

type NoticeProps = {
  tone: 'info' | 'warning' | 'error' | 'offline';
  title?: string;
  children?: ReactNode;
  actions?: ReactNode;
  testId?: string;
  /** Errors interrupt a screen reader; informational notices wait their turn. */
  live?: 'assertive' | 'polite';
};

export function Notice({ tone, title, children, actions, testId, live = 'polite' }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={live === 'assertive' ? 'alert' : 'status'} data-testid={testId}>
      <div className="notice__body">
        {title && <strong className="notice__title">{title}</strong>}
        {children && <span className="notice__text">{children}</span>}
      </div>
      {actions && <div className="notice__actions">{actions}</div>}
    </div>
  );
}
