/**
 * The claims map's props as what it draws: the sources' feature collections (MapData) and the HTML labels' data.
 * One memo per source, so an edit to one (say the anchor marker) does not re-send the others to the worker.
 */
import { useMemo } from 'react';
import {
  claimLabels,
  claimsToCollection,
  cornersToCollection,
  EMPTY_COLLECTION,
  markersToCollection,
  monumentsToCollection,
  plssSectionLabels,
  plssToCollection,
  typicalClaimSizeM,
} from './map-data';
import { highlightCollection, type MapData } from './map-style';
import type { ClaimsMapProps } from './claims-map.types';

type DrawnProps = Pick<ClaimsMapProps, 'epsg' | 'orderGeometry' | 'claims' | 'corners' | 'monuments' | 'markers' | 'field' | 'selection' | 'hoverId' | 'plss'>;

export function useMapData({ epsg, orderGeometry, claims, corners, monuments, markers, field, selection, hoverId, plss }: DrawnProps) {
  const claimsFc = useMemo(() => claimsToCollection(claims, epsg), [claims, epsg]);
  const cornersFc = useMemo(() => cornersToCollection(corners ?? []), [corners]);
  const monumentsFc = useMemo(() => monumentsToCollection(monuments ?? []), [monuments]);
  const markersFc = useMemo(() => markersToCollection(markers ?? []), [markers]);
  const plssFc = useMemo(() => plssToCollection(plss), [plss]);
  const sectionLabels = useMemo(() => plssSectionLabels(plss), [plss]);
  const highlightFc = useMemo(() => highlightCollection(claimsFc, selection, hoverId), [claimsFc, selection, hoverId]);
  const data = useMemo<MapData>(
    () => ({
      plss: plssFc,
      order: orderGeometry,
      claims: claimsFc,
      highlight: highlightFc,
      drag: EMPTY_COLLECTION,
      corners: cornersFc,
      monuments: monumentsFc,
      markers: markersFc,
      field: field ?? EMPTY_COLLECTION,
    }),
    [plssFc, orderGeometry, claimsFc, highlightFc, cornersFc, monumentsFc, markersFc, field],
  );
  const overlayData = useMemo(
    () => ({
      claims: claimLabels(claims, epsg),
      corners: corners ?? [],
      monuments: monuments ?? [],
      markers: markers ?? [],
      sections: sectionLabels,
      claimSizeM: typicalClaimSizeM(claims),
    }),
    [claims, epsg, corners, monuments, markers, sectionLabels],
  );
  return { data, overlayData };
}
