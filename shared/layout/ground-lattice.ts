/**
 * Places points given as GROUND offsets (metres along / across an azimuth) into the UTM grid so that distances
 * between them measure right on the ground.
 *
 * Grid distance = ground distance × k, and the point scale factor k changes across a zone (0.9996 on the
 * central meridian, ~1.0004 at the edge). Scaling by one k is exact only near that point: 5 km east of it, near
 * a zone edge, a 1,500 ft side comes out ~0.05 ft long. A straight, evenly spaced lattice cannot follow k, but
 * the UTM projection is conformal, so we use the conformal map whose scale follows k to first order:
 * with complex z = E + iN and ln k(z) ≈ ln k0 + Re(ḡ·z) (ḡ = ∂lnk/∂E − i ∂lnk/∂N), the map z = f(w) with
 * f′(w) = k0·e^{ḡ f} is f(w) = −ln(1 − ḡ k0 w)/ḡ. Its residual is second order (≈ d²/2R², under 1e-6 within
 * 10 km of the expansion point), and it keeps right angles. Lines of the lattice bend by microradians, as the
 * images of ground-straight lines do in UTM.
 */
import { utmScaleFactor, type Utm } from '../geo/utm';
import { axesFor } from './layout-util';

export interface GroundFrame {
  /** Maps a ground offset (metres along the azimuth, metres to its right) from the origin to grid metres. */
  place(alongM: number, rightM: number): Utm;
  /** Point scale factor at the origin. */
  k: number;
}

/** Central difference step for the gradient of ln k: long enough for 1e-16 noise to vanish, short against R. */
const GRADIENT_STEP_M = 500;

export function groundFrame(epsg: number, origin: Utm, azimuthDeg: number): GroundFrame {
  const [e0, n0] = origin;
  const k = utmScaleFactor(epsg, origin);
  const lnk = (e: number, n: number): number => Math.log(utmScaleFactor(epsg, [e, n]));
  const h = GRADIENT_STEP_M;
  const gE = (lnk(e0 + h, n0) - lnk(e0 - h, n0)) / (2 * h);
  const gN = (lnk(e0, n0 + h) - lnk(e0, n0 - h)) / (2 * h);
  const { along, right } = axesFor(azimuthDeg);
  return {
    k,
    place(alongM, rightM) {
      // w = k·(ground offset) as a complex number (E + iN): the first-order (single-k) placement.
      const wr = k * (alongM * along[0] + rightM * right[0]);
      const wi = k * (alongM * along[1] + rightM * right[1]);
      // u = ḡ·w with ḡ = gE − i·gN; |u| < 1e-3 in a zone, so −ln(1−u)/u = 1 + u/2 + u²/3 to 1e-10.
      const ur = gE * wr + gN * wi;
      const ui = gE * wi - gN * wr;
      const sr = 1 + ur / 2 + (ur * ur - ui * ui) / 3;
      const si = ui / 2 + (2 * ur * ui) / 3;
      return [e0 + wr * sr - wi * si, n0 + wr * si + wi * sr];
    },
  };
}
