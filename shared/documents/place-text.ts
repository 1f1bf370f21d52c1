/**
 * Where the claims are, as documents name it: "Pershing County, Nevada", or in Alaska, which records by
 * recording district and has no counties, "Fairbanks Recording District, Alaska" (AS 27.10.050). One place for
 * the wording, so no document prints "Nome County".
 */
import type { PackageModel } from './package-model.types';

/**
 * "Pershing County"; Alaska's boroughs and census areas are never called counties, and Louisiana has parishes, so
 * "County" is only added where it is right.
 */
export function countyLabel(county: string, stateCode: string | null): string {
  const name = county.trim();
  if (name === '' || /\b(county|borough|parish|census area|municipality|city)$/i.test(name)) return name;
  if (stateCode === 'AK') return name;
  return stateCode === 'LA' ? `${name} Parish` : `${name} County`;
}

/** "Fairbanks Recording District" ('' when none is chosen). */
export function recordingDistrictLabel(district: string): string {
  const name = district.trim();
  if (name === '') return '';
  return /recording district$/i.test(name) ? name : `${name} Recording District`;
}

/** The local unit the package records in: the county, or Alaska's recording district. */
export function localUnit(model: Pick<PackageModel, 'stateCode' | 'county' | 'recordingDistrict'>): string {
  return model.stateCode === 'AK' ? recordingDistrictLabel(model.recordingDistrict) : countyLabel(model.county, model.stateCode);
}

/** "Pershing County, Nevada"; blank parts left out. */
export function placeText(model: Pick<PackageModel, 'stateCode' | 'stateName' | 'county' | 'recordingDistrict'>): string {
  return [localUnit(model), model.stateName].filter((part) => part !== '').join(', ');
}
