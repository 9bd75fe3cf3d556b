/** Authorization policy of the exchanges routes, for the authorization matrix test. */
import type { Policy } from './matrix-policy.ts';

export const EXCHANGE_POLICY: Record<string, Policy> = {};
