/**
 * checkJob: the one check every caller uses. A Nevada lode block whose order covers the first two claims: the
 * third, moved a mile east, lies outside the order's area and blocks both validation and documents with one message.
 */
import { describe, expect, it } from 'vitest';
import { checkJob, type CheckedJob } from '../../shared/jobs/check-job';
import { EMPTY_JOB_DOCUMENTS } from '../../shared/jobs/job.types';
import { utmConverter } from '../../shared/geo/utm';
import { generateGrid } from '../../shared/layout/grid';
import type { LayoutClaim } from '../../shared/layout/layout.types';
import { buildPlssIndex } from '../../shared/plss/plss-index';
import { FIXTURE_EPSG, fixtureArea, fixtureLayers, quarterQuarterBox, T39N_R55E } from '../helpers/plss-fixture';

const EPSG = 26911;
const { toLonLat, toUtm } = utmConverter(EPSG);
const block = generateGrid(
  { kind: 'lode', rows: 1, cols: 3, azimuthDeg: 0, prefix: 'LYNN', firstNumber: 1, anchorMode: 'nw', anchor: toUtm([-116.34, 40.93]) },
  EPSG,
);

function orderClaim(claim: LayoutClaim) {
  const ring = claim.corners.map((corner) => toLonLat(corner));
  return { name: claim.name, geometry: { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] }, areaAcres: 20.66 };
}

function job(layout: LayoutClaim[], overrides: Partial<CheckedJob> = {}): CheckedJob {
  return {
    order: { claimsPurchased: 3, orderClaims: block.map(orderClaim) },
    crs: { epsg: EPSG },
    layout: { claims: layout },
    claimant: { claimantName: 'Lynn Mining', address1: '1 Main St', address2: '', address3: '', district: '', monumentType: 'post', agentName: '', agentAddress: '', dateOfLocation: '', dateOfDiscovery: '', coLocators: [] },
    location: { detectedState: 'NV', stateOverride: null, landStatus: 'federal' },
    documents: EMPTY_JOB_DOCUMENTS,
    capacityOverride: null,
    ...overrides,
  };
}

const moved = (claim: LayoutClaim, eastM: number): LayoutClaim => ({ ...claim, corners: claim.corners.map(([x, y]) => [x + eastM, y] as [number, number]) });

