/**
 * The structured content of a location notice: WHAT it says, as a list of blocks, with no idea of fonts or pages.
 * notice-content.ts decides the blocks from the package model and the state's rules (unit-testable without a PDF);
 * the PDF renderer only lays them out. An empty field value means "a blank line to fill in by hand".
 */

export interface NoticeField {
  label: string;
  /** '' prints a blank rule to write on; '\n' separates lines (addresses). */
  value: string;
}

export interface NoticeColumn {
  header: string;
  /** Share of the text width (the renderer scales the shares to fit). */
  width: number;
  align: 'left' | 'right';
}

export interface NoticeSigner {
  /** Caption under the signature rule: "Signature of locator". */
  role: string;
  /** Printed name under the caption ('' = a blank line for the name). */
  name: string;
  /** A company, trust or partnership: "By" and "Its" lines for the person signing for it. */
  organisation?: boolean;
}

export interface NoticeNotary {
  /** "STATE OF MONTANA". */
  venueState: string;
  /** '' = a blank line for the county. */
  venueCounty: string;
  /** The oath the locator swears to, printed above the affiant's signature. */
  oath: string;
  /** Caption under the affiant's signature rule. */
  affiant: string;
  /** "Subscribed and sworn to (or affirmed) before me on ______ by ______." */
  jurat: string;
  /** Lines under the notary's signature: printed name, commission, residence, expiry. */
  /** Caption under the notary's signature rule. */
  officer: string;
  officerLines: string[];
  sealCaption: string;
}

export type NoticeBlock =
  | { kind: 'heading'; text: string }
  /** `row`: short fields side by side as form boxes (label above value), e.g. meridian / township / range. */
  | { kind: 'fields'; fields: NoticeField[]; row?: boolean }
  /** `statement`: a sworn/legal statement (set apart); `note`: small print. */
  | { kind: 'paragraph'; text: string; style: 'body' | 'statement' | 'note' }
  /** Definition list: a bold term then its description, e.g. each corner and its markings. */
  | { kind: 'items'; items: { term: string; text: string }[] }
  | { kind: 'table'; caption: string; columns: NoticeColumn[]; rows: string[][] }
  | { kind: 'signatures'; dateLabel: string; signers: NoticeSigner[] }
  | { kind: 'notary'; notary: NoticeNotary };

export interface NoticeDocument {
  claimName: string;
  /** "Certificate of Location": the state's certificateName (the PDF prints it in capitals). */
  title: string;
  /** "Lode mining claim · LUCKY STRIKE 1". */
  subtitle: string;
  /** "Under NRS 517.050 and the General Mining Law (30 U.S.C. § 22 et seq.)". */
  authority: string;
  /** "When recorded, return to" lines (claimant and mailing address). */
  returnTo: string[];
  blocks: NoticeBlock[];
}

/** A blank to write on inside a sentence (fields use a drawn rule instead). */
export const BLANK = '____________________';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-08-15" → "August 15, 2026" (how recorded documents write dates); '' for null or a malformed date. */
export function longDate(iso: string | null): string {
  const match = iso === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${month} ${Number(match[3])}, ${match[1]}` : '';
}
