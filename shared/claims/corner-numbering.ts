/**
 * Corner numbers. BLM's Mineral Survey Procedures Guide asks only that they be consecutive (research section
 * 4); the peer numbers clockwise from a selectable Corner 1; Alaska state land fixes 1 = NE, 2 = SE, 3 = SW,
 * 4 = NW (research 2.1). Positions are named in the claim's own frame, not by compass: NE is the end-right
 * corner even when the claim runs east-west, so the numbering follows the claim when the grid is rotated.
 */
import type { Utm } from '../geo/utm';
import { CORNER_POSITIONS, type CornerPosition, type MonumentSettings } from '../layout/layout.types';
import type { ClaimFrame } from './claim-frame';
import type { StateRule } from './state-rules';

export type CornerNumber = 1 | 2 | 3 | 4;

export interface NumberedCorner {
  number: CornerNumber;
  position: CornerPosition;
  utm: Utm;
}

export function cornerAt(frame: ClaimFrame, position: CornerPosition): Utm {
  switch (position) {
    case 'NE':
      return frame.corners.endRight;
    case 'SE':
      return frame.corners.startRight;
    case 'SW':
      return frame.corners.startLeft;
    case 'NW':
      return frame.corners.endLeft;
  }
}

/** CORNER_POSITIONS (NE, SE, SW, NW) is already clockwise seen from above, so numbering walks it from corner1. */
export function numberCorners(frame: ClaimFrame, corner1: CornerPosition): NumberedCorner[] {
  const first = CORNER_POSITIONS.indexOf(corner1);
  return [0, 1, 2, 3].map((offset) => {
    const position = CORNER_POSITIONS[(first + offset) % 4]!;
    return { number: (offset + 1) as CornerNumber, position, utm: cornerAt(frame, position) };
  });
}

/** The state's fixed Corner 1 (Alaska) wins over the job's setting. */
export function effectiveCorner1(rule: StateRule, settings: Pick<MonumentSettings, 'corner1'> | null): CornerPosition {
  return rule.corner1Fixed ?? settings?.corner1 ?? rule.defaultCorner1;
}
