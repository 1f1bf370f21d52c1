/**
 * The warning code of a claim over the legal limits as drawn. On its own so what only counts or filters these
 * warnings (the cache's rows, the queue, the order panel) does not load the geometry that finds them.
 */
export const DRAWN_OVER_LIMITS_CODE = 'over_limits_as_drawn';
