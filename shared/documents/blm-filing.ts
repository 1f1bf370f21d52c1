/**
 * What BLM asks for each new claim when it is filed (43 CFR 3833.11; in MLRS or on paper at the state office):
 * the claim's name and type, date of location, acreage, county, the meridian, township, range, section and
 * quarter sections it lies in, every claimant with a mailing address, and the fees. Built once from the package
 * model; the filing sheet PDF and its CSV print these rows, and the fees come from the BLM schedule in effect on
 * the date of location through the same obligations function the fees-and-deadlines sheet uses.
 */
import { computeFees, type FeeComputation } from './fees/fees';
import { packageObligations } from './obligations/obligations';
import { BLM_STATE_OFFICES } from './obligations/blm-offices';
import { csvRow, UTF8_BOM } from './csv';
import type { Locator } from './locators';
import type { PackageModel } from './package-model.types';
import { localUnit } from './place-text';
import type { FeeSchedule } from './fees/fee-schedule';
import { landDescriptionText } from '../plss/land-description';

export interface BlmFilingClaim {
  name: string;
  /** "Lode" / "Placer", as MLRS names the case type. */
  type: string;
  dateOfLocation: string | null;
  acres: number;
  state: string;
  /** The county (the recording district in Alaska). */
  county: string;
  meridian: string;
  township: string;
  range: string;
  sections: string;
  quarterSections: string;
  /** The one legal description the notices print ("T39N R55E, Sec. 12: NE¼NE¼, Mount Diablo Meridian"). */
  legalDescription: string;
  claimants: Locator[];
  /** Cents due at filing for this claim; null when the schedule or the placer's area is unknown. */
  feeCents: number | null;
}

export interface BlmFiling {
  office: string;
  claims: BlmFilingClaim[];
  schedule: FeeSchedule | null;
  /** null when no BLM schedule on file covers the date of location. */
  fees: FeeComputation | null;
  /** The BLM deadline from the obligations table (90 days after the date of location). */
  due: string | null;
}

export function blmFiling(model: PackageModel): BlmFiling {
  const { schedule, obligations } = packageObligations(model);
  const fees = schedule ? computeFees(model.claims.map((c) => ({ name: c.name, kind: c.kind, areaAcres: c.areaAcres })), schedule) : null;
  const claims = model.claims.map((c, k): BlmFilingClaim => ({
    name: c.name,
    type: c.kind === 'placer' ? 'Placer' : 'Lode',
    dateOfLocation: model.dateOfLocation,
    acres: Math.round(c.areaAcres * 1000) / 1000,
    state: model.stateCode ?? '',
    county: localUnit(model),
    meridian: model.plss.meridian,
    township: model.plss.township,
    range: model.plss.range,
    sections: model.plss.sections,
    quarterSections: model.plss.aliquot,
    legalDescription: landDescriptionText(model.plss),
    claimants: model.claimant.locators,
    feeCents: fees?.claims[k]?.total ?? null,
  }));
  const office = BLM_STATE_OFFICES[model.stateCode?.toUpperCase() ?? ''] ?? 'The BLM state office with jurisdiction over the land';
  return { office, claims, schedule, fees, due: obligations.find((o) => o.id === 'blm-recording')?.date ?? null };
}

export const BLM_FILING_CSV_HEADER = [
  'claim_name',
  'claim_type',
  'date_of_location',
  'acres',
  'state',
  'county',
  'meridian',
  'township',
  'range',
  'sections',
  'quarter_sections',
  'legal_description',
  'claimants',
  'fee_due_usd',
  'fee_schedule',
] as const;

/** "Name, line 1, line 2" per claimant, claimants separated by " | " (a claimant's address holds commas). */
export function claimantsText(claimants: readonly Locator[]): string {
  return claimants.map((c) => [c.name, ...c.addressLines].join(', ')).join(' | ');
}

/** One row per claim, UTF-8 with a BOM so a spreadsheet reads the names right. */
export function buildBlmFilingCsv(model: PackageModel): string {
  const filing = blmFiling(model);
  const rows = filing.claims.map((c) =>
    csvRow([
      c.name,
      c.type,
      c.dateOfLocation ?? '',
      { number: c.acres.toFixed(3) },
      c.state,
      c.county,
      c.meridian,
      c.township,
      c.range,
      c.sections,
      c.quarterSections,
      c.legalDescription,
      claimantsText(c.claimants),
      c.feeCents === null ? '' : { number: (c.feeCents / 100).toFixed(2) },
      filing.schedule?.version ?? '',
    ]),
  );
  return `${UTF8_BOM}${[BLM_FILING_CSV_HEADER.join(','), ...rows].join('\r\n')}\r\n`;
}
