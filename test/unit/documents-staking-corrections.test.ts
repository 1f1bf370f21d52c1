/**
 * The staking-package corrections, state by state, on the documents' content (what the PDFs print comes from
 * these functions): Colorado's six posts, the field instructions, Alaska's wording, placer wording, co-locators,
 * monument minimums, the layout margin and placers on true north.
 */
import { describe, expect, it } from 'vitest';
import { monumentIssues } from '../../shared/claims/monument-spec';
import { stateLandIssues } from '../../shared/claims/state-land';
import { fieldInstructions } from '../../shared/documents/field-instructions';
import { buildGpx } from '../../shared/documents/gpx';
import { cornerCard } from '../../shared/documents/notice-cards';
import type { NoticeBlock, NoticeDocument } from '../../shared/documents/notice-blocks';
import { noticeContent } from '../../shared/documents/notice-content';
import { postedNotice } from '../../shared/documents/posted-notice';
import { trueCourse } from '../../shared/documents/bearing-format';
import { groundDistanceFt } from '../../shared/geo/ground';
import { nad83UtmEpsg, utmConverter, zoneForLongitude } from '../../shared/geo/utm';
import { generateGrid } from '../../shared/layout/grid';
import { samplePackageModel, samplePackageSource, type FixtureOptions } from '../helpers/package-fixtures';

function text(doc: NoticeDocument): string {
  const block = (b: NoticeBlock): string[] => {
    switch (b.kind) {
      case 'heading': return [b.text];
      case 'fields': return b.fields.map((f) => `${f.label}: ${f.value}`);
      case 'paragraph': return [b.text];
      case 'items': return b.items.map((i) => `${i.term}: ${i.text}`);
      case 'table': return [b.caption, ...b.rows.map((r) => r.join(' | '))];
      case 'signatures': return b.signers.map((s) => `${s.role}: ${s.name}${s.organisation ? ' [By/Its]' : ''}`);
      case 'notary': return [b.notary.oath];
    }
  };
  return [doc.title, doc.subtitle, doc.authority, ...doc.blocks.flatMap(block)].join('\n');
}

const notice = (options: FixtureOptions, claim = 0) => {
  const model = samplePackageModel({ rows: 1, cols: 1, ...options });
  return { model, doc: noticeContent(model, model.claims[claim]!) };
};

describe('Colorado', () => {
  it('a lode gets six posts, one at each corner and one at the centre of each side line (C.R.S. 34-43), plus the discovery', () => {
    const model = samplePackageModel({ state: 'CO', rows: 1, cols: 1 });
    const kinds = model.claims[0]!.monuments.map((m) => m.label);
    expect(model.claims[0]!.corners).toHaveLength(4);
    expect(kinds).toEqual(['DM', 'S/C 1', 'S/C 2']);
    expect(model.posts.filter((p) => p.kind === 'corner' || p.kind === 'sideline')).toHaveLength(6);
    const sc = model.claims[0]!.monuments.find((m) => m.label === 'S/C 1')!;
    const c = model.claims[0]!.corners;
    const nearest = Math.min(...c.map((k) => trueCourse(sc.lonLat, k.lonLat).distanceM / 0.3048));
    expect(nearest).toBeCloseTo(750, 0);
    // A placer is a post at each angle only (C.R.S. 34-43-112).
    expect(samplePackageModel({ state: 'CO', rows: 1, cols: 1, kind: 'placer' }).claims[0]!.monuments).toEqual([]);
  });

  it('posts a discovery notice with the date of discovery, separate from the location certificate', () => {
    const model = samplePackageModel({ state: 'CO', rows: 1, cols: 1, dateOfDiscovery: '2026-08-01' });
    const posted = postedNotice(model, model.claims[0]!);
    expect(posted.title).toBe('Discovery notice');
    expect(posted.fields.find((f) => f.label === 'Date of discovery')?.value).toBe('August 1, 2026');
    expect(posted.authority).toContain('C.R.S. § 34-43-106');
  });
});

