import { describe, expect, it } from 'vitest';
import { STATE_RULES, stateRule } from '../../shared/claims/state-rules';
import { formatBearing } from '../../shared/documents/bearing-format';
import type { NoticeBlock, NoticeDocument, NoticeField } from '../../shared/documents/notice-blocks';
import { cornerCard } from '../../shared/documents/notice-cards';
import { noticeContent } from '../../shared/documents/notice-content';
import type { PackageModel } from '../../shared/documents/package-model.types';
import { samplePackageModel, type FixtureOptions } from '../helpers/package-fixtures';

function notice(options: FixtureOptions = {}, claim = 0): { model: PackageModel; doc: NoticeDocument } {
  const model = samplePackageModel({ rows: 2, cols: 2, ...options });
  return { model, doc: noticeContent(model, model.claims[claim]!) };
}

function fields(doc: NoticeDocument): NoticeField[] {
  return doc.blocks.flatMap((b) => (b.kind === 'fields' ? b.fields : []));
}

function field(doc: NoticeDocument, label: string): NoticeField | undefined {
  return fields(doc).find((f) => f.label === label);
}

function blockText(b: NoticeBlock): string[] {
  switch (b.kind) {
    case 'heading': return [b.text];
    case 'fields': return b.fields.map((f) => `${f.label}: ${f.value}`);
    case 'paragraph': return [b.text];
    case 'items': return b.items.map((i) => `${i.term}: ${i.text}`);
    case 'table': return [b.caption, ...b.rows.map((r) => r.join(' | '))];
    case 'signatures': return [b.dateLabel, ...b.signers.map((s) => `${s.role}: ${s.name}`)];
    case 'notary': return [b.notary.venueState, b.notary.oath, b.notary.jurat, ...b.notary.officerLines];
  }
}

/** Everything the notice says, one string: what the PDF must show. */
function allText(doc: NoticeDocument): string {
  return [doc.title, doc.subtitle, doc.authority, ...doc.blocks.flatMap(blockText)].join('\n');
}

