/**
 * Whether a job's local work conflicts with what the server now says about its order: cancelled, rejected or
 * completed elsewhere (or no longer listed) while nothing from this job was delivered. Pure, so the job view,
 * the jobs list and the tests agree.
 */
import { z } from 'zod';
import { isClosedOrderStatus } from '../domain/order-status';

export const jobConflictSchema = z.object({
  /** The server status the flag is about ("gone" when the order left the pending list without one we know). */
  orderStatus: z.string(),
  message: z.string(),
});
export type JobConflict = z.infer<typeof jobConflictSchema>;

export const CONFLICT_CHOICES = ['upload', 'keep', 'discard'] as const;
export const conflictChoiceSchema = z.enum(CONFLICT_CHOICES);
export type ConflictChoice = z.infer<typeof conflictChoiceSchema>;

export interface ConflictInputs {
  orderStatus: string;
  orderGone: boolean;
  /** An upload from this job reached the server: the order being completed is then our own doing. */
  delivered: boolean;
  /** The status a person already decided about ("keep locally"). */
  acknowledged: string | null;
}

export function jobConflict(input: ConflictInputs): JobConflict | null {
  if (input.delivered) return null;
  const closed = isClosedOrderStatus(input.orderStatus);
  if (!closed && !input.orderGone) return null;
  const orderStatus = closed ? input.orderStatus : 'gone';
  if (input.acknowledged === orderStatus) return null;
  const what = closed ? `was ${input.orderStatus.replace('_', ' ')} on the server` : 'is no longer listed as pending on the server';
  return {
    orderStatus,
    message: `This order ${what} while this job was being worked on. Your layout and documents are kept: upload anyway (if the server still accepts it), keep the work locally, or discard what is waiting to be sent.`,
  };
}