describe('field instructions', () => {
  it('Nevada: what to set per post, where the notice goes, the monument rule, the deadlines and the declination', () => {
    const model = samplePackageModel({ state: 'NV', rows: 1, cols: 2 });
    const fi = fieldInstructions(model);
    expect(fi.posts).toHaveLength(model.posts.length);
    expect(fi.posts[0]![0]).toBe('P1');
    const dmRow = fi.posts.find((r) => r[1]!.startsWith('Discovery monument'))!;
    expect(dmRow[2]).toMatch(/POST THE NOTICE of LUCKY STRIKE \d here/);
    expect(fi.notices[0]).toMatch(/^LUCKY STRIKE 1: on the location monument at the point of discovery — post P\d+ \(NRS 517\.010\)\.$/);
    expect(fi.monument.rule).toContain('NRS 517.030');
    expect(fi.deadlines.map((d) => d.label)).toContain('Set the corner monuments on the ground');
    expect(fi.deadlines.find((d) => d.rule.includes('NRS 517.030'))?.dateText).toBe('Wed 14 October 2026');
    // WMM-2025 at 40.2° N 117.05° W in August 2026: about 12° east.
    expect(fi.declination.headline).toMatch(/^Magnetic declination 1[12]°\d\d' E at the claims on the date of location, Sat 15 August 2026 \(WMM-2025\)$/);
    const [, , trueText, compassText] = fi.courses[0]!;
    expect(trueText).not.toBe(compassText);
  });

  it('Nevada placers: the notice goes on a monument on the north boundary (NRS 517.090)', () => {
    const model = samplePackageModel({ state: 'NV', rows: 1, cols: 1, kind: 'placer' });
    const claim = model.claims[0]!;
    expect(claim.notice).toMatchObject({ post: 'north-boundary', citation: 'NRS 517.090' });
    const northmost = [...claim.corners].sort((a, b) => b.lonLat[1] - a.lonLat[1])[0]!;
    expect(claim.notice.postId).toBe(northmost.postId);
    expect(cornerCard(model, model.posts.find((p) => p.id === northmost.postId)!).noticeFor).toEqual([claim.name]);
  });

  it('Arizona: warns when the post may not project 4 ft above ground (A.R.S. 27-202); without a date in a model, says to look the declination up', () => {
    const model = samplePackageModel({ state: 'AZ', rows: 1, cols: 1, monumentType: '4 in x 4 in wooden post, 4 ft', dateOfLocation: '2031-03-01' });
    const fi = fieldInstructions(model);
    expect(fi.monument.warnings.join(' ')).toMatch(/stands 3 ft above ground, short of 4 ft \(A\.R\.S\. § 27-202\(A\)\)/);
    expect(fi.declination.headline).toMatch(/no World Magnetic Model bundled here covers Sat 1 March 2031/);
  });
});

describe('monument minimums', () => {
  it('refuses a post clearly below the state minimum and warns when the height above ground is not stated', () => {
    expect(monumentIssues('2 ft wooden post', 'AZ')).toEqual([expect.objectContaining({ severity: 'problem', code: 'monument_below_minimum' })]);
    expect(monumentIssues('wooden post projecting 3 ft above ground', 'AZ')[0]).toMatchObject({ severity: 'problem' });
    expect(monumentIssues('4 in × 4 in wooden post, 5 ft, projecting 4 ft above ground', 'AZ')).toEqual([]);
    expect(monumentIssues('wooden post', 'AZ')[0]).toMatchObject({ severity: 'warning', code: 'monument_unclear' });
    expect(monumentIssues('1 in pipe, 4 ft', 'NV')[0]?.message).toMatch(/1 in across/);
    expect(monumentIssues('2-in PVC post, 4 ft above ground', 'NV').map((i) => i.code)).toEqual(['monument_plastic']);
    expect(monumentIssues('2 ft post', 'TX')).toEqual([]); // nothing on file: no check, the instructions say so
  });
});

describe('Alaska', () => {
  it('names the recording district, never a county; the lode notice is posted at Corner No. 1, the NE corner', () => {
    const { model, doc } = notice({ state: 'AK', recordingDistrict: 'Fairbanks' });
    const all = text(doc);
    expect(model.county).toBe('');
    expect(all).toContain('Recording district: Fairbanks Recording District');
    expect(all).not.toMatch(/County/);
    expect(all).toContain('Land: Federal land');
    const claim = model.claims[0]!;
    const one = claim.corners.find((c) => c.number === 1)!;
    expect(one.position).toBe('NE');
    expect(claim.notice).toMatchObject({ post: 'corner-1', postId: one.postId, citation: 'AS 27.10.030(1)' });
    expect(all).toMatch(/Notice posted: at the northeast corner \(Corner No\. 1\) \(post P\d+\), AS 27\.10\.030\(1\)/);
    expect(cornerCard(model, model.posts[0]!).place).toBe('Fairbanks Recording District, Alaska');
    // The posted notice gives the approximate bearings of the lines from the posted corner (AS 27.10.030(1)(D)).
    expect(postedNotice(model, claim).fields.map((f) => f.label)).toContain('Bearings of the lines from Corner No. 1 (NE)');
  });

  it('refuses 1,500 × 600 lode geometry on State land, with the reason, and accepts a true-north 1,320 × 660 location', () => {
    const lode = samplePackageSource({ state: 'AK', rows: 1, cols: 1 });
    const issues = stateLandIssues(lode.claims, { stateCode: 'AK', landStatus: 'state', epsg: lode.epsg });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/1,500\.0 ft \(at most 1,320 ft\).*MTRSC quarter section \(160 acres\) or quarter-quarter section \(40 acres\).*federal lode claim \(1,500 × 600 ft\)/);
    const placer = samplePackageSource({ state: 'AK', rows: 1, cols: 2, kind: 'placer', placerNorth: 'true' });
    expect(stateLandIssues(placer.claims, { stateCode: 'AK', landStatus: 'state', epsg: placer.epsg })).toEqual([]);
    expect(stateLandIssues(lode.claims, { stateCode: 'AK', landStatus: 'federal', epsg: lode.epsg })).toEqual([]);
    expect(stateLandIssues(lode.claims, { stateCode: 'NV', landStatus: 'state', epsg: lode.epsg })[0]!.code).toBe('state_land_not_alaska');
  });

  it('a State-land posted notice names the MTRSC as the one legal description', () => {
    const model = samplePackageModel({ state: 'AK', kind: 'placer', placerNorth: 'true', landStatus: 'state', rows: 1, cols: 1 });
    const filled = { ...model, plss: { meridian: 'Fairbanks Meridian', township: 'T1N', range: 'R1W', sections: '12', aliquot: 'NE¼NE¼' } };
    const field = postedNotice(filled, filled.claims[0]!).fields.find((f) => f.label === 'Meridian, township, range, section');
    expect(field?.value).toBe('T1N R1W, Sec. 12: NE¼NE¼, Fairbanks Meridian');
  });
});

