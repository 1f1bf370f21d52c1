import { describe, expect, it } from 'vitest';
import { parsePastedPoint } from '../../shared/geo/parse-coordinates';
import { utmConverter } from '../../shared/geo/utm';

const ZONE_11 = 26911;
const ZONE_12 = 26912;
const anchorOf = (text: string, epsg = ZONE_11) => {
  const parsed = parsePastedPoint(text, epsg);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.anchor;
};

describe('a pasted anchor', () => {
  it('reads UTM easting/northing with the zone written any usual way', () => {
    for (const text of ['11N 456789.1 4234567.8', 'Zone 11 E 456789.1 N 4234567.8', '4234567.8mN 456789.1mE 11S', 'E:456789.1, N:4234567.8 (zone 11)']) {
      expect(anchorOf(text), text).toEqual([456789.1, 4234567.8]);
    }
    expect(parsePastedPoint('11T 456789 4234567', ZONE_11)).toMatchObject({ read: 'UTM zone 11 E 456789.0 N 4234567.0' });
  });

  it("moves a point given in the neighbouring zone into the job's zone (the same place on the ground)", () => {
    const inZone11: [number, number] = [720_000, 4_300_000];
    const moved = anchorOf(`11N ${inZone11[0]} ${inZone11[1]}`, ZONE_12);
    const [lon1, lat1] = utmConverter(ZONE_11).toLonLat(inZone11);
    const [lon2, lat2] = utmConverter(ZONE_12).toLonLat(moved);
    expect(lon2).toBeCloseTo(lon1, 9);
    expect(lat2).toBeCloseTo(lat1, 9);
    expect(moved[0]).toBeLessThan(300_000); // west edge of zone 12
  });

  it("takes the job's zone when none is given, and says so", () => {
    expect(parsePastedPoint('456789 4234567', ZONE_11)).toMatchObject({ anchor: [456789, 4234567], read: expect.stringContaining("the job's; none was given") });
  });

  it('reads latitude/longitude in decimal degrees, west as a minus or a W', () => {
    const expected = utmConverter(ZONE_11).toUtm([-117.25, 40.5]);
    expect(anchorOf('40.5, -117.25')).toEqual(expected);
    expect(anchorOf('40.5 N 117.25 W')).toEqual(expected);
    expect(anchorOf('40.5°N, 117.25°W')).toEqual(expected);
  });

  it('refuses what is not a point, with a reason', () => {
    expect(parsePastedPoint('somewhere near Tonopah', ZONE_11)).toMatchObject({ error: expect.stringContaining('two numbers') });
    expect(parsePastedPoint('12345 67890', ZONE_11)).toMatchObject({ error: expect.stringContaining('UTM easting') });
    expect(parsePastedPoint('-33.9, 151.2', ZONE_11)).toMatchObject({ error: expect.stringContaining('south of the equator') });
  });
});
