import { claimsFromOrder } from '../../../../../shared/layout/order-claims';
import { MAX_NAD83_ZONE, MIN_NAD83_ZONE, nad83UtmEpsg } from '../../../../../shared/geo/utm';
import { Notice } from '../../../widgets/notice';
import { plural } from '../../../lib/format';
import { useJobStore } from '../../../state/job.store';
import { JobMap } from '../../job-map';

export function crsLine(epsg: number): string {
  return `NAD83 / UTM zone ${epsg - 26900}N (EPSG:${epsg})`;
}

/** The order as bought: its polygons, the CRS all measuring happens in, and how to start the layout. */
export function ImportStep() {
  const job = useJobStore((state) => state.job);
  const laidOut = useJobStore((state) => state.history?.present.claims.length ?? 0);
  const applyLayout = useJobStore((state) => state.applyLayout);
  const patchJob = useJobStore((state) => state.patchJob);
  if (!job) return null;
  const { order, crs } = job;
  const usable = order.orderClaims.length;
  // The zones the claims touch, plus their neighbours, are the sensible choices; others are never right.
  const zones = [...new Set(crs.zonesSeen.concat(crs.zone))].filter((z) => z >= MIN_NAD83_ZONE && z <= MAX_NAD83_ZONE).sort((a, b) => a - b);

  const takeOrderClaims = async () => {
    const claims = claimsFromOrder(order.orderClaims, crs.epsg, order.projectName || order.orderNumber);
    applyLayout({ claims, grid: null }, 'Use order claims');
    // Straight to Layout: the check of Import is met by this choice (and goTo still holds the old layout).
    await patchJob({ step: 'layout' });
  };
  const layOutGrid = async () => {
    if (laidOut > 0) applyLayout({ claims: [], grid: job.layout.grid }, 'Start a grid');
    // Going forward from Import is normally checked; choosing a grid is itself the answer to that check.
    await patchJob({ step: 'layout' });
  };

  return (
    <div className="step-split" data-testid="import-step">
      <div className="step-split__side">
        <h3 className="step-page__title">Import</h3>
        <p>
          {usable > 0 ? (
            <>
              The order has <strong>{plural(usable, 'usable claim polygon')}</strong> for{' '}
              {plural(order.claimsPurchased, 'claim')} purchased.
            </>
          ) : (
            <strong data-testid="import-no-polygons">This order has no usable claim polygons: lay out a grid instead.</strong>
          )}
        </p>
        <p className="crs-line" data-testid="crs-line">
          Coordinates: <strong>{crsLine(crs.epsg)}</strong>
        </p>
        {crs.straddles ? (
          <Notice tone="warning" title="The claims straddle a UTM zone boundary." testId="zone-warning">
            {crs.reason}{' '}
            <label className="inline-field">
              Measure in zone{' '}
              <select
                value={crs.zone}
                data-testid="zone-select"
                onChange={(event) => void patchJob({ epsg: nad83UtmEpsg(Number(event.target.value)) })}
              >
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}N (EPSG:{nad83UtmEpsg(zone)})
                  </option>
                ))}
              </select>
            </label>
          </Notice>
        ) : (
          <p className="muted">{crs.reason}</p>
        )}
        <div className="choice-list">
          <button
            type="button"
            className="choice"
            data-testid="import-use-order"
            disabled={usable === 0}
            onClick={() => void takeOrderClaims()}
          >
            <strong>Use the order’s {plural(usable, 'claim')} as drawn</strong>
            <span className="muted">Each polygon becomes a claim; adjust them in Layout.</span>
          </button>
          <button type="button" className="choice" data-testid="import-grid" onClick={() => void layOutGrid()}>
            <strong>Lay out a grid instead</strong>
            <span className="muted">Start from an empty layout and generate standard claims.</span>
          </button>
        </div>
        {laidOut > 0 && (
          <p className="muted" data-testid="import-existing">
            {plural(laidOut, 'claim')} already laid out: choosing again replaces them (undo brings them back).
          </p>
        )}
      </div>
      <div className="step-split__map">
        <JobMap orderOnly={laidOut === 0} />
      </div>
    </div>
  );
}