describe('notice content: every state', () => {
  it.each(['NV', 'AZ', 'ID', 'WY', 'MT'])('%s: the items every notice needs', (state) => {
    const { model, doc } = notice({ state });
    const claim = model.claims[0]!;
    const text = allText(doc);
    expect(doc.title).toBe(stateRule(state).certificateName);
    expect(field(doc, 'Name of claim')?.value).toBe('LUCKY STRIKE 1');
    expect(field(doc, 'Kind of claim')?.value).toBe('Lode mining claim');
    expect(field(doc, 'Date of location')?.value).toBe('August 15, 2026');
    expect(field(doc, 'Locator')?.value).toBe("Łukasz Peña & O'Brien, LLC");
    expect(field(doc, 'Mailing address')?.value).toBe('1234 Żółć Street, Suite 500\nReno, NV 89501');
    expect(field(doc, 'Agent')?.value).toBe('Zoë Ångström');
    expect(field(doc, 'County')?.value).toBe(model.county);
    expect(field(doc, 'State')?.value).toBe(model.stateName);
    expect(field(doc, 'Township')?.value).toBe('T32N');
    expect(field(doc, 'Range')?.value).toBe('R36E');
    expect(field(doc, 'Section(s)')?.value).toBe('12, 13');
    expect(field(doc, 'Aliquot part')?.value).toBe('NE¼ SW¼');
    expect(field(doc, 'Meridian')?.value).toBe('Mount Diablo');
    expect(field(doc, 'Surface area claimed')?.value).toBe('20.661 acres');
    expect(field(doc, 'General course')?.value).toMatch(/^N 1\d° E \(centerline N 1\d°\d\d'\d\d" E\)$/);
    expect(field(doc, 'Monuments used')?.value).toBe('2 in × 4 ft capped metal post');
    // Boundary by courses, from Corner No. 1 round to it again, each course as the model has it.
    const steps = claim.courses.map((c) => `thence ${formatBearing(c.bearingDeg)}, ${c.distanceFt.toFixed(2).replace(/^1500/, '1,500')} ft to Corner No. ${c.to}`);
    expect(text).toContain(`Beginning at Corner No. 1${state === 'ID' ? ', the location monument' : ''}, ${steps.join('; ')}, the place of beginning; containing 20.661 acres.`);
    // Corner coordinates: UTM and lon/lat, every corner with its number.
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.caption).toContain(`EPSG:${model.epsg}`);
    for (const corner of claim.corners) expect(text).toMatch(new RegExp(`Corner No. ${corner.number} \\(${corner.position}\\).*\\| ${corner.utm[0].toFixed(2)} \\| ${corner.utm[1].toFixed(2)} \\| ${corner.lonLat[1].toFixed(7)} \\| ${corner.lonLat[0].toFixed(7)}`));
    // Signatures: the locator and the agent.
    const signatures = doc.blocks.find((b) => b.kind === 'signatures');
    expect(signatures?.kind === 'signatures' && signatures.signers.map((s) => s.name)).toEqual(["Łukasz Peña & O'Brien, LLC", 'Zoë Ångström']);
    expect(text).toContain(`From Corner No. 1 of this claim${state === 'ID' ? ' (the posted corner)' : ''}, the reference point, Section corner 12/13/7/18 (brass cap), bears `);
  });

  it('prints a blank line for the date of location, the PLSS and the tie when they are not known', () => {
    const { doc } = notice({ state: 'NV', dateOfLocation: null, blankPlss: true, withTie: false });
    expect(field(doc, 'Date of location')?.value).toBe('');
    for (const label of ['Meridian', 'Township', 'Range', 'Section(s)', 'Aliquot part']) expect(field(doc, label)?.value).toBe('');
    expect(field(doc, 'Natural object or permanent monument')?.value).toBe('');
    expect(field(doc, 'Bearing and distance from Corner No. 1')?.value).toBe('');
  });

  it('refuses a claim without corners (the renderer reports it)', () => {
    const model = samplePackageModel({ rows: 1, cols: 1 });
    expect(() => noticeContent(model, { ...model.claims[0]!, corners: [] })).toThrow(/0 corners/);
  });
});

describe('notice content: state requirements', () => {
  it('NV: each corner described with its markings, the map statement and duplicates (NRS 517.050)', () => {
    const { model, doc } = notice({ state: 'NV' });
    const items = doc.blocks.find((b) => b.kind === 'items');
    expect(items?.kind).toBe('items');
    if (items?.kind !== 'items') return;
    expect(items.items.map((i) => i.term)).toEqual(['Corner No. 1 (SE)', 'Corner No. 2 (SW)', 'Corner No. 3 (NW)', 'Corner No. 4 (NE)', 'Discovery monument (DM)']);
    for (const [k, item] of items.items.slice(0, 4).entries()) {
      expect(item.text).toContain(`A 2 in × 4 ft capped metal post, post ${model.claims[0]!.corners[k]!.postId}, marked “LUCKY STRIKE 1 — Corner No. ${k + 1}”`);
      expect(item.text).toMatch(/the boundary lines run [NS] \d+°\d\d'\d\d" [EW] to Corner No. \d and [NS] \d+°\d\d'\d\d" [EW] to Corner No. \d/);
    }
    // Corner 1 of LUCKY STRIKE 1 is the common corner of all four claims of the 2 × 2 grid.
    expect(items.items[0]!.text).toContain('also marked “LUCKY STRIKE 2 — Corner No. 2”');
    expect(items.items[1]!.text).toMatch(/located [NS] \d+°\d\d'\d\d" [EW], 301\.04 ft from the discovery monument/);
    const text = allText(doc);
    expect(text).toContain('The location work for this claim consisted of making the maps of the claim required by NRS 517.040');
    expect(text).toContain('recorded in duplicate, with two copies of the map');
    expect(field(doc, 'From discovery monument')?.value).toMatch(/^25\.00 ft S \d+°\d\d'\d\d" W and 1,475\.00 ft N \d+°\d\d'\d\d" E along the centerline/);
    expect(field(doc, 'Width each side')?.value).toBe('300.00 ft on each side of the centerline (600.00 ft in all)');
  });

  it('AZ: the distance from the location monument to each end (ARS 27-202)', () => {
    const { doc } = notice({ state: 'AZ' });
    expect(allText(doc)).toMatch(/Distance from the location monument to each end of the claim: 25\.00 ft to the end of the claim lying S \d+°\d\d'\d\d" W of it, and 1,475\.00 ft to the end lying N \d+°\d\d'\d\d" E of it \(A\.R\.S\. § 27-202\)/);
    expect(doc.title).toBe('Location Notice');
  });

  it('ID: district and county, the LM is the posted corner, post markings with line directions (IC 47-602)', () => {
    const { doc } = notice({ state: 'ID', district: '' });
    expect(field(doc, 'Mining district')?.value).toBe('');
    expect(field(doc, 'County')?.value).toBe('Valley');
    expect(field(doc, 'Location monument')?.value).toBe('Corner No. 1 (SE), where this notice is posted');
    // The lode's discovery point is still described (43 CFR 3832.12: a lode description begins at the discovery).
    expect(field(doc, 'From discovery monument')?.value).toMatch(/^25\.00 ft/);
    const text = allText(doc);
    expect(text).toMatch(/Corner No. 2 \(SW\): A 2 in × 4 ft capped metal post, post P\d+, marked “LUCKY STRIKE 1 — Corner No. 2”.*and with the directions of the boundary lines, which run/);
    expect(text).toContain('this corner is the location monument; this notice is posted on it');
    expect(text).toMatch(/From Corner No. 1 of this claim \(the posted corner\), the reference point, .* bears [NS] \d+°\d\d'\d\d" [EW], [\d,]+\.\d\d ft/);
    // Outside Idaho an empty district is simply left out.
    expect(field(notice({ state: 'WY', district: '' }).doc, 'Mining district')).toBeUndefined();
  });

  it('WY: length and general course, surface area claimed, tie (W.S. 30-1-101)', () => {
    const { doc } = notice({ state: 'WY' });
    expect(doc.title).toBe('Location Certificate');
    expect(field(doc, 'Length (centerline)')?.value).toBe('1,500.00 ft');
    expect(field(doc, 'General course')?.value).toMatch(/^N 13° E/);
    expect(field(doc, 'Surface area claimed')?.value).toBe('20.661 acres');
    expect(allText(doc)).toMatch(/the reference point, Section corner 12\/13\/7\/18 \(brass cap\), bears S \d+°\d\d'\d\d" W, [\d,]+\.\d\d ft; the reference point is at UTM 13N E/);
  });

  it('MT: a date-of-discovery line and the certificate verified before a notary (MCA 82-2-102)', () => {
    const { doc } = notice({ state: 'MT' });
    expect(field(doc, 'Date of discovery')?.value).toBe('');
    const notary = doc.blocks.find((b) => b.kind === 'notary');
    expect(notary?.kind).toBe('notary');
    if (notary?.kind !== 'notary') return;
    expect(notary.notary.venueState).toBe('STATE OF MONTANA');
    expect(notary.notary.venueCounty).toBe('');
    expect(notary.notary.jurat).toMatch(/^Subscribed and sworn to \(or affirmed\) before me on _+ by _+\.$/);
    expect(notary.notary.officerLines).toContain('Notary Public for the State of Montana');
    expect(notary.notary.officerLines.join('\n')).toMatch(/My commission expires/);
    expect(notary.notary.oath).toMatch(/^Łukasz Peña & O'Brien, LLC, being first duly sworn/);
    expect(notice({ state: 'NV' }).doc.blocks.some((b) => b.kind === 'notary')).toBe(false);
  });

  it('keeps the notary and document requirements in the state table, not in the renderer', () => {
    const notarized = Object.values(STATE_RULES).filter((r) => r.notaryRequired).map((r) => r.code);
    expect(notarized).toEqual(['MT']);
    expect(stateRule('NV').mapStatementRequired && stateRule('NV').cornerMarkingsRequired).toBe(true);
    expect(stateRule('AZ').distanceToEachEnd).toBe(true);
    expect(stateRule('ID').districtRequired && stateRule('ID').cornerLineDirections).toBe(true);
    expect(['MT', 'AK', 'CO'].every((code) => stateRule(code).discoveryDateRequired)).toBe(true);
    expect(stateRule(null).notaryRequired).toBe(false);
  });

  it('association placer: the number of locators and a signature line for each', () => {
    const { doc } = notice({ state: 'NV', kind: 'placer', locatorCount: 3, rows: 1, cols: 1 });
    expect(field(doc, 'Kind of claim')?.value).toBe('Association placer mining claim');
    expect(field(doc, 'Number of locators')?.value).toMatch(/^3 /);
    const signatures = doc.blocks.find((b) => b.kind === 'signatures');
    expect(signatures?.kind === 'signatures' && signatures.signers.map((s) => s.role)).toEqual([
      'Signature of locator 1',
      'Signature of locator 2',
      'Signature of locator 3',
      'Signature of agent for the locator(s)',
    ]);
  });

  it('unknown state: a Notice of Location with blank state and county lines', () => {
    const model = { ...samplePackageModel({ rows: 1, cols: 1 }), stateCode: null, stateName: '', county: '' };
    const doc = noticeContent(model, model.claims[0]!);
    expect(doc.title).toBe('Notice of Location');
    expect(field(doc, 'State')?.value).toBe('');
    expect(field(doc, 'County')?.value).toBe('');
  });
});

describe('corner card content', () => {
  it('one card per post; a common corner lists every claim marked on it, with its boundary lines', () => {
    const model = samplePackageModel({ state: 'NV', rows: 1, cols: 2 });
    const shared = model.posts.find((p) => p.markings.length === 2 && p.kind === 'corner')!;
    const card = cornerCard(model, shared);
    expect(card.postId).toBe(shared.id);
    expect(card.kindLabel).toBe('Corner post');
    expect(card.markings.map((m) => m.marking)).toEqual(shared.markings.map((m) => `${m.claim} — ${m.designation.replace('Corner', 'Corner No.')}`));
    for (const m of card.markings) expect(m.lines).toMatch(/^Lines run [NS] \d+°\d\d'\d\d" [EW] to Corner No. \d and [NS] \d+°\d\d'\d\d" [EW] to Corner No. \d$/);
    expect(card.dateOfLocation).toBe('August 15, 2026');
    expect(card.locator).toBe("Łukasz Peña & O'Brien, LLC");
    expect(card.place).toBe('Pershing County, Nevada');
    expect(card.location).toMatch(/^UTM 11N E \d+\.\d\d m, N \d+\.\d\d m; lat 40\.\d{7}°, lon -117\.\d{7}°$/);
    const dm = cornerCard(model, model.posts.find((p) => p.kind === 'discovery')!);
    expect(dm.kindLabel).toBe('Discovery monument');
    expect(dm.markings[0]!.lines).toMatch(/^Centerline N \d+°\d\d'\d\d" E 1,475\.00 ft and S \d+°\d\d'\d\d" W 25\.00 ft to the end lines$/);
  });

  it('Idaho: the LM and the corner it stands on are one marking; the date is blank when not known', () => {
    const model = samplePackageModel({ state: 'ID', rows: 1, cols: 1, dateOfLocation: null });
    const lmPost = model.posts.find((p) => p.markings.some((m) => m.designation.startsWith('LM')))!;
    const card = cornerCard(model, lmPost);
    expect(card.kindLabel).toBe('Corner post · location monument');
    expect(card.markings.map((m) => m.marking)).toEqual(['LUCKY STRIKE 1 — Corner No. 1 · LM']);
    expect(card.dateOfLocation).toBe('');
  });
});
