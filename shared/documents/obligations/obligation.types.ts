/**
 * The shape of the obligations table (obligation-table.ts): every filing, payment and field deadline a staking
 * package creates, as ONE cited table: who it is owed to, when it falls due (counted from the date of location or of discovery, or a fixed day of the year), what it costs,
 * the statute, and the dates the entry is in force. The fees-and-deadlines sheet reads it through
 * obligations.ts; per-claim deadline tracking, calendar files and BLM filing sheets are to read the same table
 * through the same function, so they can never disagree with the sheet.
 *
 * BLM amounts are not repeated here: a fee names its item in the dated BLM schedules (fees/fee-schedules.json),
 * picked by the date of location. Where a state's rule is not settled in the copy on file, the entry says [VERIFY] and
 * cites what is known rather than inventing a section or an amount (amount null = "not on file").
 */
import type { ClaimKind } from '../../layout/layout.types';
import type { LandStatus } from '../../claims/state-land';

export type DueRule =
  /** Within `days` calendar days of the date of location or of discovery. */
  | { kind: 'within-days'; from: 'location' | 'discovery'; days: number }
  /** Within `months` calendar months of the date. */
  | { kind: 'within-months'; from: 'location' | 'discovery'; months: number }
  /** The first 1 September after the date of location (the first annual maintenance fee or waiver). */
  | { kind: 'first-maintenance' }
  /** `days` after the first 1 September above (a county affidavit "within 30 days after the fee is due"). */
  | { kind: 'after-first-maintenance'; days: number }
  /** The first month/day on or after the first 1 September above (NV 1 November, the 30 December filings). */
  | { kind: 'annual-after-first-maintenance'; month: number; day: number };

export type FeeRule =
  /** An item of the BLM schedule in effect on the date of location, per claim / maintenance unit. */
  | { kind: 'blm'; item: 'location' | 'initialMaintenance' | 'processing' | 'annualMaintenance' | 'annualFiling'; label: string }
  /** A fixed amount per claim, in dollars; null: the statute sets a fee whose amount is not on file. */
  | { kind: 'per-claim'; dollars: number | null; label: string; citation: string }
  /** Dollars per acre (or part of an acre) of each claim. */
  | { kind: 'per-acre'; dollars: number; label: string; citation: string }
  /** Alaska state-land rental: by the location's size (DNR). */
  | { kind: 'alaska-rental'; label: string; citation: string };

export interface Obligation {
  id: string;
  /** 'federal', or the two-letter state whose law sets it. */
  jurisdiction: 'federal' | string;
  land: LandStatus;
  kinds: readonly ClaimKind[];
  category: 'recording' | 'monumenting' | 'blm-filing' | 'annual';
  label: string;
  /** Who receives it: "BLM", or 'recording-office' for the state's county recorder / district recorder. */
  office: string;
  due: DueRule;
  fees: readonly FeeRule[];
  citation: string;
  /** Only owed with a small-miner waiver (Form 3830-2) instead of the annual fee. */
  onlyWithWaiver?: boolean;
  /** Recommended rather than required ("may record", A.R.S. 27-208). */
  optional?: boolean;
  /**
   * Owed again every year after the first due date, on the same day (the assessment year runs 1 September to
   * 1 September, PL 110-161). `laterLabel`: what is filed in later years when it differs from the first (with a
   * waiver, the first year's notice of intent to hold becomes the affidavit of assessment work, 43 CFR part 3835).
   */
  repeats?: { laterLabel?: string };
  notes: readonly string[];
  sources: readonly string[];
  /** In force from / until (ISO dates, inclusive); null: no bound known for any date ClaimDesk handles. */
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

