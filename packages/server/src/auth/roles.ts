/**
 * Roles and the signed-in caller. A user holds one or more roles within one organisation of one nation.
 */
import type { Nation } from '../db/schema.ts';

export const ROLES = [
  'administrator',
  'sar_planner',
  'exercise_controller',
  'evaluator',
  'observer',
  'exchange_officer',
  'dialogue_secretariat',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const NATIONS = ['KR', 'JP'] as const satisfies readonly Nation[];

/** Roles that may create and edit SAR records (scenarios, drift runs, plans, data files). */
export const SAR_EDITORS: readonly Role[] = ['administrator', 'sar_planner', 'exercise_controller'];

/** Roles that may read SAR records. Exchange officers and dialogue secretariats work in other areas. */
export const SAR_READERS: readonly Role[] = [
  'administrator',
  'sar_planner',
  'exercise_controller',
  'evaluator',
  'observer',
  'viewer',
];

/** Who the request acts for; every repository call takes one. */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly nation: Nation;
  readonly organisationId: string;
  readonly roles: readonly Role[];
}

/** The actor for start-up work (demo seeding, migrations); audited as `system`. */
export function systemActor(nation: Nation): Actor {
  return { userId: 'system', username: 'system', nation, organisationId: 'system', roles: ['administrator'] };
}

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}
