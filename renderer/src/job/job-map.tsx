/**
 * The ClaimsMap (owned by the map feature) wired to the open job: its CRS, the order's polygons, the layout,
 * the shared selection/hover and the basemap from settings. Steps add corners, monuments or picking.
 */
import type { FeatureCollection } from 'geojson';
import { useMemo } from 'react';
import type { JobOrderContext } from '../../../shared/jobs/job.types';
import { useJobStore } from '../state/job.store';
import { useMapBasemap } from '../state/map-basemap';
import { ClaimsMap, type ClaimsMapProps } from '../widgets/map/claims-map';
import { useJobDerived } from './use-job-derived.hook';
import { useMapEmptyNote } from './use-map-empty-note.hook';

type JobMapProps = Partial<Pick<ClaimsMapProps, 'corners' | 'monuments' | 'className' | 'fitKey' | 'field'>> & {
  /** Draw only the order's polygons (the Import step shows what was bought before anything is laid out). */
  orderOnly?: boolean;
};

/** The order's claims are stored as lon/lat GeoJSON already: shown as they were bought, no reprojection. */
export function orderCollection(orderClaims: JobOrderContext['orderClaims']): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: orderClaims.map((claim) => ({
      type: 'Feature',
      properties: { name: claim.name },
      geometry: claim.geometry as FeatureCollection['features'][number]['geometry'],
    })),
  };
}

export function JobMap({ corners, monuments, field, className, fitKey, orderOnly = false }: JobMapProps) {
  const job = useJobStore((state) => state.job);
  const selection = useJobStore((state) => state.selection);
  const hoverId = useJobStore((state) => state.hoverId);
  const setSelection = useJobStore((state) => state.setSelection);
  const setHover = useJobStore((state) => state.setHover);
  const focus = useJobStore((state) => state.focus);
  const emptyNote = useMapEmptyNote(job);
  const { basemap, ...basemapSwitch } = useMapBasemap();
  const derived = useJobDerived();
  const orderClaims = job?.order.orderClaims;
  const orderGeometry = useMemo(() => orderCollection(orderClaims ?? []), [orderClaims]);
  if (!job || !derived) return null;

  return (
    <ClaimsMap
      epsg={job.crs.epsg}
      orderGeometry={orderGeometry}
      claims={orderOnly ? [] : derived.layout.claims}
      corners={corners}
      monuments={monuments}
      field={field}
      selection={selection}
      hoverId={hoverId}
      onSelect={(ids, additive) =>
        setSelection(additive ? [...new Set([...selection.filter((id) => !ids.includes(id)), ...ids.filter((id) => !selection.includes(id))])] : ids)
      }
      onHover={setHover}
      basemap={basemap}
      basemapSwitch={basemapSwitch}
      plss={derived.plss?.area ?? null}
      fitKey={fitKey ?? `${job.id}:${job.crs.epsg}`}
      zoomTo={focus}
      emptyNote={emptyNote}
      className={className}
    />
  );
}
