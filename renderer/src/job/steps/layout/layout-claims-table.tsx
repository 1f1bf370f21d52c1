/**
 * The layout's claims as a table, linked to the map: hovering a row outlines the claim there, clicking selects it
 * (Shift/Ctrl/Cmd-click adds or removes), and what is hovered or selected on the map is highlighted here.
 * Sizes are GROUND feet and acres (what the law and the notices state), not UTM grid units.
 *
 * A layout may hold thousands of claims (a large grid), so only the rows in view (and a margin) are in the page:
 * spacer rows above and below keep the scroll height, and the table says how many rows it has (aria-rowcount,
 * aria-rowindex) so a screen reader counts them all. With the table focused, ↑/↓, Page Up/Down, Home and End move
 * the selection (Shift adds to it), and the selected row is the grid's active row.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LayoutIssue } from '../../../../../shared/claims/validate-layout';
import type { LayoutClaim } from '../../../../../shared/layout/layout.types';
import { measureClaim, type MeasuredClaim } from './measure-claim';

// One formatter for every cell: toLocaleString builds one per call, a measurable part of drawing the table.
const FEET = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const ft = (value: number | null) => (value === null ? '—' : FEET.format(value));

/** A row's height before it is measured (one line at the table's padding). */
const ROW_ESTIMATE_PX = 29;
/** Rows kept in the page beyond the visible ones: scrolling a few rows never shows a blank. */
const OVERSCAN = 12;

type RowProps = {
  id: string;
  index: number;
  row: MeasuredClaim;
  selected: boolean;
  hovered: boolean;
  issues: number;
  measure: (element: HTMLTableRowElement | null) => void;
  onHover(id: string | null): void;
  onPick(id: string, additive: boolean): void;
};

const ClaimRow = memo(function ClaimRow({ id, index, row, selected, hovered, issues, measure, onHover, onPick }: RowProps) {
  const { claim } = row;
  return (
    <tr
      ref={measure}
      id={id}
      data-index={index}
      data-testid="layout-claim-row"
      data-claim-name={claim.name}
      data-claim-id={claim.id}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`layout-table__row${selected ? ' layout-table__row--selected' : ''}${hovered ? ' layout-table__row--hover' : ''}`}
      onMouseEnter={() => onHover(claim.id)}
      onMouseLeave={() => onHover(null)}
      onClick={(e) => onPick(claim.id, e.shiftKey || e.ctrlKey || e.metaKey)}
    >
      <td className="layout-table__name">
        {claim.name}
        {issues > 0 && (
          <span className="badge badge--problem" title={`${issues} problem(s): see Validate`}>
            {issues}
          </span>
        )}
      </td>
      <td>{claim.kind === 'lode' ? 'Lode' : 'Placer'}</td>
      <td className="num">
        {row.lengthFt === null ? `${claim.corners.length} corners` : `${ft(row.lengthFt)} × ${ft(row.widthFt)}`}
      </td>
      <td className="num">{row.acres.toFixed(2)}</td>
    </tr>
  );
});

let lastHeaderPx = ROW_ESTIMATE_PX;

/** A spacer standing in for the rows out of view (not a row to assistive technology). */
function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="layout-table__spacer">
      <td colSpan={4} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

