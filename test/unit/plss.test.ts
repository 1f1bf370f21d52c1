import { describe, expect, it } from 'vitest';
import { deriveMonuments } from '../../shared/claims/monuments';
import { utmConverter, type Utm } from '../../shared/geo/utm';
import { generateGrid } from '../../shared/layout/grid';
import type { LayoutClaim } from '../../shared/layout/layout.types';
import { aliquotText, summariseSectionParts } from '../../shared/plss/aliquot';
import { snapPlacersToAliquots } from '../../shared/plss/aliquot-snap';
import { readCadnsdiProperties } from '../../shared/plss/cadnsdi-fields';
import { landDescriptionFromPlss, landDescriptionText } from '../../shared/plss/land-description';
import { describeClaims } from '../../shared/plss/plss-describe';
import { buildPlssIndex } from '../../shared/plss/plss-index';
import { lookupPoint } from '../../shared/plss/plss-lookup';
import { placerAliquotWarnings, townshipCrossingWarnings } from '../../shared/plss/plss-rules';
import { FIXTURE_EPSG, fixtureArea, fixtureLayers, quarterQuarterBox, quarterQuarterCentre, T39N_R55E, type TownshipSpec } from '../helpers/plss-fixture';

const T40N_R55E: TownshipSpec = { township: 40, range: 55, dx: 0, dy: 1 };

function rectangleClaim(name: string, kind: LayoutClaim['kind'], x0: number, y0: number, x1: number, y1: number): LayoutClaim {
  return { id: name, name, kind, source: 'added', corners: [[x0, y0], [x0, y1], [x1, y1], [x1, y0]] };
}

describe('CadNSDI fields', () => {
  it('reads a section, an aliquot part and a lot as BLM names them, in any letter case', () => {
    const section = readCadnsdiProperties({ plssid: 'NV210390N0550E0', frstdivid: 'NV210390N0550E0SN120', frstdivno: '12', frstdivtyp: 'SN', frstdivlab: '12' });
    expect(section).toEqual({ ok: true, record: expect.objectContaining({ layer: 'section', kind: 'section', state: 'NV', meridianCode: '21', township: '39N', range: '55E', section: 12 }) });
    const aliquot = readCadnsdiProperties({ PLSSID: 'NV210390N0550E0', FRSTDIVID: 'NV210390N0550E0SN120', SECDIVTYP: 'A', SECDIVLAB: 'NENE' });
    expect(aliquot).toMatchObject({ ok: true, record: { layer: 'second', kind: 'aliquot', section: 12, label: 'NENE' } });
    for (const label of ['L 3', 'L3', 'LOT 3', 'Lot 03']) {
      expect(readCadnsdiProperties({ PLSSID: 'NV210390N0550E0', FRSTDIVID: 'NV210390N0550E0SN060', SECDIVTYP: 'L', SECDIVLAB: label })).toMatchObject({ record: { kind: 'lot', section: 6, label: 'L3' } });
    }
    // PLSSIntersected carries QQSEC and GOVLOT beside the township fields.
    expect(readCadnsdiProperties({ PLSSID: 'NV210390N0550E0', FRSTDIVID: 'NV210390N0550E0SN010', FRSTDIVNO: '1', QQSEC: 'SWNE' })).toMatchObject({ record: { kind: 'aliquot', section: 1, label: 'SWNE' } });
  });

  it('builds the township identity from its parts when PLSSID is missing, and keeps a fraction', () => {
    const read = readCadnsdiProperties({ STATEABBR: 'AZ', PRINMERCD: '14', TWNSHPNO: '012', TWNSHPFRAC: '2', TWNSHPDIR: 'S', RANGENO: '3', RANGEDIR: 'W' });
    expect(read).toMatchObject({ ok: true, record: { layer: 'township', plssId: 'AZ140122S0030W0', township: '12½S', range: '3W' } });
  });

  it('says why a feature is not CadNSDI', () => {
    expect(readCadnsdiProperties({ APN: '001' })).toEqual({ ok: false, reason: expect.stringContaining('no PLSSID') });
    expect(readCadnsdiProperties({ PLSSID: 'T39N R55E' })).toEqual({ ok: false, reason: expect.stringContaining('not a CadNSDI township id') });
  });
});

