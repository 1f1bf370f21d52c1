/**
 * The grid tool's form: claim type, rows × columns, long-axis azimuth and the anchor (picked on the map or typed);
 * names come from the Layout step's one prefix. "Fit to the order's area" asks the shared fitter for the
 * direction, rows, columns and anchor that cover the order with no more claims than were purchased.
 */
import type { InputHTMLAttributes } from 'react';
import type { Utm } from '../../../../../shared/geo/utm';
import type { AnchorMode, ClaimKind } from '../../../../../shared/layout/layout.types';
import { AnchorFields } from './anchor-fields';
import type { GridDraft } from './grid-draft';

const ANCHOR_HELP: Record<AnchorMode, string> = {
  nw: "The anchor is the grid's north-west corner: the far-left corner of row 1, column 1 (the true NW corner at azimuth 0).",
  center: "The anchor is the centre of the whole grid block; the claims are laid out evenly around it.",
};

type Props = {
  epsg: number;
  draft: GridDraft;
  onChange(patch: Partial<GridDraft>): void;
  picking: boolean;
  onTogglePick(): void;
  onGenerate(): void;
  onFitArea(): void;
  canFit: boolean;
  error: string | null;
  /** What the last fit decided on its own (claims left out to stay within the purchase), or null. */
  note: string | null;
};

export function GridForm({ epsg, draft, onChange, picking, onTogglePick, onGenerate, onFitArea, canFit, error, note }: Props) {
  const placer = draft.kind === 'placer';
  const num = (key: 'rows' | 'cols' | 'azimuthDeg', label: string, testId: string, extra?: InputHTMLAttributes<HTMLInputElement>) => (
    <label className="layout-field">
      <span>{label}</span>
      <input
        type="number"
        data-testid={testId}
        value={draft[key]}
        onChange={(e) => onChange({ [key]: e.target.value })}
        {...extra}
      />
    </label>
  );

  return (
    <form
      className="layout-grid-form"
      data-testid="grid-form"
      onSubmit={(e) => {
        e.preventDefault();
        onGenerate();
      }}
    >
      <div className="layout-row">
        <label className="layout-field">
          <span>Type</span>
          <select data-testid="grid-kind" value={draft.kind} onChange={(e) => onChange({ kind: e.target.value as ClaimKind })}>
            <option value="lode">Lode (600 × 1,500 ft)</option>
            <option value="placer">Placer, 20 acres (660 × 1,320 ft)</option>
          </select>
        </label>
      </div>
      <div className="layout-row">
        {num('rows', 'Rows', 'grid-rows', { min: 1, max: 100, step: 1 })}
        {num('cols', 'Columns', 'grid-cols', { min: 1, max: 100, step: 1 })}
        {num('azimuthDeg', 'Azimuth °', 'grid-azimuth', {
          min: 0,
          max: 360,
          step: 'any',
          disabled: placer,
          title: 'Long axis, degrees clockwise from grid north',
          ...(placer ? { value: '0' } : {}),
        })}
      </div>
      <p className="muted layout-hint" data-testid="grid-azimuth-hint">
        {placer
          ? 'Placer claims are north-south: 1,320 ft north-south × 660 ft east-west, so the azimuth is fixed.'
          : 'Azimuth: the claims’ long axis (1,500 ft), degrees clockwise from north. Rows run along it.'}
      </p>
      <div className="layout-row">
        <label className="layout-field">
          <span>Margin (ft)</span>
          <input
            type="number"
            data-testid="grid-margin"
            min={0}
            max={10}
            step={0.1}
            value={draft.marginFt}
            title="Ground feet taken off each claim's length and width, for staking error and elevation"
            onChange={(e) => onChange({ marginFt: e.target.value })}
          />
        </label>
        {placer && (
          <label className="layout-field">
            <span>Placer lines follow</span>
            <select data-testid="grid-placer-north" value={draft.placerNorth} onChange={(e) => onChange({ placerNorth: e.target.value as GridDraft['placerNorth'] })}>
              <option value="true">true north (section lines, PLSS)</option>
              <option value="grid">UTM grid north</option>
            </select>
          </label>
        )}
      </div>
      <p className="muted layout-hint" data-testid="grid-margin-hint">
        A margin of 0.5 ft lays lodes out at 1,499.5 × 599.5 ft, so staking error and elevation cannot push a claim past the legal size.
        {placer ? ' Placers that follow true north run with the section lines, as a legal-subdivision description needs.' : ''}
      </p>

      <fieldset className="layout-fieldset">
        <legend>Anchor</legend>
        <div className="layout-row">
          <label className="layout-field">
            <span>The anchor is</span>
            <select
              data-testid="grid-anchor-mode"
              value={draft.anchorMode}
              onChange={(e) => onChange({ anchorMode: e.target.value as AnchorMode })}
            >
              <option value="nw">the grid&apos;s north-west corner</option>
              <option value="center">the grid&apos;s centre</option>
            </select>
          </label>
          <button
            type="button"
            className={`button button--small${picking ? ' button--primary' : ''}`}
            data-testid="grid-anchor-pick"
            aria-pressed={picking}
            onClick={onTogglePick}
          >
            {picking ? 'Click the map… (Esc cancels)' : 'Pick on map'}
          </button>
        </div>
        <p className="muted layout-hint" data-testid="grid-anchor-help">
          {ANCHOR_HELP[draft.anchorMode]}
        </p>
        <AnchorFields epsg={epsg} anchor={draft.anchor} onChange={(anchor: Utm) => onChange({ anchor })} />
      </fieldset>

      {error && (
        <p className="layout-error" role="alert" data-testid="grid-error">
          {error}
        </p>
      )}
      {note && (
        <p className="layout-note" role="status" data-testid="grid-fit-note">
          {note}
        </p>
      )}
      <div className="layout-row">
        <button type="submit" className="button button--primary" data-testid="grid-generate">
          Generate grid
        </button>
        <button
          type="button"
          className="button"
          data-testid="grid-fit-area"
          disabled={!canFit}
          title={
            canFit
              ? 'Lay out the purchased claims along the order’s own polygons: their direction, rows, columns and centre'
              : 'The order has no polygons to fit'
          }
          onClick={onFitArea}
        >
          Fit to the order&apos;s area
        </button>
      </div>
      <p className="muted layout-hint">Generating replaces the current layout (Undo brings it back).</p>
    </form>
  );
}
