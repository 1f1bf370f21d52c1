/**
 * Field-work fixtures: the waypoints of a generated package's GPX, moved by known distances and true bearings on
 * the ellipsoid (geographiclib's direct problem), renamed as a unit would, and written back as a GPX 1.1 file
 * the way a handheld exports its waypoints.
 */
import { XMLParser } from 'fast-xml-parser';
import { Geodesic } from 'geographiclib-geodesic';

export interface Waypoint {
  name: string;
  lat: number;
  lon: number;
  /** Every marking of the post ("GOLD 1 Corner 2; GOLD 2 Corner 1"). */
  cmt: string;
}

export const FT = 0.3048;

export function readWaypoints(gpx: string): Waypoint[] {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false }).parse(gpx) as {
    gpx: { wpt: { name: string; cmt: string; '@lat': string; '@lon': string }[] };
  };
  return doc.gpx.wpt.map((w) => ({ name: String(w.name), cmt: String(w.cmt), lat: Number(w['@lat']), lon: Number(w['@lon']) }));
}

export function moved(point: Waypoint, feet: number, bearingDeg: number): Waypoint {
  const r = Geodesic.WGS84.Direct(point.lat, point.lon, bearingDeg, feet * FT);
  return { ...point, lat: r.lat2!, lon: r.lon2! };
}

/** Ground feet and true bearing between two points, as the report should give them. */
export function offset(from: { lat: number; lon: number }, to: { lat: number; lon: number }): { feet: number; bearing: number } {
  const r = Geodesic.WGS84.Inverse(from.lat, from.lon, to.lat, to.lon);
  return { feet: r.s12! / FT, bearing: (r.azi1! + 360) % 360 };
}

/** Older Garmin units: 6 characters, capitals and digits only. */
export function garminTruncated(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 6);
}

export function writeGpx(points: readonly Pick<Waypoint, 'name' | 'lat' | 'lon'>[]): string {
  const wpts = points.map(
    (p) => `  <wpt lat="${p.lat.toFixed(7)}" lon="${p.lon.toFixed(7)}">\n    <time>2026-09-02T17:04:11Z</time>\n    <name>${p.name.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</name>\n    <sym>Flag, Blue</sym>\n  </wpt>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1" creator="eTrex 10">\n${wpts.join('\n')}\n</gpx>\n`;
}

/** The crew's day, as the acceptance tests stake it: three posts moved, one dropped, one renamed, one stray point. */
export interface StakedScenario {
  points: Waypoint[];
  /** Post id → intended move. */
  moves: Map<string, { feet: number; bearing: number }>;
  dropped: string;
  renamed: string;
  stray: Waypoint;
  /** The claim the northward move makes too long. */
  lengthened: string;
}

const postId = (name: string): string => /^P\d+/.exec(name)![0];

export function stakeScenario(planned: readonly Waypoint[]): StakedScenario {
  const singleCorners = planned.filter((w) => w.cmt.split(';').length === 1 && / Corner \d$/.test(w.cmt));
  // The northernmost corner of one claim alone, pushed 40 ft further north: that claim becomes longer than 1,500 ft.
  const north = [...singleCorners].sort((a, b) => b.lat - a.lat)[0]!;
  const south = [...singleCorners].sort((a, b) => a.lat - b.lat)[0]!;
  const others = planned.filter((w) => w !== north && w !== south);
  const [second, third, dropped, renamed] = others;
  const moves = new Map<string, { feet: number; bearing: number }>([
    [postId(north.name), { feet: 40, bearing: 0 }],
    [postId(second!.name), { feet: 63.5, bearing: 137.25 }],
    [postId(third!.name), { feet: 12, bearing: 251 }],
  ]);
  const points = planned
    .filter((w) => w !== dropped)
    .map((w) => {
      const move = moves.get(postId(w.name));
      if (move) return moved(w, move.feet, move.bearing);
      if (w === renamed) return { ...w, name: garminTruncated(w.name) };
      return w;
    });
  const stray = { ...moved(south, 2000, 200), name: 'CAMP', cmt: '' };
  return { points: [...points, stray], moves, dropped: postId(dropped!.name), renamed: postId(renamed!.name), stray, lengthened: north.cmt.replace(/ Corner \d$/, '') };
}

/**
 * Every corner post along the far end of a block of claims whose long axis runs `axisDeg` (true) set `feet` back
 * along that axis: each claim of the last row is shorter, its end lines still parallel, so the as-staked layout
 * passes its checks.
 */
export function shortenFarEnd(planned: readonly Waypoint[], axisDeg: number, feet: number): { points: Waypoint[]; moved: Waypoint[] } {
  const corners = planned.filter((w) => w.cmt.split('; ').every((m) => / Corner \d$/.test(m)));
  const [lat0, lon0] = [corners[0]!.lat, corners[0]!.lon];
  const a = (axisDeg * Math.PI) / 180;
  const along = (w: Waypoint): number => (w.lon - lon0) * Math.cos((lat0 * Math.PI) / 180) * 111_320 * Math.sin(a) + (w.lat - lat0) * 110_540 * Math.cos(a);
  const far = Math.max(...corners.map(along));
  const end = new Set(corners.filter((w) => far - along(w) < 15));
  return { points: planned.map((w) => (end.has(w) ? moved(w, feet, (axisDeg + 180) % 360) : w)), moved: [...end] };
}

export function shortenNorthEnd(planned: readonly Waypoint[], feet: number): { points: Waypoint[]; moved: Waypoint[] } {
  return shortenFarEnd(planned, 0, feet);
}
