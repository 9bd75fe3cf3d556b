/** Authorization policy of the dialogues routes, for the authorization matrix test. */
import type { Policy } from './matrix-policy.ts';

export const DIALOGUE_POLICY: Record<string, Policy> = {};
