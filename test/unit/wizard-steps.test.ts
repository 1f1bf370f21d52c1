/** The wizard's walk: finishing never waits for field work, and Field opens past Documents without the upload. */
import { describe, expect, it } from 'vitest';
import { stepsToFinish, stepsToPass } from '../../renderer/src/job/wizard/wizard-steps';

describe('wizard steps', () => {
  it('finishes from Upload or Field by passing the upload, never the field work', () => {
    expect(stepsToFinish('upload')).toEqual(['upload']);
    expect(stepsToFinish('field')).toEqual(['upload']);
    expect(stepsToFinish('claimant')).toEqual(['claimant', 'documents', 'upload']);
  });

  it('opens Field once the steps up to Documents are passed', () => {
    expect(stepsToPass('validate', 'field')).toEqual(['validate', 'claimant', 'documents']);
  });
});
