/**
 * Alaska records by recording district, not by county (AS 27.10.050: the certificate of location is recorded
 * "with the recorder of the recording district in which the claim is located"). The state's 34 districts, as
 * DATA, for staff to pick from. A suggestion can be made offline from the borough or census area the claims lie
 * in (the only boundary data the app ships), but district lines do not follow borough lines: a borough maps to
 * the district(s) that cover it, first the likeliest, and staff confirm on DNR's recorder's district map.
 * [VERIFY the list against the DNR Recorder's Office district list; it was compiled from a DNR GIS domain
 * list and the names DNR prints.]
 */
export const ALASKA_RECORDING_DISTRICTS: readonly string[] = [
  'Aleutian Islands', 'Anchorage', 'Barrow', 'Bethel', 'Bristol Bay', 'Cape Nome', 'Chitina', 'Cordova', 'Fairbanks',
  'Fort Gibbon', 'Haines', 'Homer', 'Iliamna', 'Juneau', 'Kenai', 'Ketchikan', 'Kodiak', 'Kotzebue', 'Kuskokwim', 'Kvichak',
  'Manley Hot Springs', 'Mt. McKinley', 'Nenana', 'Nulato', 'Palmer', 'Petersburg', 'Rampart', 'Seldovia', 'Seward', 'Sitka',
  'Skagway', 'Talkeetna', 'Valdez', 'Wrangell',
];

/** Borough or census area (as us-atlas names them) → the recording districts that cover it, likeliest first. */
const BY_BOROUGH: Readonly<Record<string, readonly string[]>> = {
  'Aleutians East': ['Aleutian Islands'],
  'Aleutians West': ['Aleutian Islands'],
  Anchorage: ['Anchorage'],
  Bethel: ['Bethel', 'Kuskokwim'],
  'Bristol Bay': ['Bristol Bay'],
  Denali: ['Nenana', 'Mt. McKinley'],
  Dillingham: ['Bristol Bay', 'Kvichak'],
  'Fairbanks North Star': ['Fairbanks'],
  Haines: ['Haines'],
  Juneau: ['Juneau'],
  'Kenai Peninsula': ['Kenai', 'Homer', 'Seldovia', 'Seward'],
  'Ketchikan Gateway': ['Ketchikan'],
  'Kodiak Island': ['Kodiak'],
  'Kusilvak': ['Bethel'],
  'Wade Hampton': ['Bethel'],
  'Lake and Peninsula': ['Iliamna', 'Kvichak'],
  'Matanuska-Susitna': ['Palmer', 'Talkeetna'],
  Nome: ['Cape Nome', 'Nulato'],
  'North Slope': ['Barrow'],
  'Northwest Arctic': ['Kotzebue'],
  Petersburg: ['Petersburg'],
  Sitka: ['Sitka'],
  Skagway: ['Skagway'],
  'Southeast Fairbanks': ['Fairbanks', 'Chitina'],
  'Valdez-Cordova': ['Valdez', 'Cordova', 'Chitina'],
  'Chugach': ['Valdez', 'Cordova'],
  'Copper River': ['Chitina', 'Valdez'],
  Wrangell: ['Wrangell'],
  'Yukon-Koyukuk': ['Nulato', 'Fort Gibbon', 'Rampart', 'Manley Hot Springs', 'Fairbanks', 'Mt. McKinley'],
};

/** Districts that may cover the borough or census area, likeliest first; [] when nothing is on file. */
export function suggestRecordingDistricts(borough: string | null): string[] {
  if (!borough) return [];
  const name = borough.replace(/\s+(borough|census area|city and borough|municipality)$/i, '').replace(/^(city and borough of|municipality of)\s+/i, '').trim();
  return [...(BY_BOROUGH[name] ?? [])];
}

/** The district as listed, matched without regard to case or a trailing "Recording District"; null if unknown. */
export function findRecordingDistrict(name: string): string | null {
  const wanted = name.trim().replace(/\s+recording district$/i, '').toLowerCase().replace(/^mount\b/, 'mt.').replace(/^mt\b\.?/, 'mt.');
  return ALASKA_RECORDING_DISTRICTS.find((d) => d.toLowerCase() === wanted) ?? null;
}
