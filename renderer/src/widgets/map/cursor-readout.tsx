import { memo } from 'react';
import type { Utm } from '../../../../shared/geo/utm';

export type CursorPosition = { lon: number; lat: number; utm: Utm } | null;

const fmt = (value: number, digits: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });

/** Where the pointer is, in both systems staff read: GPS lat/lon and the job's UTM grid (what the documents use). */
export const CursorReadout = memo(function CursorReadout({ cursor, epsg }: { cursor: CursorPosition; epsg: number }) {
  return (
    <div className="map-readout" data-testid="map-cursor-readout" aria-live="off">
      {cursor ? (
        <>
          <span>
            Lat <b>{fmt(cursor.lat, 6)}</b> Lon <b>{fmt(cursor.lon, 6)}</b>
          </span>
          <span>
            E <b>{fmt(cursor.utm[0], 2)}</b> N <b>{fmt(cursor.utm[1], 2)}</b> m · EPSG:{epsg}
          </span>
        </>
      ) : (
        <span className="muted">Point at the map for latitude/longitude and UTM (EPSG:{epsg})</span>
      )}
    </div>
  );
});
