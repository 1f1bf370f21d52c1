/** The claimant form's pre-filling from the order (the rules it must meet are shared/claims/claimant-check.ts). */
import type { ClaimantInfo } from '../../../shared/api/geodb.schemas';
import type { ClaimantForm } from '../../../shared/jobs/job.types';

export function orderHasClaimant(info: ClaimantInfo | null): boolean {
  if (!info) return false;
  return Boolean(info.claimant_name?.trim() || info.address_1?.trim());
}

/** Fields still empty on the job are filled from what the customer gave with the order; typed values win. */
export function prefillClaimant(form: ClaimantForm, info: ClaimantInfo | null): ClaimantForm {
  if (!info) return form;
  const pick = (current: string, fromOrder: string | null | undefined) => (current.trim() ? current : (fromOrder ?? '').trim());
  return {
    ...form,
    claimantName: pick(form.claimantName, info.claimant_name),
    address1: pick(form.address1, info.address_1),
    address2: pick(form.address2, info.address_2),
    address3: pick(form.address3, info.address_3),
    district: pick(form.district, info.district),
    monumentType: pick(form.monumentType, info.monument_type),
  };
}
