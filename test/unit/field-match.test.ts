/**
 * Matching staked points to planned posts (shared/field): by name, by the cut names older units keep, by
 * position within the match tolerance; offsets and true bearings on the ellipsoid; ok / moved / missing / extra;
 * and the staked-file reader (GPX 1.1 and 1.0, namespaced GPX, CSV with several header spellings).
 */
import { describe, expect, it } from 'vitest';
import { Geodesic } from 'geographiclib-geodesic';
import { compactName, leadingPostId, matchStakedPoints, postForName, type PlannedPost } from '../../shared/field/match-staked';
import { DEFAULT_FIELD_TOLERANCES, type StakedPoint } from '../../shared/field/field.types';
import { parseStakedFile } from '../../core/field/staked-file';
import type { PackagePost } from '../../shared/documents/package-model.types';

const FT = 0.3048;
const post = (id: string, lat: number, lon: number, claim = 'NV 1', designation = 'Corner 1'): PackagePost => ({
  id,
  kind: 'corner',
  lonLat: [lon, lat],
  utm: [0, 0],
  markings: [{ claim, designation }],
});
const planned: PlannedPost[] = [
  { post: post('P1', 40, -117), waypoint: 'P1 NV1 C1' },
  { post: post('P2', 40.004, -117), waypoint: 'P2 NV1 C2/' },
  { post: post('P12', 40.008, -117), waypoint: 'P12 NV3 C2' },
  { post: post('P120', 40.012, -117), waypoint: 'P120 NV9 C1' },
];
const at = (p: PlannedPost, feet: number, bearing: number, name: string): StakedPoint => {
  const r = Geodesic.WGS84.Direct(p.post.lonLat[1], p.post.lonLat[0], bearing, feet * FT);
  return { name, lat: r.lat2!, lon: r.lon2!, time: null };
};

describe('names', () => {
  it('compacts and reads the leading post number', () => {
    expect(compactName('P12 NV3 C2/')).toBe('P12NV3C2');
    expect(leadingPostId('p12-moved')).toBe('P12');
    expect(leadingPostId('P120')).toBe('P120');
    expect(leadingPostId('CAMP')).toBeNull();
  });

  it('finds a post by its full name, an older Garmin cut (6 capitals), a bare number or a renamed waypoint', () => {
    expect(postForName('P12 NV3 C2', planned)?.post.id).toBe('P12');
    expect(postForName('P12NV3', planned)?.post.id).toBe('P12');
    expect(postForName('P120NV', planned)?.post.id).toBe('P120');
    expect(postForName('P12', planned)?.post.id).toBe('P12');
    expect(postForName('P1 moved', planned)?.post.id).toBe('P1');
    expect(postForName('CAMP', planned)).toBeNull();
    expect(postForName('P99', planned)).toBeNull();
  });
});

