import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderCsv, renderGpx, renderKml } from '../../core/documents/field-files';
import type { RenderContext, RenderResult } from '../../core/documents/document.types';
import { CSV_HEADER, neutraliseFormula, quoteCsvField } from '../../shared/documents/csv';
import { formatCoordinate, waypointName, WAYPOINT_NAME_MAX } from '../../shared/documents/gpx';
import type { PackageModel } from '../../shared/documents/package-model.types';
import { samplePackageModel } from '../helpers/package-fixtures';

// Field files need neither fonts nor fees; the context is part of the common renderer signature only.
const context = {} as RenderContext;
const decode = (result: RenderResult): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(result.document.bytes);

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };
const orderedParser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, parseTagValue: false, trimValues: false });
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['wpt', 'rtept', 'Placemark', 'Folder', 'Style'].includes(name),
});

const tagOf = (node: Ordered): string => Object.keys(node).find((k) => k !== ':@')!;
const childrenOf = (node: Ordered): Ordered[] => node[tagOf(node)] as Ordered[];
const elements = (nodes: Ordered[]): Ordered[] => nodes.filter((n) => !['#text', '?xml'].includes(tagOf(n)));

// wptType's xsd:sequence in GPX 1.1.
const WPT_SEQUENCE = ['ele', 'time', 'magvar', 'geoidheight', 'name', 'cmt', 'desc', 'src', 'link', 'sym', 'type', 'fix', 'sat', 'hdop', 'vdop', 'pdop', 'ageofdgpsdata', 'dgpsid', 'extensions'];

function expectSchemaOrder(tags: string[], sequence: string[]): void {
  const positions = tags.map((t) => sequence.indexOf(t));
  expect(positions.every((p) => p >= 0), tags.join(',')).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
}

function gpxRoot(text: string): Ordered {
  expect(XMLValidator.validate(text)).toBe(true);
  return elements(orderedParser.parse(text) as Ordered[]).find((n) => tagOf(n) === 'gpx')!;
}

