/** The accepted as-staked record of a job, as the documents service reads it when it makes the package. */
import type { AsStakedInfo } from '../../shared/documents/package-model.types';
import type { Db } from '../db/schema';
import { getFieldWorkRow } from '../repos/field-work.repo';

export async function acceptedAsStaked(db: Db, jobId: number): Promise<AsStakedInfo | null> {
  const row = await getFieldWorkRow(db, jobId);
  if (!row?.accepted_json) return null;
  try {
    return JSON.parse(row.accepted_json) as AsStakedInfo;
  } catch {
    // Written by this module only; a damaged record makes the package as planned rather than fail it.
    return null;
  }
}
