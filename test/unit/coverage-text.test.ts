/** A crew's coverage as typed in Settings (shared/crews/coverage-text.ts). */
import { describe, expect, it } from 'vitest';
import { formatCoverage, parseCoverage } from '../../shared/crews/coverage-text';

describe('coverage text', () => {
  it('reads states and counties, one a line, and writes them back the same way', () => {
    const parsed = parseCoverage(' nv \nAZ: Mohave County\n\nNV\nAZ:Yavapai');
    expect(parsed).toEqual({ ok: true, areas: [{ state: 'NV', county: null }, { state: 'AZ', county: 'Mohave' }, { state: 'AZ', county: 'Yavapai' }] });
    if (parsed.ok) expect(formatCoverage(parsed.areas)).toBe('NV\nAZ: Mohave\nAZ: Yavapai');
    expect(parseCoverage('')).toEqual({ ok: true, areas: [] });
  });

  it('refuses what is not a US state code, naming the line', () => {
    expect(parseCoverage('NV\nNevada')).toEqual({ ok: false, message: expect.stringMatching(/^Line 2 \("Nevada"\)/) });
    expect(parseCoverage('XX')).toMatchObject({ ok: false });
  });
});
