/**
 * Text on the map as plain HTML, positioned with map.project().
 *
 * Why not a MapLibre symbol layer: symbol text needs glyphs, and glyphs come from a `glyphs` URL (a font server).
 * ClaimDesk must draw its map with no network, and shipping PBF font ranges for three kinds of short label is more
 * weight than the problem needs. Jobs hold a handful to a few hundred claims, so a pooled set of absolutely
 * positioned spans is cheap: at most MAX_ELEMENTS exist, only what is on screen is placed, labels that would
 * overlap are dropped (label-collision.ts), and names are hidden when claims are too small on screen to read
 * (or there are more than MAX_CLAIM_LABELS of them).
 * The spans use the app's own system font, so labels look like the rest of the UI, and tests can read them.
 *
 * A claim's name runs along the claim and grows with the zoom (a share of the claim's width on screen, within
 * readable bounds); a name that would not fit inside its claim is hidden, never drawn across the neighbours. A
 * corner post shared by several claims gets one label with each claim's number for it ("2/1"), not a pile; with a
 * selection, the selected claims' own numbers are drawn inside each of them instead.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Position } from '../../../../shared/geometry/geojson.types';
import { CollisionGrid, labelBox, rotatedBox } from './label-collision';
import type { ClaimLabel, CornerPoint, MapMarker, Monument, SectionLabel } from './map-data';

export const MAX_CLAIM_LABELS = 500;
const MAX_ELEMENTS = 2000;
/** On-screen claim diagonal (px) from which names, and then corner numbers / monument labels, fit. */
const MIN_PX_NAMES = 45;
const MIN_PX_DETAIL = 120;
/** Monument text sits beside its symbol, where corner numbers also are: only once there is room for both. */
const MIN_PX_MONUMENT_TEXT = 200;
/** Corner numbers sit this far (px) from the corner towards their own claim: adjacent claims share corners. */
const CORNER_INSET_PX = 13;
const EARTH_CIRCUMFERENCE_M = 40075016.686;
/** Claim name sizes (px): never smaller than is readable, never shouting; and average glyph width per px of size. */
const NAME_MIN_PX = 9;
const NAME_MAX_PX = 18;
const GLYPH_EM = 0.64;

/** Screen angle (CSS degrees, clockwise from the x axis) for text along `axisDeg`, kept upright. */
function uprightAngle(axisDeg: number): number {
  let a = (((axisDeg - 90) % 180) + 180) % 180; // [0, 180)
  if (a > 90) a -= 180; // (-90, 90]
  return a;
}

/** Rounded lon/lat, as a key for corners of different claims that are one post on the ground (within ~1 cm). */
const postKey = (lonLat: Position): string => `${lonLat[0].toFixed(7)},${lonLat[1].toFixed(7)}`;

export type OverlayData = {
  claims: ClaimLabel[];
  /** PLSS section numbers (optional: dropped where claim labels need the room). */
  sections?: SectionLabel[];
  corners: CornerPoint[];
  monuments: Monument[];
  markers: MapMarker[];
  claimSizeM: number;
};

type Kind = 'claim' | 'corner' | 'monument' | 'marker' | 'section';

/** Per kind: approximate px per character and padding (see map.css), and whether it may be dropped to de-clutter. */
const METRICS: Record<Kind, { charPx: number; padPx: number; optional: boolean }> = {
  marker: { charPx: 7, padPx: 12, optional: false },
  claim: { charPx: 7.2, padPx: 6, optional: true },
  // Never dropped: every claim's own corner numbers matter, and at a shared corner they sit close by design.
  corner: { charPx: 6, padPx: 8, optional: false },
  monument: { charPx: 6.5, padPx: 4, optional: true },
  section: { charPx: 8, padPx: 10, optional: true },
};

export class LabelOverlay {
  private readonly root: HTMLDivElement;
  private readonly pool: HTMLSpanElement[] = [];
  private data: OverlayData = { claims: [], corners: [], monuments: [], markers: [], claimSizeM: 0 };
  private centroids = new Map<string, Position>();
  private selection = new Set<string>();
  private frame = 0;

  constructor(
    private readonly map: MapLibreMap,
    container: HTMLElement,
  ) {
    this.root = document.createElement('div');
    this.root.className = 'map-labels';
    this.root.setAttribute('aria-hidden', 'true');
    container.appendChild(this.root);
    map.on('move', this.schedule);
    map.on('resize', this.schedule);
  }

  setData(data: OverlayData): void {
    this.data = data;
    this.centroids = new Map(data.claims.map((c) => [c.id, c.lonLat]));
    this.schedule();
  }

  setSelection(ids: string[]): void {
    this.selection = new Set(ids);
    this.schedule();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.map.off('move', this.schedule);
    this.map.off('resize', this.schedule);
    this.root.remove();
  }