describe('aliquot parts and the legal description', () => {
  it('prints parts with fractions, whole quarters and whole sections', () => {
    expect(aliquotText('NENE')).toBe('NE¼NE¼');
    expect(aliquotText('N2SW')).toBe('N½SW¼');
    expect(aliquotText('L3')).toBe('Lot 3');
    expect(summariseSectionParts(['SWSW', 'NENE', 'NWNE', 'SENE', 'SWNE', 'L2', 'L10'])).toEqual(['Lot 2', 'Lot 10', 'NE¼', 'SW¼SW¼']);
    const all = ['NE', 'NW', 'SW', 'SE'].flatMap((q) => ['NE', 'NW', 'SW', 'SE'].map((qq) => `${qq}${q}`));
    expect(summariseSectionParts(all)).toEqual(['All']);
  });

  it('makes one line from the fields, as typed by staff or filled from the PLSS', () => {
    expect(landDescriptionText({ meridian: 'Mount Diablo Meridian', township: 'T39N', range: 'R55E', sections: '12', aliquot: 'NE¼NE¼' })).toBe('T39N R55E, Sec. 12: NE¼NE¼, Mount Diablo Meridian');
    expect(landDescriptionText({ meridian: 'Mount Diablo', township: '32N', range: '51E', sections: '14, 15', aliquot: '' })).toBe('T32N R51E, Secs. 14, 15, Mount Diablo Meridian');
    expect(landDescriptionText({ meridian: '', township: '', range: '', sections: '', aliquot: '' })).toBe('');
  });
});

describe('describing claims from the PLSS', () => {
  const index = buildPlssIndex(fixtureArea(), FIXTURE_EPSG);
  const { toLonLat } = utmConverter(FIXTURE_EPSG);

  it('answers a point with the stored part, and derives one where the state has no second division', () => {
    const area = fixtureArea();
    expect(lookupPoint(quarterQuarterCentre(T39N_R55E, 12, 'NENE'), area)).toMatchObject({ derived: false, result: { section: 12, aliquot: 'NENE' } });
    const sectionsOnly = fixtureArea(fixtureLayers([T39N_R55E], { secondDivision: false }));
    expect(lookupPoint(quarterQuarterCentre(T39N_R55E, 27, 'NWSE'), sectionsOnly)).toMatchObject({ derived: true, result: { section: 27, aliquot: 'NWSE', lot: null } });
    expect(lookupPoint([-100, 40], area)).toBeNull();
  });

  it('gives the same quarter-quarters from the data and derived from the section corners', () => {
    const box = quarterQuarterBox(T39N_R55E, 22, 'SWNE');
    const claim = rectangleClaim('P 1', 'placer', box[0]![0] + 10, box[0]![1] + 10, box[2]![0] + 200, box[2]![1] - 10);
    const monuments = deriveMonuments([claim], { insetFt: 25, corner1: 'SE', lmCorner: 1 }, 'NV', FIXTURE_EPSG);
    const stored = describeClaims({ claims: [claim], index, monuments });
    const derived = describeClaims({ claims: [claim], index: buildPlssIndex(fixtureArea(fixtureLayers([T39N_R55E], { secondDivision: false })), FIXTURE_EPSG), monuments });
    const labels = (d: typeof stored) => d[0]!.townships[0]!.sections[0]!.parts.map((p) => p.label).sort();
    expect(labels(stored)).toEqual(['SENE', 'SWNE']);
    expect(labels(derived)).toEqual(labels(stored));
    expect(derived[0]!.townships[0]!.sections[0]!.parts.every((p) => p.derived)).toBe(true);
    expect(landDescriptionFromPlss(stored).plss).toMatchObject({ sections: '22', aliquot: 'SW¼NE¼, SE¼NE¼' });
  });

  it('lists lots before aliquot parts and names the corner a lot section ties to', () => {
    const lot = quarterQuarterBox(T39N_R55E, 6, 'NENW');
    const claim = rectangleClaim('P 2', 'placer', lot[0]![0] + 5, lot[0]![1] - 200, lot[2]![0] - 5, lot[2]![1] - 5);
    const monuments = deriveMonuments([claim], { insetFt: 25, corner1: 'SE', lmCorner: 1 }, 'NV', FIXTURE_EPSG);
    const [d] = describeClaims({ claims: [claim], index, monuments });
    expect(d!.townships[0]!.sections[0]!.description).toEqual(['Lot 3', 'SE¼NW¼']);
    expect(d!.tie!.corner.description).toMatch(/Section 6, T39N R55E, Mount Diablo Meridian$/);
    expect(toLonLat(d!.tie!.corner.utm)[0]).toBeCloseTo(d!.tie!.corner.lonLat[0], 9);
  });
});