describe('matchStakedPoints', () => {
  it('measures offsets and bearings, and sorts points into ok, moved, missing and extra', () => {
    const points = [
      at(planned[0]!, 12, 45, 'P1NV1C'),
      at(planned[1]!, 80.25, 212.5, 'P2 NV1 C2/'),
      at(planned[2]!, 30, 300, 'WPT 007'), // no post's name: the nearest post within 50 ft
      at(planned[2]!, 3000, 90, 'TRUCK'),
    ];
    const report = matchStakedPoints(planned, points, DEFAULT_FIELD_TOLERANCES);
    const byId = Object.fromEntries(report.posts.map((p) => [p.post, p]));
    expect(byId.P1).toMatchObject({ status: 'ok', matchedBy: 'name' });
    expect(byId.P1!.offsetFt).toBeCloseTo(12, 6);
    expect(byId.P1!.bearingDeg).toBeCloseTo(45, 6);
    expect(byId.P2).toMatchObject({ status: 'moved', matchedBy: 'name' });
    expect(byId.P2!.offsetFt).toBeCloseTo(80.25, 6);
    expect(byId.P2!.bearingDeg).toBeCloseTo(212.5, 6);
    expect(byId.P12).toMatchObject({ status: 'moved', matchedBy: 'position', stakedName: 'WPT 007' });
    expect(byId.P120).toMatchObject({ status: 'missing', staked: null, offsetFt: null });
    expect(report.extra).toEqual([expect.objectContaining({ name: 'TRUCK', nearestPost: 'P12' })]);
    expect(report.extra[0]!.distanceFt).toBeCloseTo(3000, 3);
    expect(report.counts).toEqual({ ok: 1, moved: 2, missing: 1, extra: 1 });
  });

  it('takes an unnamed point only within the match tolerance, nearest pairs first, and a re-shot name once', () => {
    const points = [at(planned[0]!, 60, 0, 'A'), at(planned[1]!, 5, 0, 'P2'), at(planned[1]!, 9, 180, 'P2')];
    const report = matchStakedPoints(planned, points, { okFt: 25, matchFt: 50 });
    expect(report.posts.find((p) => p.post === 'P1')!.status).toBe('missing');
    expect(report.posts.find((p) => p.post === 'P2')!.offsetFt).toBeCloseTo(5, 6);
    expect(report.extra.map((e) => e.name)).toEqual(['A', 'P2']);
  });
});

describe('parseStakedFile', () => {
  it('reads GPX waypoints (not route or track points), namespaced GPX 1.0 and CSV', () => {
    const gpx = `<?xml version="1.0"?><gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1"><wpt lat="40.1" lon="-117.2"><name>P1 NV1 C1</name><time>2026-09-02T17:00:00Z</time></wpt><wpt lat="95" lon="0"><name>BAD</name></wpt><rte><rtept lat="1" lon="1"><name>P1</name></rtept></rte><trk><trkseg><trkpt lat="2" lon="2"/></trkseg></trk></gpx>`;
    const read = parseStakedFile(gpx, 'a.gpx');
    expect(read.points).toEqual([{ name: 'P1 NV1 C1', lat: 40.1, lon: -117.2, time: '2026-09-02T17:00:00Z' }]);
    expect(read.warnings[0]).toContain('"BAD"');
    const prefixed = '<gpx:gpx xmlns:gpx="http://www.topografix.com/GPX/1/0" version="1.0"><gpx:wpt lat="40" lon="-117"><gpx:name>0012</gpx:name></gpx:wpt></gpx:gpx>';
    expect(parseStakedFile(prefixed, 'b.gpx').points[0]).toMatchObject({ name: '0012', lat: 40 });
    const csv = '\uFEFFclaim,designation,kind,post_id,latitude,longitude\r\n"NV 1, east",Corner 1,corner,P1,40.1,-117.2\r\n';
    expect(parseStakedFile(csv, 'waypoints.csv').points).toEqual([{ name: 'P1', lat: 40.1, lon: -117.2, time: null }]);
    expect(parseStakedFile('Name;Lat;Lon\nP3;40,5;x\nP4;40.2;-117.3\n', 'c.csv').points).toEqual([{ name: 'P4', lat: 40.2, lon: -117.3, time: null }]);
  });

  it('refuses with the reason a file it cannot use', () => {
    expect(() => parseStakedFile('<gpx><wpt', 'x.gpx')).toThrow(/not a readable GPX file/);
    expect(() => parseStakedFile('<kml/>', 'x.kml')).toThrow(/not GPX/);
    expect(() => parseStakedFile('<gpx version="1.1"></gpx>', 'x.gpx')).toThrow(/holds no waypoints/);
    expect(() => parseStakedFile('a,b\n1,2\n', 'x.csv')).toThrow(/latitude and longitude columns/);
    expect(() => parseStakedFile('name,lat,lon\n"P1,40.1,-117.2\n', 'x.csv')).toThrow(/x\.csv is not a readable CSV file/);
    expect(() => parseStakedFile('{"type":"x"}', 'x.gpx')).toThrow(/does not start with XML/);
  });
});
