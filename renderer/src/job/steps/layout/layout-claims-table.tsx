/**
 * The layout's claims as a table, linked to the map: hovering a row outlines the claim there, clicking selects it
 * (Shift/Ctrl/Cmd-click adds or removes), and what is hovered or selected on the map is highlighted here.
 * Sizes are GROUND feet and acres (what the law and the notices state), not UTM grid units.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import { claimFrame } from '../../../../../shared/claims/claim-frame';
import type { LayoutIssue } from '../../../../../shared/claims/validate-layout';
import { groundAreaAcres, groundDistanceFt } from '../../../../../shared/geo/ground';
import type { LayoutClaim } from '../../../../../shared/layout/layout.types';

type Measured = { claim: LayoutClaim; lengthFt: number | null; widthFt: number | null; acres: number };

function measure(claim: LayoutClaim, epsg: number): Measured {
  const acres = groundAreaAcres(epsg, claim.corners);
  const frame = claimFrame(claim);
  if (!frame) return { claim, lengthFt: null, widthFt: null, acres };
  const { startLeft, endLeft, endRight, startRight } = frame.corners;
  const d = (a: typeof startLeft, b: typeof startLeft) => groundDistanceFt(epsg, a, b);
  return {
    claim,
    lengthFt: (d(startLeft, endLeft) + d(startRight, endRight)) / 2,
    widthFt: (d(startLeft, startRight) + d(endLeft, endRight)) / 2,
    acres,
  };
}

const ft = (value: number | null) => (value === null ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: 1 }));

type RowProps = {
  row: Measured;
  selected: boolean;
  hovered: boolean;
  issues: number;
  onHover(id: string | null): void;
  onPick(id: string, additive: boolean): void;
};

const ClaimRow = memo(function ClaimRow({ row, selected, hovered, issues, onHover, onPick }: RowProps) {
  const { claim } = row;
  return (
    <tr
      data-testid="layout-claim-row"
      data-claim-name={claim.name}
      data-claim-id={claim.id}
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

export function LayoutClaimsTable(props: {
  claims: LayoutClaim[];
  epsg: number;
  selection: string[];
  hoverId: string | null;
  problems: LayoutIssue[];
  onHover(id: string | null): void;
  onPick(id: string, additive: boolean): void;
}) {
  const { claims, epsg, selection, hoverId, problems, onHover, onPick } = props;
  const rows = useMemo(() => claims.map((claim) => measure(claim, epsg)), [claims, epsg]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const issuesById = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of problems) if (p.claimId) counts.set(p.claimId, (counts.get(p.claimId) ?? 0) + 1);
    return counts;
  }, [problems]);
  const totalAcres = rows.reduce((sum, r) => sum + r.acres, 0);

  // A claim picked on the map is brought into view here ('nearest': no jump when it is already visible).
  const tableRef = useRef<HTMLTableElement>(null);
  const lastSelected = selection[selection.length - 1];
  useEffect(() => {
    if (!lastSelected) return;
    const row = tableRef.current?.querySelector(`tr[data-claim-id="${CSS.escape(lastSelected)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [lastSelected]);

  if (claims.length === 0) {
    return (
      <p className="muted layout-table__empty" data-testid="layout-claims-table">
        No claims laid out yet: use the order&apos;s claims or generate a grid.
      </p>
    );
  }
  return (
    <table ref={tableRef} className="claims-table layout-table" data-testid="layout-claims-table">
      <thead>
        <tr>
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
        {rows.map((row) => (
          <ClaimRow
            key={row.claim.id}
            row={row}
            selected={selected.has(row.claim.id)}
            hovered={hoverId === row.claim.id}
            issues={issuesById.get(row.claim.id) ?? 0}
            onHover={onHover}
            onPick={onPick}
          />
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            {claims.length} claims
          </th>
          <td className="num">{totalAcres.toFixed(2)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
