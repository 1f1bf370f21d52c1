import type { DerivedMonuments } from '../../../../../shared/claims/monuments';
import { useJobStore } from '../../../state/job.store';

const KIND_LABELS: Record<DerivedMonuments['monuments'][number]['kind'], string> = {
  discovery: 'Discovery',
  location: 'Location',
  sideline: 'Side-line centre',
  endline: 'End-line centre',
};

/** Every monument with its position; a row selects its claim on the map. */
export function MonumentsTable({ monuments }: { monuments: DerivedMonuments['monuments'] }) {
  const selection = useJobStore((state) => state.selection);
  const setSelection = useJobStore((state) => state.setSelection);
  const setHover = useJobStore((state) => state.setHover);
  if (monuments.length === 0) return <p className="muted">No monuments: lay out lode claims first.</p>;
  return (
    <table className="claims-table monuments-table" data-testid="monuments-table">
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Monument</th>
          <th scope="col" className="num">Latitude</th>
          <th scope="col" className="num">Longitude</th>
        </tr>
      </thead>
      <tbody>
        {monuments.map((m) => (
          <tr
            key={`${m.claimId}-${m.label}`}
            className={selection.includes(m.claimId) ? 'is-selected' : undefined}
            onClick={() => setSelection([m.claimId])}
            onMouseEnter={() => setHover(m.claimId)}
            onMouseLeave={() => setHover(null)}
          >
            <td>{m.claimName}</td>
            <td>
              {KIND_LABELS[m.kind]} <span className="muted">({m.label})</span>
            </td>
            <td className="num mono">{m.lonLat[1].toFixed(6)}</td>
            <td className="num mono">{m.lonLat[0].toFixed(6)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
