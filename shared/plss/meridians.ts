/**
 * BLM principal meridian codes, as CadNSDI's PRINMERCD field carries them (two digits, the codes of BLM's LR2000
 * "Meridian Codes" table, which MLRS and the CadNSDI PLSSID use as well). The name printed on a notice comes from
 * this table, keyed on the code: the PRINMER text in published files varies ("Mount Diablo", "Mount Diablo
 * Meridian", "MOUNT DIABLO MERIDIAN") and is only used for a code missing here.
 */
export const MERIDIAN_NAMES: Readonly<Record<string, string>> = {
  '01': 'First Principal Meridian',
  '02': 'Second Principal Meridian',
  '03': 'Third Principal Meridian',
  '04': 'Fourth Principal Meridian',
  '05': 'Fifth Principal Meridian',
  '06': 'Sixth Principal Meridian',
  '07': 'Black Hills Meridian',
  '08': 'Boise Meridian',
  '09': 'Chickasaw Meridian',
  '10': 'Choctaw Meridian',
  '11': 'Cimarron Meridian',
  '12': 'Copper River Meridian',
  '13': 'Fairbanks Meridian',
  '14': 'Gila and Salt River Meridian',
  '15': 'Humboldt Meridian',
  '16': 'Huntsville Meridian',
  '17': 'Indian Meridian',
  '18': 'Louisiana Meridian',
  '19': 'Michigan Meridian',
  '20': 'Principal Meridian, Montana',
  '21': 'Mount Diablo Meridian',
  '22': 'Navajo Meridian',
  '23': 'New Mexico Principal Meridian',
  '24': 'St. Helena Meridian',
  '25': 'St. Stephens Meridian',
  '26': 'Salt Lake Meridian',
  '27': 'San Bernardino Meridian',
  '28': 'Seward Meridian',
  '29': 'Tallahassee Meridian',
  '30': 'Uintah Special Meridian',
  '31': 'Ute Meridian',
  '32': 'Washington Meridian',
  '33': 'Willamette Meridian',
  '34': 'Wind River Meridian',
  '36': 'Between the Miamis',
  '37': 'Muskingum River Base',
  '38': 'Ohio River Base',
  '39': 'First Scioto River Base',
  '40': 'Second Scioto River Base',
  '41': 'Third Scioto River Base',
  '44': 'Kateel River Meridian',
  '45': 'Umiat Meridian',
  '46': 'Fourth Principal Meridian Extended',
  '47': 'West of the Great Miami',
  '48': 'U.S. Military Survey',
};

/** "21" → "Mount Diablo Meridian"; an unknown code falls back to the file's own text, then to the code. */
export function meridianName(code: string, fileText?: string | null): string {
  const known = MERIDIAN_NAMES[code.padStart(2, '0')];
  if (known) return known;
  const text = fileText?.trim();
  return text ? text : `Meridian ${code}`;
}