describe('PLSS checks and snapping', () => {
  const index = buildPlssIndex(fixtureArea(fixtureLayers([T39N_R55E, T40N_R55E])), FIXTURE_EPSG);

  it('warns when a claim crosses a township line, not when it stays inside one', () => {
    const line = quarterQuarterBox(T39N_R55E, 3, 'NENE')[1]![1]; // north line of section 3 = the township line
    const x = quarterQuarterBox(T39N_R55E, 3, 'NENE')[0]![0] + 50;
    const crossing = rectangleClaim('L 1', 'lode', x, line - 200, x + 182.88, line + 257.2);
    const inside = rectangleClaim('L 2', 'lode', x, line - 500, x + 182.88, line - 42.8);
    const issues = townshipCrossingWarnings([crossing, inside], index);
    expect(issues).toEqual([expect.objectContaining({ code: 'crosses_township', claim: 'L 1', message: expect.stringContaining('T39N R55E and T40N R55E') })]);
  });

  it('warns about a placer off the aliquot lines until it is snapped to 20 or 40 acres', () => {
    const qq = quarterQuarterBox(T39N_R55E, 15, 'NWSE');
    const anchor = utmConverter(FIXTURE_EPSG).toUtm(utmConverter(FIXTURE_EPSG).toLonLat([qq[0]![0] + 37, qq[2]![1] - 23] as Utm));
    const placers = generateGrid({ kind: 'placer', rows: 1, cols: 2, azimuthDeg: 0, prefix: 'P', firstNumber: 1, anchorMode: 'nw', anchor }, FIXTURE_EPSG);
    expect(placerAliquotWarnings(placers, index).map((i) => i.code)).toEqual(['placer_not_aliquot', 'placer_not_aliquot']);
    const halves = snapPlacersToAliquots(placers, index, 20);
    expect(halves).toMatchObject({ snapped: 2, skipped: [] });
    expect(placerAliquotWarnings(halves.claims, index)).toEqual([]);
    // 660 × 1,320 ft north-south: the W½ and E½ of the NW¼SE¼.
    const near = (a: Utm, b: Utm): void => expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeLessThan(1e-3); // the fixture is written to 1e-9°, a tenth of a millimetre
    const [w, e] = halves.claims;
    near(w!.corners[0]!, qq[0]!);
    near(e!.corners[2]!, qq[2]!);
    near(w!.corners[2]!, [(qq[1]![0] + qq[2]![0]) / 2, qq[2]![1]]);
    const forty = snapPlacersToAliquots(placers.slice(0, 1), index, 40).claims[0]!;
    forty.corners.forEach((corner, k) => near(corner, qq[k]!));
  });

  it('leaves a placer on a lot and a lode claim as they are, saying why', () => {
    const lot = quarterQuarterBox(T39N_R55E, 6, 'NWNW');
    const onLot = rectangleClaim('P 9', 'placer', lot[0]![0] + 10, lot[0]![1] + 10, lot[2]![0] - 10, lot[2]![1] - 10);
    const lode = rectangleClaim('L 9', 'lode', lot[0]![0] + 10, lot[0]![1] + 10, lot[2]![0] - 10, lot[2]![1] - 10);
    const result = snapPlacersToAliquots([onLot, lode], index, 40);
    expect(result.snapped).toBe(0);
    expect(result.claims).toEqual([onLot, lode]);
    expect(result.skipped).toEqual(['P 9: its centre is on Lot 4, which has no aliquot parts']);
  });
});
