/** Laid out vs purchased at a glance: the claim count is what the customer pays for, so a mismatch stands out. */
export function LayoutCounts({ laidOut, purchased, problems }: { laidOut: number; purchased: number; problems: number }) {
  const tone = laidOut === purchased ? 'ok' : laidOut > purchased ? 'over' : 'under';
  const note =
    tone === 'ok'
      ? 'matches the order'
      : tone === 'over'
        ? `${laidOut - purchased} more than purchased`
        : `${purchased - laidOut} fewer than purchased`;
  return (
    <div className={`layout-counts layout-counts--${tone}`} data-testid="layout-counts" data-laid-out={laidOut} data-purchased={purchased}>
      <span>
        <strong data-testid="layout-count-laid-out">{laidOut}</strong> laid out
      </span>
      <span>
        <strong data-testid="layout-count-purchased">{purchased}</strong> purchased
      </span>
      <span className="layout-counts__note">{note}</span>
      {problems > 0 && (
        <span className="badge badge--problem" title="Problems to fix before Next (see Validate)">
          {problems} problem{problems === 1 ? '' : 's'}
        </span>
      )}
    </div>
  );
}
