/**
 * Layout edits on the selection (or on every claim when nothing is selected): move by typed ground feet, rotate,
 * renumber, rename, delete, add, and undo/redo. Each edit is a pure function from shared/layout/layout-edits.ts;
 * the caller pushes the result through the job store's applyLayout, so every edit can be undone.
 */
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../../../../shared/errors';
import { moveClaims, renameClaims, renumberClaims, rotateClaims } from '../../../../../shared/layout/layout-edits';
import type { LayoutClaim } from '../../../../../shared/layout/layout.types';

type Props = {
  epsg: number;
  claims: LayoutClaim[];
  selection: string[];
  /** Which end of the grid numbering starts from (the grid's azimuth, or 0); rows follow the claims' own axis. */
  azimuthDeg: number;
  /** The Layout step's one prefix and first number (typed text), shared with the grid tool. */
  prefix: string;
  firstNumber: string;
  adding: boolean;
  onToggleAdd(): void;
  onDelete(): void;
  onApply(next: LayoutClaim[], label: string): void;
  undoLabel: string | null;
  redoLabel: string | null;
  onUndo(): void;
  onRedo(): void;
};

const num = (text: string): number | null => {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
};

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="layout-fieldset layout-edit__group">
      <legend>{title}</legend>
      <div className="layout-row">{children}</div>
    </fieldset>
  );
}

function NumberInput(props: { label: string; value: string; onChange(v: string): void; testId: string; unit: string; width?: number }) {
  return (
    <label className="layout-field">
      <span>{props.unit ? `${props.label} (${props.unit})` : props.label}</span>
      <input
        type="text"
        inputMode="decimal"
        data-testid={props.testId}
        value={props.value}
        style={{ width: props.width ?? 80 }}
        aria-invalid={props.value.trim() !== '' && num(props.value) === null}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

export function EditToolbar(props: Props) {
  const { epsg, claims, selection, azimuthDeg, onApply } = props;
  const [east, setEast] = useState('0');
  const [north, setNorth] = useState('0');
  const [degrees, setDegrees] = useState('0');
  const [order, setOrder] = useState<'rows' | 'serpentine'>('rows');
  const [tolerance, setTolerance] = useState('300');
  const [error, setError] = useState<string | null>(null);

  const ids = selection.length > 0 ? selection : null;
  const target = ids ? `${selection.length} selected` : `all ${claims.length}`;
  const none = claims.length === 0;

  /** Runs one edit; the shared functions throw RangeError on impossible input, shown here rather than lost. */
  const run = (label: string, edit: () => LayoutClaim[] | string) => {
    try {
      const result = edit();
      if (typeof result === 'string') setError(result);
      else {
        setError(null);
        onApply(result, label);
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const move = () =>
    run(`Move ${target}`, () => {
      const e = num(east);
      const n = num(north);
      if (e === null || n === null) return 'Type the move as east and north feet (negative for west/south).';
      return moveClaims(claims, ids, e, n, epsg);
    });
  const rotate = () =>
    run(`Rotate ${target}`, () => {
      const d = num(degrees);
      return d === null ? 'Type the rotation in degrees (clockwise; negative turns anticlockwise).' : rotateClaims(claims, ids, d);
    });
  const names = (): { prefix: string; first: number } | string => {
    const f = num(props.firstNumber);
    return f === null || !Number.isInteger(f) || f < 1 ? 'The first number must be a whole number ≥ 1.' : { prefix: props.prefix.trim(), first: f };
  };
  const renumber = () =>
    run('Renumber', () => {
      const n = names();
      const t = num(tolerance);
      if (typeof n === 'string') return n;
      if (t === null || t < 0) return 'The row tolerance must be a distance in feet (0 or more).';
      return renumberClaims(claims, { order, azimuthDeg, rowToleranceFt: t, prefix: n.prefix, firstNumber: n.first });
    });
  const rename = () =>
    run(`Rename ${target}`, () => {
      const n = names();
      if (typeof n === 'string') return n;
      if (!ids) return renameClaims(claims, n.prefix, n.first);
      // Only the selected claims get new names, numbered in layout order; the others keep theirs.
      const chosen = new Set(ids);
      const renamed = new Map(renameClaims(claims.filter((c) => chosen.has(c.id)), n.prefix, n.first).map((c) => [c.id, c]));
      return claims.map((c) => renamed.get(c.id) ?? c);
    });

  return (
    <div className="layout-edit" data-testid="layout-edit-toolbar">
      <p className="layout-edit__target muted" data-testid="edit-target">
        {none ? 'No claims to edit yet.' : ids ? `Edits apply to the ${selection.length} selected claim(s).` : `Nothing selected: edits apply to all ${claims.length} claims.`}
        {!none && ' Drag selected claims on the map to move them.'}
      </p>
      <Group title="Move (ground feet)">
        <NumberInput label="East" value={east} onChange={setEast} testId="edit-move-east" unit="ft" />
        <NumberInput label="North" value={north} onChange={setNorth} testId="edit-move-north" unit="ft" />
        <button type="button" className="button button--small" data-testid="edit-move-apply" disabled={none} onClick={move}>
          Move
        </button>
      </Group>
      <Group title="Rotate">
        <NumberInput label="Clockwise" value={degrees} onChange={setDegrees} testId="edit-rotate-deg" unit="°" width={64} />
        <button type="button" className="button button--small" data-testid="edit-rotate-apply" disabled={none} onClick={rotate}>
          Rotate
        </button>
      </Group>
      <Group title="Names">
        <button type="button" className="button button--small" data-testid="edit-rename-apply" disabled={none} onClick={rename}>
          Rename {ids ? 'selected' : 'all'} as “{`${props.prefix.trim()} ${props.firstNumber.trim() || '?'}`.trim()}…”
        </button>
      </Group>
      <Group title="Renumber all">
        <label className="layout-field">
          <span>Order</span>
          <select data-testid="edit-renumber-order" value={order} onChange={(e) => setOrder(e.target.value as 'rows' | 'serpentine')}>
            <option value="rows">Row by row</option>
            <option value="serpentine">Serpentine</option>
          </select>
        </label>
        <NumberInput label="Row tolerance" value={tolerance} onChange={setTolerance} testId="edit-renumber-tolerance" unit="ft" width={64} />
        <button type="button" className="button button--small" data-testid="edit-renumber" disabled={none} onClick={renumber}>
          Renumber
        </button>
      </Group>
      <div className="layout-row layout-edit__actions">
        <button type="button" className="button button--small" data-testid="edit-delete" disabled={selection.length === 0} onClick={props.onDelete}>
          Delete selected
        </button>
        <button
          type="button"
          className={`button button--small${props.adding ? ' button--primary' : ''}`}
          data-testid="edit-add"
          aria-pressed={props.adding}
          onClick={props.onToggleAdd}
        >
          {props.adding ? 'Click the map… (Esc cancels)' : 'Add claim'}
        </button>
        <span className="layout-edit__spacer" />
        <button type="button" className="button button--small" data-testid="undo" disabled={!props.undoLabel} title={props.undoLabel ? `Undo ${props.undoLabel} (Ctrl+Z)` : 'Nothing to undo'} onClick={props.onUndo}>
          ↶ Undo
        </button>
        <button type="button" className="button button--small" data-testid="redo" disabled={!props.redoLabel} title={props.redoLabel ? `Redo ${props.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'} onClick={props.onRedo}>
          ↷ Redo
        </button>
      </div>
      {error && (
        <p className="layout-error" role="alert" data-testid="edit-error">
          {error}
        </p>
      )}
    </div>
  );
}