describe('placers', () => {
  it('use placer statutes and placer descriptions, never lode wording', () => {
    const { doc } = notice({ state: 'NV', kind: 'placer' });
    const all = text(doc);
    expect(doc.authority).toBe('Under NRS 517.110 and the General Mining Law (30 U.S.C. §§ 22, 35)');
    expect(all).not.toMatch(/centerline|each side|Distance from the location monument|NRS 517\.050/);
    expect(all).toContain('Sides: 1,320.00 ft by 660.00 ft');
    const az = notice({ state: 'AZ', kind: 'placer' }).doc;
    expect(az.authority).toContain('A.R.S. § 27-203');
    expect(text(az)).not.toMatch(/27-202|location monument to each end/);
  });

  it('a placer on true north is described by legal subdivision; one on the UTM grid by metes and bounds', () => {
    const conforming = text(notice({ state: 'AZ', kind: 'placer', placerNorth: 'true' }).doc);
    expect(conforming).toContain('This placer claim conforms to the public land survey');
    expect(conforming).toContain('described by legal subdivision as T32N R36E, Secs. 12, 13: NE¼ SW¼, Mount Diablo Meridian (30 U.S.C. § 35');
    // A description filled from the PLSS names the meridian in full: it is not doubled.
    const model = samplePackageModel({ state: 'NV', kind: 'placer', placerNorth: 'true', rows: 1, cols: 1 });
    const filled = { ...model, plss: { meridian: 'Mount Diablo Meridian', township: 'T39N', range: 'R55E', sections: '12', aliquot: 'NE¼NE¼' } };
    expect(text(noticeContent(filled, filled.claims[0]!))).toContain('described by legal subdivision as T39N R55E, Sec. 12: NE¼NE¼, Mount Diablo Meridian (30 U.S.C. § 35');
    expect(conforming).toContain('Boundary as staked');
    // Arizona's zone 12 at 112.6° W: grid north is about a degree off true north.
    const grid = text(notice({ state: 'AZ', kind: 'placer', placerNorth: 'grid' }).doc);
    expect(grid).toContain('does not follow the lines of the public land survey, so it is described by metes and bounds');
  });
});

