import { describe, expect, it } from 'vitest';
import { prefixFromProject, prefixOfNames, suggestPrefix } from '../../shared/layout/claim-prefix';

describe('claim name prefix', () => {
  it("a project name loses its parenthetical and is cut at a word, never mid-word ('GOLDFIELD EAST (ESMERALD 1' was the bug)", () => {
    expect(prefixFromProject('Goldfield East (Esmeralda Co., NV)')).toBe('GOLDFIELD EAST');
    expect(prefixFromProject('Silver King project')).toBe('SILVER KING');
    expect(prefixFromProject('Bear Lodge Uplift (Crook Co., WY)')).toBe('BEAR LODGE');
    expect(prefixFromProject('Supercalifragilisticexpialidocious Ridge')).toBe('SUPERCALIFRAGILI');
  });

  it("the customer's own stem wins when most claims carry one", () => {
    expect(prefixOfNames(['OAT 1', 'OAT 2', 'OAT 3'])).toBe('OAT');
    expect(prefixOfNames(['OAT 1-3'])).toBe('OAT');
    expect(prefixOfNames(['Lucky #4', 'Lucky #5'])).toBe('Lucky');
    expect(prefixOfNames(['Alpha', 'Beta', 'Gamma 3'])).toBeNull();
    expect(suggestPrefix({ orderClaimNames: ['TUSC 1', 'TUSC 2'], projectName: 'Cortez Hills West (Lander Co., NV)', orderNumber: 'CPO-2' })).toEqual({ prefix: 'TUSC', source: 'order-names' });
    expect(suggestPrefix({ orderClaimNames: ['', ''], projectName: 'Cortez Hills West (Lander Co., NV)', orderNumber: 'CPO-2' })).toEqual({ prefix: 'CORTEZ HILLS', source: 'project-name' });
    expect(suggestPrefix({ orderClaimNames: [], projectName: '', orderNumber: 'CO-2026-0004' }).source).toBe('order-number');
  });
});