export function LayoutClaimsTable(props: {
  claims: LayoutClaim[];
  epsg: number;
  selection: string[];
  hoverId: string | null;
  problems: LayoutIssue[];
  onHover(id: string | null): void;
  onPick(id: string, additive: boolean): void;
  /** Selects exactly these claims (the keyboard's moves). */
  onSelect(ids: string[]): void;
  className?: string;
}) {
  const { claims, epsg, selection, hoverId, problems, className } = props;
  // Each claim measured once (cached by the claim object): an edit re-measures only the claims it changed.
  const rows = useMemo(() => claims.map((claim) => measureClaim(claim, epsg)), [claims, epsg]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const issuesById = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of problems) if (p.claimId) counts.set(p.claimId, (counts.get(p.claimId) ?? 0) + 1);
    return counts;
  }, [problems]);
  const indexById = useMemo(() => new Map(claims.map((claim, index) => [claim.id, index])), [claims]);
  const totalAcres = useMemo(() => rows.reduce((sum, r) => sum + r.acres, 0), [rows]);

  // Stable handlers for the memoized rows; the parent's may be new on every render.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const onHover = useCallback((id: string | null) => latest.current.onHover(id), []);
  const onPick = useCallback((id: string, additive: boolean) => latest.current.onPick(id, additive), []);

  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  // The sticky header sits inside the scroll element: rows start below it and must not be scrolled under it.
  // Started from the height measured last time (the table opens again with each visit to the step): no second
  // render of every row for the header it already knew.
  const [headerPx, setHeaderPx] = useState(lastHeaderPx);
  const hasRows = rows.length > 0;
  useLayoutEffect(() => {
    const height = headRef.current?.offsetHeight;
    if (height) lastHeaderPx = height;
    if (height && height !== headerPx) setHeaderPx(height);
  }, [headerPx, hasRows]);
  // (This app does not use the React Compiler, so its "cannot memoize" warning does not apply.)
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    getItemKey: (index) => rows[index]?.claim.id ?? index,
    overscan: OVERSCAN,
    scrollMargin: headerPx,
    scrollPaddingStart: headerPx,
  });
  const items = virtualizer.getVirtualItems();
  const before = items.length > 0 ? items[0]!.start - headerPx : 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - headerPx) : 0;

  // A claim picked on the map (or by the keyboard) is brought into view here ('auto': no jump when already visible).
  const lastSelected = selection[selection.length - 1];
  const activeIndex = lastSelected === undefined ? undefined : indexById.get(lastSelected);
  useEffect(() => {
    if (activeIndex !== undefined) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const idPrefix = useId();
  const rowId = (index: number) => `${idPrefix}-row-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (rows.length === 0) return;
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - headerPx) / ROW_ESTIMATE_PX) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const from = activeIndex ?? (move > 0 ? -1 : rows.length);
    const to = Math.min(rows.length - 1, Math.max(0, Number.isFinite(move) ? from + move : move > 0 ? rows.length - 1 : 0));
    const id = rows[to]!.claim.id;
    if (event.shiftKey) latest.current.onSelect([...selection.filter((s) => s !== id), id]);
    else latest.current.onSelect([id]);
  };

  if (claims.length === 0) {
    return (
      <div className={className}>
        <p className="muted layout-table__empty" data-testid="layout-claims-table">
          No claims laid out yet: use the order&apos;s claims or generate a grid.
        </p>
      </div>
    );
  }
  return (
    <div ref={scrollRef} className={className}>
      <table
        className="claims-table layout-table"
        data-testid="layout-claims-table"
        role="grid"
        aria-label="Claims in the layout"
        aria-multiselectable="true"
        aria-rowcount={rows.length + 2}
        aria-activedescendant={activeIndex !== undefined && items.some((i) => i.index === activeIndex) ? rowId(activeIndex) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            <th scope="col">Claim</th>
            <th scope="col">Type</th>
            <th scope="col" className="num" title="Ground feet: length along the claim × width across it">
              Ground L × W (ft)
            </th>
            <th scope="col" className="num">
              Acres
            </th>
          </tr>
        </thead>
        <tbody>
          <Spacer height={before} />
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <ClaimRow
                key={item.key}
                id={rowId(item.index)}
                index={item.index}
                row={row}
                selected={selected.has(row.claim.id)}
                hovered={hoverId === row.claim.id}
                issues={issuesById.get(row.claim.id) ?? 0}
                measure={virtualizer.measureElement}
                onHover={onHover}
                onPick={onPick}
              />
            );
          })}
          <Spacer height={after} />
        </tbody>
        <tfoot>
          <tr aria-rowindex={rows.length + 2}>
            <th scope="row" colSpan={3}>
              {claims.length} claims
            </th>
            <td className="num">{totalAcres.toFixed(2)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
