/** The planned posts as the crew's GPS knows them: the package's waypoints, with the names its GPX gave them. */
import { claimCodes, waypointName, writablePosts } from '../documents/gpx';
import type { PackageModel } from '../documents/package-model.types';
import type { PlannedPost } from './match-staked';

export function plannedPosts(model: Pick<PackageModel, 'posts' | 'claims'>, waypointNameMax: number): PlannedPost[] {
  const codes = claimCodes(model.claims);
  // Matched against the full names too: a newer unit keeps up to 30 characters of a name a crew retyped.
  return writablePosts(model).map((post) => ({ post, waypoint: waypointName(post, codes, waypointNameMax) }));
}