describe('GPX', () => {
  it('is GPX 1.1 with metadata, one waypoint per physical post in route order and a route through them all', async () => {
    const model = samplePackageModel({ state: 'NV', rows: 2, cols: 2 });
    const result = await renderGpx(model, context);
    expect(result.document).toMatchObject({ kind: 'gpx', pages: null });
    expect(result.problems).toEqual([]);
    const text = decode(result);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);

    const root = gpxRoot(text);
    expect(root[':@']).toMatchObject({
      '@_xmlns': 'http://www.topografix.com/GPX/1/1',
      '@_version': '1.1',
      '@_creator': 'ClaimDesk 0.1.0-test',
      '@_xsi:schemaLocation': 'http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    });
    const top = elements(childrenOf(root)).map(tagOf);
    expect(top[0]).toBe('metadata');
    expect(top.at(-1)).toBe('rte');

    const gpx = (parser.parse(text) as { gpx: Record<string, unknown> }).gpx as {
      metadata: { name: string; time: string; desc: string };
      wpt: { '@_lat': string; '@_lon': string; name: string; sym: string; type: string; cmt: string }[];
      rte: { name: string; rtept: { name: string; '@_lat': string; '@_lon': string }[] };
    };
    expect(gpx.metadata.name).toBe('CP-2026-0042 Lucky Strike Project');
    expect(gpx.metadata.time).toBe('2026-11-22T00:00:00Z');

    // A 2 × 2 grid has 16 claim corners on 9 posts, plus 4 discovery monuments.
    expect(model.posts.filter((p) => p.kind === 'corner')).toHaveLength(9);
    expect(gpx.wpt).toHaveLength(13);
    expect(gpx.wpt.map((w) => w.name.split(' ')[0])).toEqual(model.posts.map((p) => p.id));
    const centre = gpx.wpt.find((w) => w.cmt.split('; ').length === 4)!;
    expect(centre.sym).toBe('Flag, Blue');
    expect(centre.type).toBe('corner');
    expect(gpx.wpt.filter((w) => w.type === 'discovery').every((w) => w.sym === 'Flag, Red')).toBe(true);

    model.posts.forEach((post, k) => {
      const w = gpx.wpt[k]!;
      const [lat, lon] = [Number(w['@_lat']), Number(w['@_lon'])];
      expect(w['@_lat']).toMatch(/^-?\d+\.\d{7}$/);
      expect(lat).toBeGreaterThanOrEqual(-90);
      expect(lat).toBeLessThanOrEqual(90);
      expect(lon).toBeGreaterThanOrEqual(-180);
      expect(lon).toBeLessThan(180);
      expect(Math.abs(lat - post.lonLat[1])).toBeLessThan(1e-7);
      expect(Math.abs(lon - post.lonLat[0])).toBeLessThan(1e-7);
      expect(w.name.length).toBeLessThanOrEqual(WAYPOINT_NAME_MAX);
    });

    expect(gpx.rte.name).toBe('Staking route');
    expect(gpx.rte.rtept.map((r) => r.name)).toEqual(gpx.wpt.map((w) => w.name));
    expect(new Set(gpx.rte.rtept.map((r) => r.name)).size).toBe(model.posts.length);
    expect(gpx.rte.rtept.map((r) => [r['@_lat'], r['@_lon']])).toEqual(gpx.wpt.map((w) => [w['@_lat'], w['@_lon']]));
  });

  it('keeps every element of every waypoint, route point and the metadata in schema order', async () => {
    for (const state of ['NV', 'ID', 'WY', 'AZ']) {
      const root = gpxRoot(decode(await renderGpx(samplePackageModel({ state, rows: 2, cols: 3 }), context)));
      const top = elements(childrenOf(root));
      expectSchemaOrder(elements(childrenOf(top[0]!)).map(tagOf), ['name', 'desc', 'author', 'copyright', 'link', 'time', 'keywords', 'bounds', 'extensions']);
      const wpts = top.filter((n) => tagOf(n) === 'wpt');
      expect(wpts.length).toBeGreaterThan(0);
      for (const wpt of wpts) expectSchemaOrder(elements(childrenOf(wpt)).map(tagOf), WPT_SEQUENCE);
      const rte = top.find((n) => tagOf(n) === 'rte')!;
      const rteTags = elements(childrenOf(rte)).map(tagOf);
      expectSchemaOrder(rteTags.filter((t) => t !== 'rtept'), ['name', 'cmt', 'desc', 'src', 'link', 'number', 'type', 'extensions']);
      expect(rteTags.slice(rteTags.indexOf('rtept')).every((t) => t === 'rtept')).toBe(true);
      for (const p of elements(childrenOf(rte)).filter((n) => tagOf(n) === 'rtept')) expectSchemaOrder(elements(childrenOf(p)).map(tagOf), WPT_SEQUENCE);
    }
  });

  it('marks a location monument standing on a corner as the LM (Idaho) and side-line centres green (Wyoming)', async () => {
    const idaho = parser.parse(decode(await renderGpx(samplePackageModel({ state: 'ID' }), context))) as { gpx: { wpt: { type: string; sym: string; name: string }[] } };
    const lms = idaho.gpx.wpt.filter((w) => w.type === 'location');
    expect(lms).toHaveLength(4);
    expect(lms.every((w) => w.sym === 'Flag, Red' && w.name.includes('LM'))).toBe(true);
    const wyoming = parser.parse(decode(await renderGpx(samplePackageModel({ state: 'WY' }), context))) as { gpx: { wpt: { type: string; sym: string }[] } };
    expect(wyoming.gpx.wpt.filter((w) => w.type === 'sideline').every((w) => w.sym === 'Flag, Green')).toBe(true);
  });

  it('escapes hostile names so they parse back to the same text, minus characters XML cannot carry', async () => {
    const model = samplePackageModel({ prefix: `Tom & "Jerry's" <Mine>\u0001\u001F]]>`, orderNumber: 'CP-1 & <2>', rows: 1, cols: 2 });
    const text = decode(await renderGpx(model, context));
    // eslint-disable-next-line no-control-regex -- no control character may survive
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const gpx = (parser.parse(text) as { gpx: { metadata: { name: string }; wpt: { cmt: string }[] } }).gpx;
    expect(gpx.metadata.name).toBe('CP-1 & <2> Lucky Strike Project');
    expect(gpx.wpt[0]!.cmt).toContain(`Tom & "Jerry's" <Mine>]]> `);
  });

  it('shortens long waypoint names and says how many markings did not fit', () => {
    const post = { id: 'P123', kind: 'corner' as const, lonLat: [0, 0] as [number, number], utm: [0, 0] as [number, number], markings: [1, 2, 3, 4].map((n) => ({ claim: `GOLDEN EAGLE EXTENSION ${n}`, designation: `Corner ${n}` })) };
    const name = waypointName(post, new Map());
    expect(name.length).toBeLessThanOrEqual(WAYPOINT_NAME_MAX);
    expect(name).toMatch(/^P123 .*\+\d$/);
    expect(formatCoordinate(180, 'lon')).toBe('-180.0000000');
    expect(formatCoordinate(-117.05, 'lon')).toBe('-117.0500000');
  });

  it('leaves out a claim with broken coordinates, reports it and still writes the rest', async () => {
    const model = structuredClone(samplePackageModel({ rows: 2, cols: 2 })) as PackageModel;
    const broken = model.claims[1]!;
    const corner = broken.corners[2]!;
    corner.lonLat = [Number.NaN, Number.NaN];
    model.posts.find((p) => p.id === corner.postId)!.lonLat = [Number.NaN, Number.NaN];
    model.claims[2]!.corners = [];
    for (const render of [renderGpx, renderKml, renderCsv]) {
      const result = await render(model, context);
      const text = decode(result);
      expect(text).not.toContain('NaN');
      expect(result.problems.map((p) => p.claim)).toEqual(expect.arrayContaining([broken.name, model.claims[2]!.name]));
      expect(result.problems.every((p) => p.document === result.document.kind && p.message !== '')).toBe(true);
      expect(text).toContain(model.claims[0]!.name);
    }
    const gpx = (parser.parse(decode(await renderGpx(model, context))) as { gpx: { wpt: unknown[] } }).gpx;
    expect(gpx.wpt.length).toBeGreaterThan(0);
    expect(gpx.wpt.length).toBeLessThan(model.posts.length);
  });
});

describe('KML', () => {
  it('has one closed, counter-clockwise polygon per claim and a placemark per post', async () => {
    const model = samplePackageModel({ state: 'AZ', rows: 2, cols: 3, prefix: 'A & <B>' });
    const result = await renderKml(model, context);
    expect(result.document).toMatchObject({ kind: 'kml', pages: null });
    const text = decode(result);
    expect(XMLValidator.validate(text)).toBe(true);
    const kml = (parser.parse(text) as { kml: { '@_xmlns': string; Document: { Folder: { name: string; Placemark: Record<string, unknown>[] }[] } } }).kml;
    expect(kml['@_xmlns']).toBe('http://www.opengis.net/kml/2.2');
    const [claims, posts] = kml.Document.Folder;
    expect(claims!.Placemark).toHaveLength(model.claims.length);
    expect(claims!.Placemark.map((p) => p.name)).toEqual(model.claims.map((c) => c.name));
    for (const placemark of claims!.Placemark) {
      const ring = (placemark as { Polygon: { outerBoundaryIs: { LinearRing: { coordinates: string } } } }).Polygon.outerBoundaryIs.LinearRing.coordinates
        .trim()
        .split(/\s+/)
        .map((t) => t.split(',').map(Number));
      expect(ring).toHaveLength(5);
      expect(ring[0]).toEqual(ring.at(-1));
      expect(ring.every((c) => c.length === 3 && c[2] === 0 && c.every(Number.isFinite))).toBe(true);
      let twiceArea = 0;
      for (let k = 0; k + 1 < ring.length; k += 1) twiceArea += ring[k]![0]! * ring[k + 1]![1]! - ring[k + 1]![0]! * ring[k]![1]!;
      expect(twiceArea).toBeGreaterThan(0);
      expect(String(placemark.description)).toMatch(/Lode claim, 20\.\d{3} acres, Yavapai County, Arizona/);
    }
    expect(posts!.Placemark).toHaveLength(model.posts.length);
  });
});

/** A strict RFC 4180 reader, so the test does not trust the writer's own idea of quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  expect(field).toBe('');
  return rows;
}

describe('CSV', () => {
  it('has a BOM, a header, CRLF lines and one row per claim corner and monument', async () => {
    const model = samplePackageModel({ state: 'WY', rows: 2, cols: 2 });
    const result = await renderCsv(model, context);
    expect(result.document).toMatchObject({ kind: 'csv', pages: null });
    expect([...result.document.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(result);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    const expected = model.claims.reduce((n, c) => n + c.corners.length + c.monuments.length, 0);
    expect(rows).toHaveLength(expected + 1);
    // The grid's centre post marks all four claims: four rows, one post id.
    const centre = model.posts.find((p) => p.markings.length === 4)!;
    const centreRows = rows.filter((r) => r[3] === centre.id);
    expect(new Set(centreRows.map((r) => r[0]))).toEqual(new Set(model.claims.map((c) => c.name)));
    const first = rows[1]!;
    expect(first.slice(0, 3)).toEqual([model.claims[0]!.name, 'Corner 1', 'corner']);
    expect(first[5]).toMatch(/^-107\.\d{7}$/);
    expect(Number(first[6])).toBeCloseTo(model.claims[0]!.corners[0]!.utm[0], 2);
    expect(first[8]).toBe(String(model.epsg));
  });

  it('quotes commas, quotes and line breaks, neutralises formulas and leaves negative numbers alone', async () => {
    for (const [prefix, cell] of [
      ['Smith, "Big" Jim\nNorth', 'Smith, "Big" Jim\nNorth 1'],
      ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x") 1`],
      ['+1', "'+1 1"],
      ['-2', "'-2 1"],
      ['@SUM(A1)', "'@SUM(A1) 1"],
      ['Łukasz Peña', 'Łukasz Peña 1'],
    ] as const) {
      const text = decode(await renderCsv(samplePackageModel({ prefix, rows: 1, cols: 1 }), context));
      const rows = parseCsv(text.slice(1));
      expect(rows[1]![0]).toBe(cell);
      expect(rows.slice(1).every((r) => r.length === CSV_HEADER.length)).toBe(true);
      expect(rows.slice(1).every((r) => /^-117\.\d{7}$/.test(r[5]!) && !r[5]!.startsWith("'"))).toBe(true);
    }
    expect(neutraliseFormula('\tcmd')).toBe("'\tcmd");
    expect(quoteCsvField('a\rb')).toBe('"a\rb"');
  });
});