describe('co-locators and signatures', () => {
  it('an association placer names every locator with a mailing address, and each signs; a company signs By/Its', () => {
    const { doc } = notice({ state: 'AZ', kind: 'placer', locatorCount: 3 });
    const all = text(doc);
    expect(all).toContain("Locator 1: Łukasz Peña & O'Brien, LLC");
    expect(all).toContain('Locator 2: Co-locator 2');
    expect(all).toContain('Mailing address: 200 Placer Road\nElko, NV 89801');
    expect(all).toContain('Locator 3: Co-locator 3');
    expect(all).toContain("Signature of locator 1: Łukasz Peña & O'Brien, LLC [By/Its]");
    expect(all).toContain('Signature of locator 2: Co-locator 2\n');
    expect(all).toContain('Signature of locator 3: Co-locator 3');
    expect(all).toMatch(/The undersigned locators hereby give notice/);
  });
});

describe('smaller corrections', () => {
  it('ID lode notices still describe the discovery point (43 CFR 3832.12)', () => {
    const all = text(notice({ state: 'ID' }).doc);
    expect(all).toMatch(/From the discovery monument, Corner No\. 1 bears/);
    expect(all).toContain('Discovery monument (DM)');
  });

  it('labels latitude and longitude NAD83 (they are NAD83 geographic), and never prints "Inc.."', () => {
    expect(text(notice({ state: 'NV' }).doc)).toContain('latitude and longitude NAD83');
    const gpx = buildGpx(samplePackageModel({ state: 'NV', rows: 1, cols: 1, claimantName: 'Acme Mining, Inc.' }));
    expect(gpx).not.toContain('Inc..');
  });

  it('a layout margin lays lodes out at 1,499.5 × 599.5 ground ft', () => {
    const lon = -117.05;
    const epsg = nad83UtmEpsg(zoneForLongitude(lon));
    const anchor = utmConverter(epsg).toUtm([lon, 40.2]);
    const [claim] = generateGrid({ kind: 'lode', rows: 1, cols: 1, azimuthDeg: 30, prefix: 'M', firstNumber: 1, anchorMode: 'nw', anchor, marginFt: 0.5 }, epsg);
    const [a, b, , d] = claim!.corners;
    expect(groundDistanceFt(epsg, a!, b!)).toBeCloseTo(1499.5, 2);
    expect(groundDistanceFt(epsg, a!, d!)).toBeCloseTo(599.5, 2);
  });

  it('placers laid out on true north run true north–south and east–west', () => {
    const model = samplePackageModel({ state: 'AZ', kind: 'placer', placerNorth: 'true', rows: 1, cols: 1 });
    for (const course of model.claims[0]!.courses) {
      const r = course.bearingDeg % 90;
      expect(Math.min(r, 90 - r)).toBeLessThan(0.01);
    }
  });
});
