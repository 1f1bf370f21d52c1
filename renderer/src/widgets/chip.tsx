import type { ReactNode } from 'react';

import type { ChipTone } from '../lib/tone';

type ChipProps = { tone: ChipTone; children: ReactNode; title?: string; testId?: string };

/** A small rounded label. Colour is never the only signal: every chip carries its meaning as text. */
export function Chip({ tone, children, title, testId }: ChipProps) {
  return (
    <span className={`chip chip--${tone}`} title={title} data-testid={testId}>
      {children}
    </span>
  );
}
