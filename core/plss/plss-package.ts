/**
 * The PLSS in a staking package: the section lines for the maps always, and the land description and tie only
 * where staff left all of it blank (an order exported without a job, a job whose Documents step was never
 * opened). Whatever staff entered or kept is never replaced here: the Documents step is where a fill is offered.
 */
import type { PackageSource } from '../../shared/documents/package-model';
import { surveyLines } from '../../shared/plss/survey-lines';
import type { Db } from '../db/schema';
import { describeInArea, plssAroundClaims } from './plss-describe.service';

export function landIsBlank(source: Pick<PackageSource, 'plss' | 'tie'>): boolean {
  const { plss } = source;
  return source.tie === null && [plss.meridian, plss.township, plss.range, plss.sections, plss.aliquot].every((v) => v.trim() === '');
}

export async function withPlss(db: Db, source: PackageSource): Promise<PackageSource> {
  if (source.claims.length === 0) return source;
  const area = await plssAroundClaims(db, source.claims, source.epsg);
  if (area.parts.length === 0) return source;
  const survey = surveyLines(area, source.epsg);
  if (!landIsBlank(source)) return { ...source, survey };
  const { fill } = describeInArea(area, { claims: source.claims, epsg: source.epsg, monumentSettings: source.monumentSettings, stateCode: source.stateCode });
  if (fill.coverage === 'none') return { ...source, survey };
  return {
    ...source,
    survey,
    plss: fill.plss,
    tie: fill.tie ? { description: fill.tie.description, lonLat: [fill.tie.lon, fill.tie.lat] } : null,
  };
}
