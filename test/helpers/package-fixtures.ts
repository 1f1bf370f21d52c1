/**
 * Package models for document tests: a real grid laid out in a given state, run through the real
 * buildPackageModel, with a claimant whose name needs the embedded font ("Łukasz Peña & O'Brien, LLC").
 */
import { utmConverter, nad83UtmEpsg, zoneForLongitude } from '../../shared/geo/utm';
import { generateGrid } from '../../shared/layout/grid';
import type { ClaimKind } from '../../shared/layout/layout.types';
import type { LandStatus } from '../../shared/claims/state-land';
import { buildPackageModel, type PackageSource } from '../../shared/documents/package-model';
import type { PackageModel } from '../../shared/documents/package-model.types';

/** A spot in each state (lon, lat) with a county, inside BLM land in real life or close enough for tests. */
export const STATE_SPOTS: Record<string, { lonLat: [number, number]; county: string }> = {
  NV: { lonLat: [-117.05, 40.2], county: 'Pershing' },
  AZ: { lonLat: [-112.6, 34.4], county: 'Yavapai' },
  ID: { lonLat: [-115.9, 44.1], county: 'Valley' },
  WY: { lonLat: [-107.6, 42.8], county: 'Fremont' },
  MT: { lonLat: [-112.1, 46.4], county: 'Jefferson' },
  UT: { lonLat: [-113.2, 38.6], county: 'Beaver' },
  AK: { lonLat: [-147.6, 64.9], county: 'Fairbanks North Star' },
  CO: { lonLat: [-106.1, 39.2], county: 'Park' },
};

export interface FixtureOptions {
  state?: string;
  rows?: number;
  cols?: number;
  kind?: ClaimKind;
  prefix?: string;
  claimantName?: string;
  /** Default 2026-08-15; null leaves it blank (not yet posted). */
  dateOfLocation?: string | null;
  azimuthDeg?: number;
  withTie?: boolean;
  orderNumber?: string;
  /** Default 2026-11-22. */
  preparedOn?: string;
  address1?: string;
  district?: string;
  agentName?: string;
  /** Locators in all: the claimant plus named co-locators "Co-locator 2", … with addresses. */
  locatorCount?: number;
  /** Leave the PLSS description empty (blank lines on the notices). */
  blankPlss?: boolean;
  dateOfDiscovery?: string;
  landStatus?: LandStatus;
  recordingDistrict?: string;
  monumentType?: string;
  placerNorth?: 'grid' | 'true';
  corner1?: 'NE' | 'SE' | 'SW' | 'NW';
}

export function samplePackageSource(options: FixtureOptions = {}): PackageSource {
  const state = options.state ?? 'NV';
  const spot = STATE_SPOTS[state] ?? STATE_SPOTS.NV!;
  const epsg = nad83UtmEpsg(zoneForLongitude(spot.lonLat[0]));
  const anchor = utmConverter(epsg).toUtm(spot.lonLat);
  const kind = options.kind ?? 'lode';
  const claims = generateGrid(
    {
      kind,
      rows: options.rows ?? 2,
      cols: options.cols ?? 2,
      azimuthDeg: options.azimuthDeg ?? 15,
      prefix: options.prefix ?? 'LUCKY STRIKE',
      firstNumber: 1,
      anchorMode: 'nw',
      anchor,
      placerNorth: options.placerNorth ?? 'grid',
    },
    epsg,
  );
  return {
    source: 'job',
    order: {
      orderType: 'claim_purchase',
      orderId: 42,
      orderNumber: options.orderNumber ?? 'CP-2026-0042',
      projectName: 'Lucky Strike Project',
      companyName: "Łukasz Peña & O'Brien, LLC",
      customerEmail: 'lukasz@example.com',
      claimsPurchased: claims.length,
    },
    epsg,
    claims,
    monumentSettings: { insetFt: 25, corner1: options.corner1 ?? 'SE', lmCorner: 1 },
    stateCode: state,
    county: spot.county,
    landStatus: options.landStatus ?? 'federal',
    recordingDistrict: options.recordingDistrict ?? '',
    claimant: {
      claimantName: options.claimantName ?? "Łukasz Peña & O'Brien, LLC",
      address1: options.address1 ?? '1234 Żółć Street, Suite 500',
      address2: 'Reno, NV 89501',
      address3: '',
      district: options.district ?? 'Gold Ridge Mining District',
      monumentType: options.monumentType ?? '2 in × 4 ft capped metal post',
      agentName: options.agentName ?? 'Zoë Ångström',
      agentAddress: 'PO Box 77, Elko, NV 89801',
      dateOfLocation: options.dateOfLocation === undefined ? '2026-08-15' : (options.dateOfLocation ?? ''),
      dateOfDiscovery: options.dateOfDiscovery ?? '',
      coLocators: Array.from({ length: Math.max(0, (options.locatorCount ?? 1) - 1) }, (_, k) => ({
        name: `Co-locator ${k + 2}`,
        address1: `${k + 2}00 Placer Road`,
        address2: 'Elko, NV 89801',
        address3: '',
      })),
    },
    plss: options.blankPlss
      ? { meridian: '', township: '', range: '', sections: '', aliquot: '' }
      : { meridian: 'Mount Diablo', township: 'T32N', range: 'R36E', sections: '12, 13', aliquot: 'NE¼ SW¼' },
    tie: options.withTie === false ? null : { description: 'Section corner 12/13/7/18 (brass cap)', lonLat: [spot.lonLat[0] - 0.01, spot.lonLat[1] - 0.008] },
  };
}

export function samplePackageModel(options: FixtureOptions = {}): PackageModel {
  return buildPackageModel(samplePackageSource(options), { preparedOn: options.preparedOn ?? '2026-11-22', generator: { name: 'ClaimDesk', version: '0.1.0-test' } });
}
