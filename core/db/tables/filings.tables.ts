/**
 * After delivery: the county recording and the BLM filing with its serial numbers.
 * Kysely row types: keep them in step with the SQL in migrations/.
 */

/** 0012: the county recording of a delivered package, as the recorder answered it (one per job; a correction replaces it). */
export interface CountyRecordingsTable {
  job_id: number;
  recorded_on: string;
  /** The county recorder, or in Alaska the recording district. */
  office: string;
  instrument_number: string | null;
  book: string | null;
  page: string | null;
  fee_paid_cents: number;
  entered_by: string;
  entered_at: string;
}

/** 0012: the BLM filing of a delivered package (one per job); its serial numbers are in blm_serials. */
export interface BlmFilingsTable {
  job_id: number;
  filed_on: string;
  fees_paid_cents: number;
  entered_by: string;
  entered_at: string;
}

/** 0012: one MLRS serial number per claim; serial_key (normalised) is unique across every job. */
export interface BlmSerialsTable {
  serial_key: string;
  serial: string;
  job_id: number;
  claim_name: string;
}
