/** The GeoJSON subset ClaimDesk works with: 2-D WGS84 longitude/latitude positions, closed rings. */
export type Position = [number, number];
export type LinearRing = Position[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: LinearRing[];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: LinearRing[][];
}

export type ClaimGeometry = PolygonGeometry | MultiPolygonGeometry;
