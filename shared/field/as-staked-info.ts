/** What an accepted as-staked layout tells the documents (package-model.types.ts AsStakedInfo), from the assessment. */
import type { AsStakedInfo } from '../documents/package-model.types';
import type { StakedAssessment } from './assess-staked';

export function asStakedInfo(
  assessment: Pick<StakedAssessment, 'report' | 'asStaked'>,
  stakedOn: string,
  amendment: AsStakedInfo['amendment'],
): AsStakedInfo {
  const moved = new Set(assessment.asStaked.movedPosts);
  const moves: AsStakedInfo['moves'] = [];
  for (const post of assessment.report.posts) {
    if (!moved.has(post.post) || post.offsetFt === null || post.bearingDeg === null) continue;
    const designations = post.designation.split(' / ');
    post.claims.forEach((claim, k) => moves.push({ claim, designation: designations[k] ?? post.designation, offsetFt: post.offsetFt!, bearingDeg: post.bearingDeg! }));
  }
  const unstaked = assessment.report.posts
    .filter((p) => p.status === 'missing')
    .map((p) => `${p.post} (${p.claims.map((claim, k) => `${claim} ${p.designation.split(' / ')[k] ?? ''}`.trim()).join(', ')})`);
  return { stakedOn, changedClaims: assessment.asStaked.changedClaims, moves, unstaked, amendment: assessment.asStaked.changedClaims.length > 0 ? amendment : null };
}
