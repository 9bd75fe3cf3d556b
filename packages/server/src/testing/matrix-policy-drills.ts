/** Authorization policy of the drills routes, for the authorization matrix test. */
import type { Policy } from './matrix-policy.ts';

export const DRILL_POLICY: Record<string, Policy> = {};
