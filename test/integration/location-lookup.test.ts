/** State and county from the us-atlas boundaries shipped with the app (no network, no mocks). */
import { describe, expect, it } from 'vitest';
import { stateByCode, stateByFips, US_STATES } from '../../shared/geo/us-states';
import { countyIndex, lookupLocation, resolveCountiesFile } from '../../core/geo/location-lookup';

describe('location lookup', () => {
  it.each([
    ['Elko, NV', -115.7631, 40.8324, { stateCode: 'NV', stateName: 'Nevada', countyName: 'Elko' }],
    ['Kingman, AZ', -114.053, 35.1894, { stateCode: 'AZ', stateName: 'Arizona', countyName: 'Mohave' }],
    ['War Eagle Mountain, ID', -116.7268, 43.0055, { stateCode: 'ID', stateName: 'Idaho', countyName: 'Owyhee' }],
    ['Atlantic City, WY', -108.7561, 42.4938, { stateCode: 'WY', stateName: 'Wyoming', countyName: 'Fremont' }],
    // Alaska has boroughs and census areas, not counties; us-atlas lists them in the same collection.
    ['Cleary Summit, AK', -147.4581, 65.0712, { stateCode: 'AK', stateName: 'Alaska', countyName: 'Fairbanks North Star' }],
  ])('finds %s', (_label, lon, lat, expected) => {
    expect(lookupLocation(lon, lat)).toEqual(expected);
  });

  it('answers nulls outside the US', () => {
    const nowhere = { stateCode: null, stateName: null, countyName: null };
    expect(lookupLocation(-140, 30)).toEqual(nowhere); // the Pacific
    expect(lookupLocation(2.35, 48.86)).toEqual(nowhere); // Paris
    expect(lookupLocation(-114, 52)).toEqual(nowhere); // Alberta, inside the bounding box of nothing in the US
  });

  it('loads the boundaries once, from the installed package', () => {
    expect(resolveCountiesFile()).toMatch(/us-atlas[\\/]counties-10m\.json$/);
    const index = countyIndex();
    expect(index.count).toBeGreaterThan(3_000);
    expect(countyIndex()).toBe(index);
  });

  it('maps every state FIPS code in the boundary file to a postal code', () => {
    expect(stateByFips('32')).toEqual({ fips: '32', code: 'NV', name: 'Nevada' });
    expect(stateByCode('ak')?.name).toBe('Alaska');
    expect(stateByCode('XX')).toBeUndefined();
    expect(new Set(US_STATES.map((s) => s.code)).size).toBe(US_STATES.length);
    const fipsSeen = new Set(countyIndex().tree.all().map((county) => county.fips.slice(0, 2)));
    for (const fips of fipsSeen) expect(stateByFips(fips), fips).toBeDefined();
  });
});
