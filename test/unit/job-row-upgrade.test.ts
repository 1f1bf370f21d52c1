import { describe, expect, it } from 'vitest';
import { upgradeClaimantJson } from '../../core/repos/jobs.mapper';
import { claimantFormSchema, jobDocumentsSchema, jobLocationSchema } from '../../shared/jobs/job.types';

describe('jobs saved before co-locators were named', () => {
  const old = { claimantName: 'A', address1: '1 Main', address2: '', address3: '', district: '', monumentType: '', agentName: '', agentAddress: '', dateOfLocation: '' };

  it('turn a count of locators into blank co-locators to fill in, and read with the new fields defaulted', () => {
    const upgraded = claimantFormSchema.parse(JSON.parse(upgradeClaimantJson(JSON.stringify({ ...old, locatorCount: 3 }))));
    expect(upgraded.coLocators).toEqual([
      { name: '', address1: '', address2: '', address3: '' },
      { name: '', address1: '', address2: '', address3: '' },
    ]);
    expect(upgraded.dateOfDiscovery).toBe('');
    expect('locatorCount' in upgraded).toBe(false);
    expect(claimantFormSchema.parse(JSON.parse(upgradeClaimantJson(JSON.stringify({ ...old, locatorCount: 1 })))).coLocators).toEqual([]);
  });

  it('leave a current form and unreadable JSON alone', () => {
    const current = JSON.stringify({ ...old, dateOfDiscovery: '', coLocators: [] });
    expect(upgradeClaimantJson(current)).toBe(current);
    expect(upgradeClaimantJson('{oops')).toBe('{oops');
  });

  it('read older location and documents columns as federal land without a recording district', () => {
    expect(jobLocationSchema.parse({ detectedState: 'AK', detectedCounty: null, stateOverride: null, countyOverride: null }).landStatus).toBe('federal');
    expect(jobDocumentsSchema.parse({ plss: { meridian: '', township: '', range: '', sections: '', aliquot: '' }, tie: null }).recordingDistrict).toBe('');
  });
});
