/**
 * A point as staff paste it from a GPS, a survey sheet or another GIS: UTM easting/northing with its zone
 * ("11N 456789.1 4234567.8", "Zone 11 E 456789 N 4234567", "456789mE 4234567mN 11T") or latitude/longitude in
 * decimal degrees ("40.1234, -117.5678", "40.1234 N 117.5678 W"). Read into the job's own UTM zone through proj4
 * (utmConverter), so a point given in the neighbouring zone lands where it is on the ground. Northern hemisphere
 * only, as every US claim is; NAD83 and WGS84 are treated alike (they differ by about a metre here).
 */
import { nad83UtmEpsg, utmConverter, type Utm } from './utm';

export type ParsedPoint = { anchor: Utm; read: string } | { error: string };

/** UTM latitude bands C–X (no I, O); N and S are also bands, so "11N" and "11S" both read as zone 11 north. */
const ZONE_WITH_BAND = /^(\d{1,2})([C-HJ-NP-X])$/i;

interface Tokens {
  numbers: number[];
  zone: number | null;
  west: boolean;
  south: boolean;
}

function tokens(text: string): Tokens {
  const out: Tokens = { numbers: [], zone: null, west: false, south: false };
  // "zone 11" or "zone: 11N" first, so its digits are not read as a coordinate.
  const named = /\bzone\s*:?\s*(\d{1,2})\s*([C-HJ-NP-X])?\b/i.exec(text);
  let rest = text;
  if (named) {
    out.zone = Number(named[1]);
    rest = text.replace(named[0], ' ');
  }
  for (const raw of rest.split(/[\s,;/()]+/).filter(Boolean)) {
    const band = ZONE_WITH_BAND.exec(raw);
    if (band && out.zone === null) {
      out.zone = Number(band[1]);
      continue;
    }
    if (/^[WE]$/i.test(raw)) {
      if (/^W$/i.test(raw)) out.west = true;
      continue;
    }
    if (/^[NS]$/i.test(raw)) {
      if (/^S$/i.test(raw)) out.south = true;
      continue;
    }
    // A number, with an optional unit or axis letter glued to it: "456789mE", "4234567N", "117.5W", "40.1°".
    const number = /^([-+]?\d+(?:\.\d+)?)(?:°|m|ft)?([NEWS])?$/i.exec(raw.replace(/^[EN]:?(?=\d)/i, ''));
    if (number) {
      out.numbers.push(Number(number[1]));
      if (number[2]?.toUpperCase() === 'W') out.west = true;
      if (number[2]?.toUpperCase() === 'S') out.south = true;
    }
  }
  return out;
}

export function parsePastedPoint(text: string, jobEpsg: number): ParsedPoint {
  const t = tokens(text);
  if (t.numbers.length !== 2) return { error: 'Paste two numbers: an easting and northing (with the UTM zone), or a latitude and longitude.' };
  const [a, b] = t.numbers as [number, number];
  const job = utmConverter(jobEpsg);

  const isUtm = Math.abs(a) >= 1000 || Math.abs(b) >= 1000;
  if (!isUtm) {
    // Latitude first, as GPS units and maps print it; a west longitude may come as a positive number with "W".
    const lat = a;
    const lon = t.west && b > 0 ? -b : b;
    if (t.south || lat < 0) return { error: 'That point is south of the equator; claims here are all north of it.' };
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return { error: 'That is not a latitude and longitude in degrees.' };
    return { anchor: job.toUtm([lon, lat]), read: `latitude ${lat.toFixed(6)}, longitude ${lon.toFixed(6)}` };
  }

  // The easting has six digits (166,000–834,000 m in any zone), the northing seven in the US: order does not matter.
  const [easting, northing] = a < b ? [a, b] : [b, a];
  if (easting < 100_000 || easting > 900_000 || northing < 1_000_000 || northing > 9_400_000) {
    return { error: 'Those do not look like a UTM easting (six digits) and northing (seven digits) in metres.' };
  }
  const zone = t.zone ?? job.zone;
  if (zone < 1 || zone > 60) return { error: `There is no UTM zone ${zone}.` };
  const lonLat = utmConverter(nad83UtmEpsg(zone)).toLonLat([easting, northing]);
  const anchor = zone === job.zone ? ([easting, northing] as Utm) : job.toUtm(lonLat);
  const zoneText = t.zone === null ? `zone ${zone} (the job's; none was given)` : `zone ${zone}`;
  return { anchor, read: `UTM ${zoneText} E ${easting.toFixed(1)} N ${northing.toFixed(1)}` };
}
