/** Drill routes (issue 7). Each route states its access and target; policies in testing/matrix-policy-drills.ts. */
import type { RouteSpec } from './route-spec.ts';

export const drillRoutes: readonly RouteSpec[] = [];
