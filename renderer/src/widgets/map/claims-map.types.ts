/** What a ClaimsMap is given: the job's geometry in its CRS, the shared selection and hover, and what it may do. */
import type { FeatureCollection } from 'geojson';
import type { Utm } from '../../../../shared/geo/utm';
import type { LayoutClaim } from '../../../../shared/layout/layout.types';
import type { PlssArea } from '../../../../shared/plss/plss.types';
import type { BasemapChoice } from '../../../../shared/basemap/map-settings';
import type { BasemapOption, MapBasemap } from '../../state/map-basemap';
import type { CornerPoint, MapMarker, Monument } from './map-data';

export type ClaimsMapProps = {
  epsg: number;
  /** The order's polygons, lon/lat. */
  orderGeometry: FeatureCollection;
  claims: LayoutClaim[];
  corners?: CornerPoint[];
  monuments?: Monument[];
  /** Extra labelled points (e.g. the grid anchor). */
  markers?: MapMarker[];
  /** Staked posts and offset arrows (points and lines with a `status` property), lon/lat. */
  field?: FeatureCollection;
  selection: string[];
  hoverId: string | null;
  onSelect(ids: string[], additive: boolean): void;
  onHover(id: string | null): void;
  pickMode?: 'anchor' | 'add' | null;
  onPick?(utm: Utm): void;
  draggable?: boolean;
  /** The selection was dragged by this much, in ground feet. */
  onDragMoved?(eastFt: number, northFt: number): void;
  /** The imported PLSS around the claims: section and township lines and section numbers under them. */
  plss?: PlssArea | null;
  /** The basemap under the claims (offline tiles file, online URL), or null for the plain background. */
  basemap?: MapBasemap;
  /** The map's basemap switch; omitted: no switch. */
  basemapSwitch?: { options: BasemapOption[]; choice: BasemapChoice; onChoose: (choice: BasemapChoice) => void };
  /** The map refits to the order and claims whenever this changes. */
  fitKey?: string;
  /** Shown over the map while it has nothing to frame (no order polygons, no claims, no anchor): why it is empty. */
  emptyNote?: string | null;
  /** Zoom to these claims whenever `seq` changes (a problem clicked in a list); not on mount. */
  zoomTo?: { ids: string[]; seq: number } | null;
  className?: string;
};
