/** Dialogue routes (issue 8). Each route states its access and target; policies in testing/matrix-policy-dialogues.ts. */
import type { RouteSpec } from './route-spec.ts';

export const dialogueRoutes: readonly RouteSpec[] = [];