  private readonly schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  };

  /** Pixels per metre at the map centre (Web Mercator, 512 px tiles). */
  private pxPerMetre(): number {
    const lat = (this.map.getCenter().lat * Math.PI) / 180;
    return (512 * 2 ** this.map.getZoom()) / (EARTH_CIRCUMFERENCE_M * Math.cos(lat));
  }

  private render(): void {
    const { claims, corners, monuments, markers, claimSizeM } = this.data;
    const claimPx = claimSizeM * this.pxPerMetre();
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    let used = 0;
    const taken = new CollisionGrid();
    const place = (kind: Kind, text: string, x: number, y: number, selected: boolean, key: string, along?: { fontPx: number; angleDeg: number }): boolean => {
      if (x < -40 || y < -20 || x > width + 40 || y > height + 20) return true;
      if (used >= MAX_ELEMENTS) return false;
      const m = METRICS[kind];
      // A name sized to fit inside its own claim cannot run into another claim's name: only its middle is kept clear
      // (the upright box of a turned label would swallow its neighbours' along a diagonal row of claims).
      const box = along ? rotatedBox(x, y, Math.min(text.length * along.fontPx * GLYPH_EM, along.fontPx * 2), along.fontPx * 1.25, along.angleDeg) : labelBox(x, y, text, m.charPx, m.padPx, 14);
      if (!taken.insert(box, !m.optional)) return true;
      const el = this.element(used);
      used += 1;
      const className = `map-label map-label--${kind}${selected ? ' map-label--selected' : ''}`;
      if (el.className !== className) el.className = className;
      if (el.textContent !== text) el.textContent = text;
      if (el.dataset.key !== key) el.dataset.key = key;
      const turn = along && along.angleDeg !== 0 ? ` rotate(${along.angleDeg.toFixed(1)}deg)` : '';
      el.style.transform = `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px) translate(-50%, -50%)${turn}`;
      el.style.fontSize = along ? `${along.fontPx.toFixed(1)}px` : '';
      el.hidden = false;
      return true;
    };

    // The caller's markers first: few, and always wanted (e.g. where the grid anchor is).
    for (const m of markers) {
      const p = this.map.project(m.lonLat);
      place('marker', m.label, p.x, p.y - 16, false, m.id);
    }
    if (claims.length <= MAX_CLAIM_LABELS && claimPx >= MIN_PX_NAMES) {
      // Selected claims first, so their names win where labels would collide.
      const ordered = this.selection.size > 0 ? [...claims].sort((a, b) => Number(this.selection.has(b.id)) - Number(this.selection.has(a.id))) : claims;
      const ppm = this.pxPerMetre();
      for (const c of ordered) {
        const lengthPx = c.lengthM * ppm;
        const widthPx = c.widthM * ppm;
        // A third of the claim's width, shrunk to fit its length; hidden below the readable size.
        const fontPx = Math.min(NAME_MAX_PX, widthPx * 0.33, (lengthPx * 0.85) / Math.max(1, c.name.length * GLYPH_EM));
        if (fontPx < NAME_MIN_PX) continue;
        const p = this.map.project(c.lonLat);
        if (!place('claim', c.name, p.x, p.y, this.selection.has(c.id), c.id, { fontPx, angleDeg: uprightAngle(c.axisDeg) })) break;
      }
    }
    if (claimPx >= MIN_PX_DETAIL) {
      if (this.selection.size > 0) {
        // The selected claims' own numbers, each inset towards its claim (what staff are working on).
        for (const corner of corners) {
          if (!this.selection.has(corner.claimId)) continue;
          const p = this.map.project(corner.lonLat);
          const centre = this.centroids.get(corner.claimId);
          let { x, y } = p;
          if (centre) {
            const q = this.map.project(centre);
            const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
            x += ((q.x - p.x) / len) * CORNER_INSET_PX;
            y += ((q.y - p.y) / len) * CORNER_INSET_PX;
          }
          if (!place('corner', String(corner.number), x, y, true, `${corner.claimId}:${corner.number}`)) break;
        }
      } else {
        // One label per post: the numbers every claim gives it, in the order the claims were drawn.
        const posts = new Map<string, { lonLat: Position; numbers: number[]; key: string }>();
        for (const corner of corners) {
          const key = postKey(corner.lonLat);
          const post = posts.get(key);
          if (post) post.numbers.push(corner.number);
          else posts.set(key, { lonLat: corner.lonLat, numbers: [corner.number], key: `${corner.claimId}:${corner.number}` });
        }
        for (const post of posts.values()) {
          const p = this.map.project(post.lonLat);
          if (!place('corner', post.numbers.join('/'), p.x, p.y, false, post.key)) break;
        }
      }
      for (const m of claimPx >= MIN_PX_MONUMENT_TEXT ? monuments : []) {
        const p = this.map.project(m.lonLat);
        // Beside the symbol, not on it: the circle stays visible.
        if (!place('monument', m.label, p.x + 10, p.y - 10, false, `${m.claimId}:${m.kind}`)) break;
      }
    }
    // A section is a mile across: its number goes in the middle of the part of it on screen, not off-screen.
    for (const s of this.data.sections ?? []) {
      const px = s.ring.map((q) => this.map.project(q));
      const x0 = Math.max(0, Math.min(...px.map((p) => p.x)));
      const x1 = Math.min(width, Math.max(...px.map((p) => p.x)));
      const y0 = Math.max(0, Math.min(...px.map((p) => p.y)));
      const y1 = Math.min(height, Math.max(...px.map((p) => p.y)));
      if (x1 - x0 < 30 || y1 - y0 < 20) continue;
      if (!place('section', s.name, (x0 + x1) / 2, (y0 + y1) / 2, false, s.id)) break;
    }
    for (let i = used; i < this.pool.length; i += 1) this.pool[i]!.hidden = true;
    this.root.dataset.labelCount = String(used);
  }

  private element(index: number): HTMLSpanElement {
    let el = this.pool[index];
    if (!el) {
      el = document.createElement('span');
      this.root.appendChild(el);
      this.pool.push(el);
    }
    return el;
  }
}
