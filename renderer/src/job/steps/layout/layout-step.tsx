/**
 * The Layout step: start from the order's claims as drawn, or generate a grid (typed or fitted to the order's
 * area); then move, rotate, renumber, rename, delete and add claims, with undo/redo. The layout is the job store's
 * history.present; every change goes through applyLayout(next, label) so it is undoable and saved.
 */
import '../../../styles/layout-step.css';
import { errorMessage } from '../../../../../shared/errors';
import { useMemo, useState } from 'react';
import { fitGridToArea } from '../../../../../shared/layout/fit-to-area';
import { generateGrid } from '../../../../../shared/layout/grid';
import { canRedo, canUndo, redoLabel, undoLabel } from '../../../../../shared/layout/layout-history';
import { addClaim, deleteClaims, moveClaims } from '../../../../../shared/layout/layout-edits';
import type { ClaimKind, LayoutClaim } from '../../../../../shared/layout/layout.types';
import { claimsFromOrder } from '../../../../../shared/layout/order-claims';
import { prefixOfNames, suggestPrefix } from '../../../../../shared/layout/claim-prefix';
import { utmConverter, type Utm } from '../../../../../shared/geo/utm';
import type { Job } from '../../../../../shared/jobs/job.types';
import { useJobStore } from '../../../state/job.store';
import { useMapBasemap } from '../../../state/map-basemap';
import { orderCollection } from '../../job-map';
import { useJobDerived, type JobDerived } from '../../use-job-derived.hook';
import { ClaimsMap, type MapMarker } from '../../../widgets/map/claims-map';
import { EditToolbar } from './edit-toolbar';
import { AliquotSnapControl } from './aliquot-snap-control';
import { GridForm } from './grid-form';
import { draftToParams, initialDraft, paramsToDraft, type GridDraft } from './grid-draft';
import { ClaimNamesFields } from './claim-names-fields';
import { LayoutClaimsTable } from './layout-claims-table';
import { LayoutCounts } from './layout-counts';
import { useLayoutKeys } from './use-layout-keys.hook';
import { LandStatusField } from './land-status-field';
import { useMapEmptyNote } from '../../use-map-empty-note.hook';

type Mode = 'order' | 'grid';

/** The one grid-metre vector every corner of every claim moved by, or null (not all moved, or not all alike). */
function wholeLayoutShift(before: LayoutClaim[], after: LayoutClaim[]): Utm | null {
  if (before.length === 0 || before.length !== after.length) return null;
  const first = after[0]!.corners[0]!;
  const shift: Utm = [first[0] - before[0]!.corners[0]![0], first[1] - before[0]!.corners[0]![1]];
  if (Math.hypot(shift[0], shift[1]) < 1e-6) return null;
  const same = before.every((claim, i) => {
    const moved = after[i]!;
    return moved.id === claim.id && moved.corners.length === claim.corners.length &&
      claim.corners.every((c, k) => Math.abs(moved.corners[k]![0] - c[0] - shift[0]) < 1e-6 && Math.abs(moved.corners[k]![1] - c[1] - shift[1]) < 1e-6);
  });
  return same ? shift : null;
}

export function LayoutStep() {
  const job = useJobStore((state) => state.job);
  const derived = useJobDerived();
  // Remount per job: the form's draft belongs to one job.
  return job && derived ? <LayoutStepBody key={job.id} job={job} derived={derived} /> : null;
}

