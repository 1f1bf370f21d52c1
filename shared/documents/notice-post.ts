/**
 * The post a claim's notice is fixed to, from the state's placement rule (shared/claims/notice-placement.ts) and
 * the claim's own corners and monuments. One function, so the notice's "posted on …", the corner cards and the
 * field instructions name the same post.
 */
import type { NoticePost } from '../claims/notice-placement';
import type { PackageCorner, PackageMonument } from './package-model.types';

export function noticePostId(post: NoticePost, corners: readonly PackageCorner[], monuments: readonly PackageMonument[]): string | null {
  const corner1 = corners.find((c) => c.number === 1) ?? corners[0];
  switch (post) {
    case 'discovery':
      return (monuments.find((m) => m.kind === 'discovery') ?? monuments.find((m) => m.kind === 'location'))?.postId ?? null;
    case 'location-corner':
      return monuments.find((m) => m.kind === 'location')?.postId ?? corner1?.postId ?? null;
    case 'corner-1':
    case 'boundary-post':
      return corner1?.postId ?? null;
    case 'north-boundary': {
      // The northernmost corner stands on the north boundary of any four-sided claim.
      const north = [...corners].sort((a, b) => b.lonLat[1] - a.lonLat[1])[0];
      return north?.postId ?? null;
    }
    case 'conspicuous':
      return null;
  }
}
