/** A determinate bar (done of total) in the app's .progress style; `wide` fills its container. */
export function ProgressBar({ done, total, label, wide = false }: { done: number; total: number; label?: string; wide?: boolean }) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <span
      className={wide ? 'progress progress--wide' : 'progress'}
      role={label ? 'progressbar' : undefined}
      aria-hidden={label ? undefined : true}
      aria-label={label}
      aria-valuemin={label ? 0 : undefined}
      aria-valuemax={label ? total : undefined}
      aria-valuenow={label ? done : undefined}
    >
      <span className="progress__fill" style={{ width: `${percent}%` }} />
    </span>
  );
}
