import type { FieldView } from '../../../../../shared/field/field.types';
import { useFieldStore, type FieldFilter } from '../../../state/field.store';

const FILTERS: { value: FieldFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'moved', label: 'Moved' },
  { value: 'missing', label: 'Missing' },
  { value: 'ok', label: 'OK' },
  { value: 'extra', label: 'Extra' },
];

const STATUS_WORDS: Record<string, string> = { ok: 'OK', moved: 'Moved', missing: 'Not staked', extra: 'Matches no post' };

function count(field: FieldView, filter: FieldFilter): number {
  if (filter === 'all') return field.report.posts.length + field.report.extra.length;
  return filter === 'extra' ? field.report.extra.length : field.report.counts[filter];
}

/** Every post planned vs staked, filtered by status and sorted by offset (largest first) or by post number. */
export function FieldPostsTable({ field }: { field: FieldView }) {
  const filter = useFieldStore((state) => state.filter);
  const sort = useFieldStore((state) => state.sort);
  const setFilter = useFieldStore((state) => state.setFilter);
  const sortBy = useFieldStore((state) => state.sortBy);

  const rows = field.report.posts
    .filter((p) => filter === 'all' || p.status === filter)
    .sort((a, b) => {
      const d = sort.by === 'offset' ? (a.offsetFt ?? -1) - (b.offsetFt ?? -1) : Number(a.post.slice(1)) - Number(b.post.slice(1));
      return sort.descending ? -d : d;
    });
  const extras = filter === 'all' || filter === 'extra' ? field.report.extra : [];
  const arrow = (by: 'post' | 'offset') => (sort.by === by ? (sort.descending ? ' ▼' : ' ▲') : '');

  return (
    <div className="field-posts">
      <div className="field-filters" role="group" aria-label="Show posts" data-testid="field-filters">
        {FILTERS.map((f) => (
          <button
            key={f.value}
            type="button"
            className={`chip-button${filter === f.value ? ' chip-button--on' : ''}`}
            aria-pressed={filter === f.value}
            data-testid={`field-filter-${f.value}`}
            onClick={() => setFilter(f.value)}
          >
            {f.label} ({count(field, f.value)})
          </button>
        ))}
      </div>
      <table className="table field-table" data-testid="field-posts">
        <thead>
          <tr>
            <th aria-sort={sort.by === 'post' ? (sort.descending ? 'descending' : 'ascending') : undefined}>
              <button type="button" className="link-button" data-testid="field-sort-post" onClick={() => sortBy('post')}>
                Post{arrow('post')}
              </button>
            </th>
            <th>Marks</th>
            <th className="numeric" aria-sort={sort.by === 'offset' ? (sort.descending ? 'descending' : 'ascending') : undefined}>
              <button type="button" className="link-button" data-testid="field-sort-offset" onClick={() => sortBy('offset')}>
                Offset{arrow('offset')}
              </button>
            </th>
            <th className="numeric">Bearing</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.post} data-testid="field-post-row" data-post={p.post} data-status={p.status}>
              <td>{p.post}</td>
              <td>
                {p.claims.map((claim, k) => `${claim} ${p.designation.split(' / ')[k] ?? ''}`).join('; ')}
                {p.matchedBy === 'position' && <span className="muted"> (found by position: “{p.stakedName}”)</span>}
              </td>
              <td className="numeric">{p.offsetFt === null ? '—' : `${p.offsetFt.toFixed(1)} ft`}</td>
              {/* A post where planned has no direction to speak of. */}
              <td className="numeric">{p.bearingDeg === null || (p.offsetFt ?? 0) < 0.05 ? '—' : `${p.bearingDeg.toFixed(1)}°`}</td>
              <td>
                <span className={`field-status field-status--${p.status}`}>{STATUS_WORDS[p.status]}</span>
              </td>
            </tr>
          ))}
          {extras.map((e) => (
            <tr key={`extra:${e.name}:${e.lat}`} data-testid="field-post-row" data-status="extra">
              <td>“{e.name}”</td>
              <td className="muted">{e.nearestPost ? `nearest post ${e.nearestPost}, ${e.distanceFt!.toFixed(0)} ft away` : ''}</td>
              <td className="numeric">—</td>
              <td className="numeric">—</td>
              <td>
                <span className="field-status field-status--extra">{STATUS_WORDS.extra}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
