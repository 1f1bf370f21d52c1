/**
 * The one list of US states: postal code, name and FIPS code. Postal codes are what staff, BLM forms and the state
 * rules use; the FIPS code is only how the boundary data shipped with the app names a state (us-atlas: a county's
 * id is its 5-digit FIPS code, whose first two digits are the state's).
 *
 * A state here is one of the 50 states or the District of Columbia: the places with a county recorder and a
 * state's location statute. The territories are in the boundary file too, so they are known by FIPS code (a point
 * there is named), but they are not a state staff can choose for a claim.
 */
export interface UsState {
  fips: string;
  code: string;
  name: string;
}

export const US_STATES: readonly UsState[] = [
  { fips: '01', code: 'AL', name: 'Alabama' },
  { fips: '02', code: 'AK', name: 'Alaska' },
  { fips: '04', code: 'AZ', name: 'Arizona' },
  { fips: '05', code: 'AR', name: 'Arkansas' },
  { fips: '06', code: 'CA', name: 'California' },
  { fips: '08', code: 'CO', name: 'Colorado' },
  { fips: '09', code: 'CT', name: 'Connecticut' },
  { fips: '10', code: 'DE', name: 'Delaware' },
  { fips: '11', code: 'DC', name: 'District of Columbia' },
  { fips: '12', code: 'FL', name: 'Florida' },
  { fips: '13', code: 'GA', name: 'Georgia' },
  { fips: '15', code: 'HI', name: 'Hawaii' },
  { fips: '16', code: 'ID', name: 'Idaho' },
  { fips: '17', code: 'IL', name: 'Illinois' },
  { fips: '18', code: 'IN', name: 'Indiana' },
  { fips: '19', code: 'IA', name: 'Iowa' },
  { fips: '20', code: 'KS', name: 'Kansas' },
  { fips: '21', code: 'KY', name: 'Kentucky' },
  { fips: '22', code: 'LA', name: 'Louisiana' },
  { fips: '23', code: 'ME', name: 'Maine' },
  { fips: '24', code: 'MD', name: 'Maryland' },
  { fips: '25', code: 'MA', name: 'Massachusetts' },
  { fips: '26', code: 'MI', name: 'Michigan' },
  { fips: '27', code: 'MN', name: 'Minnesota' },
  { fips: '28', code: 'MS', name: 'Mississippi' },
  { fips: '29', code: 'MO', name: 'Missouri' },
  { fips: '30', code: 'MT', name: 'Montana' },
  { fips: '31', code: 'NE', name: 'Nebraska' },
  { fips: '32', code: 'NV', name: 'Nevada' },
  { fips: '33', code: 'NH', name: 'New Hampshire' },
  { fips: '34', code: 'NJ', name: 'New Jersey' },
  { fips: '35', code: 'NM', name: 'New Mexico' },
  { fips: '36', code: 'NY', name: 'New York' },
  { fips: '37', code: 'NC', name: 'North Carolina' },
  { fips: '38', code: 'ND', name: 'North Dakota' },
  { fips: '39', code: 'OH', name: 'Ohio' },
  { fips: '40', code: 'OK', name: 'Oklahoma' },
  { fips: '41', code: 'OR', name: 'Oregon' },
  { fips: '42', code: 'PA', name: 'Pennsylvania' },
  { fips: '44', code: 'RI', name: 'Rhode Island' },
  { fips: '45', code: 'SC', name: 'South Carolina' },
  { fips: '46', code: 'SD', name: 'South Dakota' },
  { fips: '47', code: 'TN', name: 'Tennessee' },
  { fips: '48', code: 'TX', name: 'Texas' },
  { fips: '49', code: 'UT', name: 'Utah' },
  { fips: '50', code: 'VT', name: 'Vermont' },
  { fips: '51', code: 'VA', name: 'Virginia' },
  { fips: '53', code: 'WA', name: 'Washington' },
  { fips: '54', code: 'WV', name: 'West Virginia' },
  { fips: '55', code: 'WI', name: 'Wisconsin' },
  { fips: '56', code: 'WY', name: 'Wyoming' },
];

const US_TERRITORIES: readonly UsState[] = [
  { fips: '60', code: 'AS', name: 'American Samoa' },
  { fips: '66', code: 'GU', name: 'Guam' },
  { fips: '69', code: 'MP', name: 'Northern Mariana Islands' },
  { fips: '72', code: 'PR', name: 'Puerto Rico' },
  { fips: '78', code: 'VI', name: 'U.S. Virgin Islands' },
];

const BY_FIPS = new Map([...US_STATES, ...US_TERRITORIES].map((state) => [state.fips, state]));
const BY_CODE = new Map(US_STATES.map((state) => [state.code, state]));

export function stateByFips(fips: string): UsState | undefined {
  return BY_FIPS.get(fips);
}

/** One of the 50 states or DC (never a territory). Case-insensitive: staff type "nv" as often as "NV". */
export function stateByCode(code: string): UsState | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/** The state's name for a code, or the code itself when it is not a state. */
export function stateName(code: string): string {
  return stateByCode(code)?.name ?? code;
}
