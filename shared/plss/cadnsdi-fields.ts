/**
 * Reads one CadNSDI feature's attributes into what ClaimDesk stores. Field names are BLM's CadNSDI (the FGDC
 * Cadastral NSDI data standard, version 2) as published per state in the PLSSTownship, PLSSFirstDivision,
 * PLSSSecondDivision and PLSSIntersected layers; matched case-insensitively, because a GeoPackage made by GDAL may
 * lower-case them. A shapefile's DBF caps names at 10 characters: all the identity fields fit, REVISEDDATE arrives
 * as REVISEDDAT.
 *
 * Accepted:
 *  - township identity: PLSSID ("NV210390N0550E0": state, PRINMERCD, TWNSHPNO, TWNSHPFRAC, TWNSHPDIR, RANGENO,
 *    RANGEFRAC, RANGEDIR, TWNSHPDPCD), or, where a file lacks it, the parts STATEABBR, PRINMERCD, TWNSHPNO,
 *    TWNSHPDIR, RANGENO, RANGEDIR (TWNSHPFRAC, RANGEFRAC, TWNSHPDPCD default to 0); PRINMER is read for meridians
 *    missing from the code table;
 *  - sections: FRSTDIVID (PLSSID + FRSTDIVTYP + number + duplicate digit), FRSTDIVNO, FRSTDIVTYP ("SN" is a
 *    section; any other type, e.g. a protraction block, is kept for drawing only), FRSTDIVLAB;
 *  - second divisions: SECDIVID, SECDIVNO, SECDIVTYP ("A" aliquot part, "L" government lot; other types kept for
 *    drawing), SECDIVLAB ("NENE", "N2NE", "L 3"), SECDIVTXT; and PLSSIntersected's QQSEC and GOVLOT;
 *  - dates: REVISEDDATE (REVISEDDAT in a shapefile), SOURCEDATE; the newest becomes the layer's data date.
 * Everything else (GISACRE, STEWARD, SURVTYP…) is ignored.
 */
import type { PlssKind, PlssLayer } from './plss.types';

export interface CadnsdiRecord {
  layer: PlssLayer;
  kind: PlssKind;
  state: string;
  meridianCode: string;
  meridianText: string | null;
  plssId: string;
  township: string;
  range: string;
  section: number | null;
  frstDivId: string | null;
  label: string | null;
  /** ISO date or null. */
  date: string | null;
}

export type CadnsdiRead = { ok: true; record: CadnsdiRecord } | { ok: false; reason: string };

const PLSSID = /^([A-Z]{2})(\d{2})(\d{3})([0-3])([NS])(\d{3})([0-3])([EW])(\d)$/;
const FRACTIONS = ['', '¼', '½', '¾'] as const;
/** An aliquot label: quarters (NE…) and halves (N2…), smallest first, as CadNSDI writes them ("SWNE", "N2SW"). */
export const ALIQUOT_LABEL = /^(?:NE|NW|SE|SW|N2|S2|E2|W2)+$/;

type Props = Map<string, unknown>;

function upperKeys(properties: Record<string, unknown>): Props {
  const map: Props = new Map();
  for (const [key, value] of Object.entries(properties)) map.set(key.toUpperCase(), value);
  return map;
}

function text(props: Props, key: string): string | null {
  const value = props.get(key);
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const s = String(value).trim();
  return s === '' ? null : s;
}

function digits(value: string | null, width: number): string | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  return value.padStart(width, '0').slice(-width);
}

/** Builds a PLSSID from its parts where a file carries the parts only. */
function plssIdFromParts(props: Props): string | null {
  const state = text(props, 'STATEABBR')?.toUpperCase() ?? null;
  const meridian = digits(text(props, 'PRINMERCD'), 2);
  const twp = digits(text(props, 'TWNSHPNO'), 3);
  const twpDir = text(props, 'TWNSHPDIR')?.toUpperCase() ?? null;
  const rng = digits(text(props, 'RANGENO'), 3);
  const rngDir = text(props, 'RANGEDIR')?.toUpperCase() ?? null;
  if (!state || !meridian || !twp || !twpDir || !rng || !rngDir) return null;
  const frac = (key: string): string => digits(text(props, key), 1) ?? '0';
  return `${state}${meridian}${twp}${frac('TWNSHPFRAC')}${twpDir}${rng}${frac('RANGEFRAC')}${rngDir}${frac('TWNSHPDPCD')}`;
}

function newestDate(props: Props): string | null {
  const dates = ['REVISEDDATE', 'REVISEDDAT', 'SOURCEDATE']
    .map((key) => text(props, key))
    .filter((d): d is string => d !== null)
    .map((d) => {
      const iso = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(d);
      return iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
    })
    .filter((d): d is string => d !== null)
    .sort();
  return dates.at(-1) ?? null;
}

