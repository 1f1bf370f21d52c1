import { describe, expect, it } from 'vitest';
import { staffWording } from '../../shared/claims/verify-marks';
import { STATE_RULES } from '../../shared/claims/state-rules';

describe('rule texts as staff read them', () => {
  it('turns the maintainers’ [VERIFY …] marks into a plain caveat', () => {
    expect(staffWording('W.S. § 30-1-110 [VERIFY the placer period]')).toBe('W.S. § 30-1-110 (not confirmed: check the placer period)');
    expect(staffWording('State law not on file [VERIFY]')).toBe('State law not on file (not confirmed against the statute)');
    expect(staffWording('amount not on file [VERIFY with the county recorder])')).toBe('amount not on file (not confirmed: check with the county recorder))');
    expect(staffWording('Posting date = date of location.')).toBe('Posting date = date of location.');
  });

  it('leaves no mark in any state’s notes', () => {
    for (const rule of Object.values(STATE_RULES)) for (const note of rule.notes) expect(staffWording(note)).not.toContain('[VERIFY');
  });
});