describe('checkJob', () => {
  it('passes the order laid out as bought, warning only about the blank land description', () => {
    const check = checkJob(job(block));
    expect(check.layout).toEqual({ problems: [], warnings: [] });
    expect(check.blocking).toEqual({ layout: [], monuments: [], claimant: [], documents: [] });
    expect(check.land.map((issue) => issue.code)).toEqual(['land_description_incomplete', 'tie_missing']);
    expect(check.land[0]!.message).toContain('43 CFR 3832.12');
  });

  it('refuses a layout partly outside the order, with the same message for validation and documents', () => {
    const layout = [block[0]!, block[1]!, moved(block[2]!, 1_600)];
    const check = checkJob(job(layout));
    const message = "Claim 'LYNN 3' lies outside the order's area";
    expect(check.layout.problems).toEqual([expect.objectContaining({ code: 'outside_order_area', claim: 'LYNN 3', message })]);
    expect(check.blocking.layout).toEqual([message]);
    expect(check.blocking.documents).toEqual([`${message}.`]);
  });

  it('leaves more claims than purchased to the workflow guard for validation, but not for documents', () => {
    const check = checkJob(job(block, { order: { ...job(block).order, claimsPurchased: 2 } }));
    expect(check.layout.problems.map((issue) => issue.code)).toEqual(['capacity_exceeded']);
    expect(check.blocking.layout).toEqual([]);
    expect(check.blocking.documents).toHaveLength(1);
    const accepted = checkJob(job(block, { order: { ...job(block).order, claimsPurchased: 2 }, capacityOverride: { reason: 'Paid by phone', by: 'm', at: '' } }));
    expect(accepted.blocking.documents).toEqual([]);
  });

  it('names the state, the claimant and the order problems that block', () => {
    const check = checkJob(
      job(block, {
        location: { detectedState: null, stateOverride: 'NV', landStatus: 'federal' },
        claimant: { ...job(block).claimant, claimantName: ' ', monumentType: '' },
      }),
      { orderProblems: [{ code: 'claim_geometry_invalid', message: 'Claim X has no usable polygon', claim: 'X' }] },
    );
    expect(check.stateCode).toBe('NV');
    expect(check.claimant.map((problem) => problem.code)).toEqual(['claimant_name_missing', 'monument_type_missing']);
    expect(check.blocking.documents).toEqual(['Claim X has no usable polygon.', 'It has no claimant name: enter the claimant before generating documents.']);
    expect(checkJob(job(block, { location: { detectedState: 'PR', stateOverride: null, landStatus: 'federal' } })).blocking.monuments).toEqual([
      '“PR” is not a US state code.',
    ]);
    expect(checkJob(job([])).blocking.documents).toEqual(['It has no claims laid out.']);
  });

  it('folds in the staking rules: State-land shapes block validation, a locator without an address the claimant, a short post the documents', () => {
    const base = job(block);
    const onStateLand = checkJob(job(block, { location: { ...base.location, landStatus: 'state' } }));
    expect(onStateLand.layout.problems.map((issue) => issue.code)).toEqual(['state_land_not_alaska']);
    expect(onStateLand.blocking.layout).toEqual([expect.stringContaining('Alaska only')]);
    expect(onStateLand.blocking.documents).toEqual([expect.stringContaining('Alaska only')]);

    const coLocator = checkJob(job(block, { claimant: { ...base.claimant, coLocators: [{ name: 'Ann Lee', address1: '', address2: '', address3: '' }] } }));
    expect(coLocator.claimant.map((problem) => problem.code)).toEqual(['locator_address_missing']);
    expect(coLocator.blocking.claimant).toEqual([expect.stringContaining('Co-locator 2, Ann Lee, has no mailing address')]);
    expect(coLocator.blocking.documents).toEqual([expect.stringContaining('Co-locator 2, Ann Lee, has no mailing address')]);

    const arizona = { ...base.location, stateOverride: 'AZ' };
    const shortPost = checkJob(job(block, { location: arizona, claimant: { ...base.claimant, monumentType: 'wooden post projecting 2 ft above ground' } }));
    expect(shortPost.staking.problems.map((issue) => issue.code)).toEqual(['monument_below_minimum']);
    expect(shortPost.blocking.documents).toEqual([expect.stringContaining('stands 2 ft above ground')]);
    expect(shortPost.blocking.layout).toEqual([]);
  });

  it('with an imported PLSS, warns about a claim across a township line, and that blocks nothing', () => {
    const index = buildPlssIndex(fixtureArea(fixtureLayers([T39N_R55E, { township: 40, range: 55, dx: 0, dy: 1 }])), FIXTURE_EPSG);
    const nene = quarterQuarterBox(T39N_R55E, 3, 'NENE');
    const x = nene[0]![0] + 50;
    const line = nene[1]![1]; // the north line of section 3 is the township line
    const crossing: LayoutClaim = { id: 'L 1', name: 'L 1', kind: 'lode', source: 'added', corners: [[x, line - 200], [x, line + 257.2], [x + 182.88, line + 257.2], [x + 182.88, line - 200]] };
    const base = job([crossing]);
    const onFixture = { ...base, crs: { epsg: FIXTURE_EPSG }, order: { claimsPurchased: 1, orderClaims: [] } };
    const without = checkJob(onFixture);
    expect(without.layout.warnings.map((issue) => issue.code)).not.toContain('crosses_township');
    const withPlss = checkJob(onFixture, { plss: index });
    expect(withPlss.layout.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'crosses_township', claim: 'L 1' })]));
    expect(withPlss.blocking.layout).toEqual(without.blocking.layout);
    expect(withPlss.blocking.documents).toEqual(without.blocking.documents);
  });
});