function LayoutStepBody({ job, derived }: { job: Job; derived: JobDerived }) {
  const history = useJobStore((s) => s.history);
  const selection = useJobStore((s) => s.selection);
  const hoverId = useJobStore((s) => s.hoverId);
  const focus = useJobStore((s) => s.focus);
  const emptyNote = useMapEmptyNote(job);
  const { applyLayout, setSelection, setHover, undo, redo } = useJobStore.getState();
  const { basemap, ...basemapSwitch } = useMapBasemap();
  const { layout, monuments, check, orderRings, plss } = derived;
  const validation = check.layout;
  const epsg = job.crs.epsg;
  const { claims } = layout;
  const usableOrderClaims = job.order.orderClaims.length;

  const [mode, setMode] = useState<Mode>(() => (layout.grid || claims.length === 0 ? 'grid' : 'order'));
  const [orderKind, setOrderKind] = useState<ClaimKind>(() => claims.find((c) => c.source === 'order')?.kind ?? 'lode');
  // One prefix for every way of naming claims (generate, fit, add, rename, renumber), so no edit silently
  // renames with a prefix staff changed somewhere else.
  const suggestion = useMemo(
    () => suggestPrefix({ orderClaimNames: job.order.orderClaims.map((c) => c.name), projectName: job.order.projectName, orderNumber: job.order.orderNumber }),
    [job.order.orderClaims, job.order.projectName, job.order.orderNumber],
  );
  const [draft, setDraft] = useState<GridDraft>(() =>
    initialDraft(
      layout,
      orderRings,
      job.order.claimsPurchased,
      layout.grid?.prefix ?? prefixOfNames(claims.map((c) => c.name)) ?? suggestion.prefix,
      epsg,
    ),
  );
  const [fitNote, setFitNote] = useState<string | null>(null);
  const [pickMode, setPickMode] = useState<'anchor' | 'add' | null>(null);
  const [gridError, setGridError] = useState<string | null>(null);
  // Bumped by whole-layout changes (generate, fit, use order) so the map frames the new claims.
  const [fitNonce, setFitNonce] = useState(0);

  const orderGeometry = useMemo(() => orderCollection(job.order.orderClaims), [job.order.orderClaims]);
  const markers = useMemo<MapMarker[]>(() => {
    if (mode !== 'grid' || !draft.anchor) return [];
    const label = draft.anchorMode === 'nw' ? 'Anchor (NW corner)' : 'Anchor (centre)';
    return [{ id: 'grid-anchor', label, lonLat: utmConverter(epsg).toLonLat(draft.anchor) }];
  }, [mode, draft.anchor, draft.anchorMode, epsg]);

  const setClaims = (next: LayoutClaim[], label: string) => {
    // Moving the whole grid (Move or a drag with everything) moves its anchor with it: the marker stays on the grid.
    const shift = wholeLayoutShift(claims, next);
    const grid = shift && layout.grid ? { ...layout.grid, anchor: [layout.grid.anchor[0] + shift[0], layout.grid.anchor[1] + shift[1]] as Utm } : layout.grid;
    if (shift) setDraft((d) => (d.anchor ? { ...d, anchor: [d.anchor[0] + shift[0], d.anchor[1] + shift[1]] } : d));
    applyLayout({ claims: next, grid }, label);
  };

  const applyOrderClaims = (kind: ClaimKind) => {
    applyLayout({ claims: claimsFromOrder(job.order.orderClaims, epsg, draft.prefix.trim() || suggestion.prefix, kind), grid: null }, "Use the order's claims");
    setFitNonce((n) => n + 1);
  };
  const chooseOrderMode = () => {
    setMode('order');
    setPickMode(null);
    // Choosing this mode IS the action, unless the layout already is the order's claims (then keep edits).
    const fromOrder = claims.length > 0 && claims.every((c) => c.source === 'order');
    if (!fromOrder && usableOrderClaims > 0) applyOrderClaims(orderKind);
  };

  const generate = () => {
    const result = draftToParams(draft);
    if ('error' in result) return setGridError(result.error);
    try {
      applyLayout({ claims: generateGrid(result.params, epsg), grid: result.params }, `Generate ${result.params.rows} × ${result.params.cols} grid`);
      setGridError(null);
      setFitNote(null);
      setPickMode(null);
      setFitNonce((n) => n + 1);
    } catch (e) {
      setGridError(errorMessage(e));
    }
  };
  const fitArea = () => {
    const result = draftToParams({ ...draft, anchor: draft.anchor ?? [0, 0] });
    if ('error' in result) return setGridError(result.error);
    const { kind, prefix, firstNumber, marginFt, placerNorth } = result.params;
    try {
      // The order's own axis and purchased count, not the form's azimuth: fitting means following the order.
      const fitted = fitGridToArea(orderRings, { kind, prefix, firstNumber, maxClaims: job.order.claimsPurchased, marginFt, placerNorth }, epsg);
      applyLayout({ claims: fitted.claims, grid: fitted.params }, `Fit ${fitted.params.rows} × ${fitted.params.cols} grid to the order`);
      setDraft(paramsToDraft(fitted.params));
      setGridError(null);
      setFitNote(fitted.note);
      setFitNonce((n) => n + 1);
    } catch (e) {
      setGridError(errorMessage(e));
    }
  };

  const onPick = (utm: Utm) => {
    if (pickMode === 'anchor') setDraft((d) => ({ ...d, anchor: utm }));
    if (pickMode === 'add') {
      const kind = draft.kind;
      const azimuthDeg = kind === 'placer' ? 0 : Number(draft.azimuthDeg) || 0;
      const next = addClaim(claims, { at: utm, kind, azimuthDeg, prefix: draft.prefix.trim() || undefined }, epsg);
      setClaims(next, 'Add claim');
      const added = next[next.length - 1];
      if (added) setSelection([added.id]);
    }
    setPickMode(null);
  };
  const onSelect = (ids: string[], additive: boolean) => {
    if (!additive) return setSelection(ids);
    const current = new Set(selection);
    for (const id of ids) {
      if (current.has(id)) current.delete(id);
      else current.add(id);
    }
    setSelection([...current]);
  };
  const deleteSelection = () => {
    if (selection.length === 0) return;
    setClaims(deleteClaims(claims, selection), selection.length === 1 ? 'Delete claim' : `Delete ${selection.length} claims`);
    setSelection([]);
  };

  useLayoutKeys({ undo, redo, cancel: () => setPickMode(null), deleteSelection });

  const canFit = orderRings.length > 0;
  return (
    <div className="layout-step" data-testid="layout-step">
      <aside className="layout-step__side">
        <LayoutCounts laidOut={claims.length} purchased={job.order.claimsPurchased} problems={validation.problems.length} />
        <LandStatusField job={job} />
        <div className="layout-modes" role="group" aria-label="How to lay out the claims">
          <button
            type="button"
            className={`layout-modes__button${mode === 'order' ? ' layout-modes__button--on' : ''}`}
            data-testid="layout-mode-order"
            aria-pressed={mode === 'order'}
            disabled={usableOrderClaims === 0}
            title={usableOrderClaims === 0 ? 'The order has no usable claim polygons' : undefined}
            onClick={chooseOrderMode}
          >
            Use the order&apos;s claims as drawn
          </button>
          <button
            type="button"
            className={`layout-modes__button${mode === 'grid' ? ' layout-modes__button--on' : ''}`}
            data-testid="layout-mode-grid"
            aria-pressed={mode === 'grid'}
            onClick={() => setMode('grid')}
          >
            Generate a grid
          </button>
        </div>
        <ClaimNamesFields
          prefix={draft.prefix}
          firstNumber={draft.firstNumber}
          suggestion={suggestion}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
        />
        {mode === 'order' ? (
          <div className="layout-order" data-testid="layout-order-panel">
            <p>
              The order&apos;s {usableOrderClaims} usable polygon(s) become the claims exactly as the customer drew them. Orders
              do not say lode or placer:
            </p>
            <label className="layout-field">
              <span>Treat them as</span>
              <select
                data-testid="layout-order-kind"
                value={orderKind}
                onChange={(e) => {
                  const kind = e.target.value as ClaimKind;
                  setOrderKind(kind);
                  applyOrderClaims(kind);
                }}
              >
                <option value="lode">Lode claims</option>
                <option value="placer">Placer claims</option>
              </select>
            </label>
            <button type="button" className="button button--small" data-testid="layout-use-order" onClick={() => applyOrderClaims(orderKind)}>
              Start again from the order&apos;s claims
            </button>
          </div>
        ) : (
          <GridForm
            epsg={epsg}
            draft={draft}
            onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
            picking={pickMode === 'anchor'}
            onTogglePick={() => setPickMode((m) => (m === 'anchor' ? null : 'anchor'))}
            onGenerate={generate}
            onFitArea={fitArea}
            canFit={canFit}
            error={gridError}
            note={fitNote}
          />
        )}
        <h3 className="layout-step__heading">Edit</h3>
        <EditToolbar
          epsg={epsg}
          claims={claims}
          selection={selection}
          azimuthDeg={layout.grid ? layout.grid.azimuthDeg : 0}
          prefix={draft.prefix}
          firstNumber={draft.firstNumber}
          adding={pickMode === 'add'}
          onToggleAdd={() => setPickMode((m) => (m === 'add' ? null : 'add'))}
          onDelete={deleteSelection}
          onApply={setClaims}
          undoLabel={history && canUndo(history) ? (undoLabel(history) ?? 'last edit') : null}
          redoLabel={history && canRedo(history) ? (redoLabel(history) ?? 'edit') : null}
          onUndo={undo}
          onRedo={redo}
        />
        <AliquotSnapControl claims={claims} selection={selection} index={plss?.index ?? null} onApply={setClaims} />
      </aside>
      <section className="layout-step__main">
        <ClaimsMap
          className="layout-step__map"
          epsg={epsg}
          orderGeometry={orderGeometry}
          claims={claims}
          corners={monuments.corners}
          monuments={monuments.monuments}
          markers={markers}
          selection={selection}
          hoverId={hoverId}
          onSelect={onSelect}
          onHover={setHover}
          pickMode={pickMode}
          onPick={onPick}
          draggable
          onDragMoved={(eastFt, northFt) => setClaims(moveClaims(claims, selection, eastFt, northFt, epsg), 'Drag')}
          basemap={basemap}
          basemapSwitch={basemapSwitch}
          plss={plss?.area ?? null}
          fitKey={`${job.id}:${epsg}:${fitNonce}`}
          zoomTo={focus}
          emptyNote={emptyNote}
        />
        <LayoutClaimsTable
          className="layout-step__table"
          claims={claims}
          epsg={epsg}
          selection={selection}
          hoverId={hoverId}
          problems={validation.problems}
          onHover={setHover}
          onPick={(id, additive) => onSelect([id], additive)}
          onSelect={setSelection}
        />
      </section>
    </div>
  );
}