/** "L 3", "L3", "LOT 3", "Lot 03" → "L3". */
function lotLabel(value: string | null): string | null {
  const match = value ? /^L(?:OT)?\s*0*(\d+)$/i.exec(value.trim()) : null;
  return match ? `L${match[1]}` : null;
}

function secondDivision(props: Props): { kind: PlssKind; label: string | null } | null {
  const type = text(props, 'SECDIVTYP')?.toUpperCase() ?? null;
  const label = text(props, 'SECDIVLAB')?.toUpperCase().replace(/\s+/g, '') ?? null;
  const qq = text(props, 'QQSEC')?.toUpperCase() ?? null;
  const govLot = text(props, 'GOVLOT');
  const number = text(props, 'SECDIVNO');
  const hasAny = type !== null || label !== null || qq !== null || govLot !== null || text(props, 'SECDIVID') !== null;
  if (!hasAny) return null;
  if (type === 'L' || (type === null && govLot !== null)) {
    const lot = lotLabel(text(props, 'SECDIVLAB')) ?? (number && /^\d+$/.test(number) ? `L${Number(number)}` : null) ?? (govLot && /^\d+$/.test(govLot) ? `L${Number(govLot)}` : null);
    return lot ? { kind: 'lot', label: lot } : { kind: 'other', label };
  }
  const aliquot = [label, qq].find((l) => l !== null && ALIQUOT_LABEL.test(l)) ?? null;
  if ((type === 'A' || type === null) && aliquot) return { kind: 'aliquot', label: aliquot };
  return { kind: 'other', label: label ?? text(props, 'SECDIVTXT') };
}

/** Section number from FRSTDIVID: PLSSID (15) + type (2) + number + duplicate digit, e.g. "…E0SN120" → 12. */
function sectionFromId(id: string): { type: string; number: number } | null {
  const match = /^.{15}([A-Z]{2})(\d+)(\d)$/.exec(id);
  return match ? { type: match[1]!, number: Number(match[2]) } : null;
}

export function readCadnsdiProperties(properties: Record<string, unknown> | null | undefined): CadnsdiRead {
  const props = upperKeys(properties ?? {});
  const plssId = (text(props, 'PLSSID')?.toUpperCase() ?? null) ?? plssIdFromParts(props);
  if (!plssId) {
    return { ok: false, reason: 'it has no PLSSID and no township fields (STATEABBR, PRINMERCD, TWNSHPNO, TWNSHPDIR, RANGENO, RANGEDIR)' };
  }
  const id = PLSSID.exec(plssId);
  if (!id) return { ok: false, reason: `its PLSSID "${plssId}" is not a CadNSDI township id (like NV210390N0550E0)` };
  const [, state, meridianCode, twpNo, twpFrac, twpDir, rngNo, rngFrac, rngDir] = id;
  const base = {
    state: state!,
    meridianCode: meridianCode!,
    meridianText: text(props, 'PRINMER'),
    plssId,
    township: `${Number(twpNo)}${FRACTIONS[Number(twpFrac)]}${twpDir}`,
    range: `${Number(rngNo)}${FRACTIONS[Number(rngFrac)]}${rngDir}`,
    date: newestDate(props),
  };

  const frstDivId = text(props, 'FRSTDIVID')?.toUpperCase() ?? null;
  const fromId = frstDivId ? sectionFromId(frstDivId) : null;
  const second = secondDivision(props);
  if (second) {
    const section = Number(text(props, 'FRSTDIVNO') ?? NaN);
    const number = Number.isInteger(section) && section > 0 ? section : fromId?.type === 'SN' ? fromId.number : null;
    if (number === null && second.kind !== 'other') return { ok: false, reason: 'it is an aliquot part or lot without a section (no FRSTDIVID or FRSTDIVNO)' };
    return { ok: true, record: { ...base, layer: 'second', kind: second.kind, section: number, frstDivId, label: second.label } };
  }
  const frstNo = text(props, 'FRSTDIVNO');
  if (frstDivId !== null || frstNo !== null) {
    const type = text(props, 'FRSTDIVTYP')?.toUpperCase() ?? fromId?.type ?? 'SN';
    const number = frstNo !== null && /^\d+$/.test(frstNo) ? Number(frstNo) : fromId?.number ?? null;
    const isSection = type === 'SN' && number !== null && number > 0;
    return {
      ok: true,
      record: {
        ...base,
        layer: 'section',
        kind: isSection ? 'section' : 'other',
        section: isSection ? number : null,
        frstDivId,
        label: text(props, 'FRSTDIVLAB') ?? (number !== null ? String(number) : null),
      },
    };
  }
  return { ok: true, record: { ...base, layer: 'township', kind: 'township', section: null, frstDivId: null, label: text(props, 'TWNSHPLAB') } };
}
