/**
 * Play a drill through the same operations the API offers, with a planner who accepts the optimiser's proposal
 * whenever something new was delivered (and every `replanS`): start paused, advance in `stepS` jumps, propose,
 * accept as actions, finish. For the demo data and for regression tests of the server path (the CLI's `--auto` is
 * the core auto player itself).
 */
import { SarRecordRepository } from '../records/sar-record-repository.ts';
import type { Actor } from '../auth/roles.ts';
import type { TandemDatabase } from '../db/database.ts';
import { clockOp, getDrill, playerViewOf, postActions, proposal } from './drill-service.ts';
import type { DrillContext } from './drill-service.ts';

/** A context acting as `actor` outside a request (demo seeding, tests). */
export function drillContext(database: TandemDatabase, actor: Actor): DrillContext {
  return { database, actor, records: () => new SarRecordRepository(database.db, database.dialect, actor) };
}

export interface AutoPlayOptions {
  /** Simulated seconds per clock jump (a multiple of 30). Default 1800. */
  readonly stepS?: number;
  /** Ask for a proposal at least this often even without a new inject, s. Default 7200. */
  readonly replanS?: number;
  /** Leave the drill running or paused at the end instead of finishing it. */
  readonly finish?: boolean;
}

/** Play drill `id` from setup to its end; returns the number of proposals accepted. */
export async function autoPlayDrill(
  controller: DrillContext,
  planner: DrillContext,
  id: string,
  opts: AutoPlayOptions = {},
): Promise<number> {
  const stepS = opts.stepS ?? 1800;
  const replanS = opts.replanS ?? 7200;
  const info = await getDrill(controller, id);
  if (info.status === 'setup') await clockOp(controller, id, 'start', { clockFactor: info.clockFactor });
  if ((await getDrill(controller, id)).status === 'running') await clockOp(controller, id, 'pause', {});
  let accepted = 0;
  let lastPlanS = -Infinity;
  let seen = 0;
  for (let atS = 0; atS < info.durationS; atS += stepS) {
    if (atS > 0) await clockOp(controller, id, 'advance', { toS: atS });
    const view = await playerViewOf(planner, id);
    const fresh = view.injects.length > seen || atS - lastPlanS >= replanS;
    seen = view.injects.length;
    if (!fresh) continue;
    const p = await proposal(planner, id);
    if (p.actions.length === 0) continue;
    await postActions(planner, id, p.actions);
    accepted++;
    lastPlanS = atS;
  }
  await clockOp(controller, id, 'advance', { toS: info.durationS });
  if (opts.finish !== false) await clockOp(controller, id, 'finish', {});
  return accepted;
}
