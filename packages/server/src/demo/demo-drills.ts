/**
 * Demo data for drills, seeded once with the rest of the demo (demo-data.ts): two finished bilateral drills of the
 * fishing-vessel family (May and September 2026), each played by a planner accepting the optimiser's proposals,
 * rated by evaluators of both nations, so the report, replay and trends have content; the second carries the first's
 * open corrective actions and closes one. And one bilateral drill in setup (owned by JP) ready to start. Drills are
 * shortened (3 h, 200 planning particles) to keep seeding fast.
 */
import type { TandemDatabase } from '../db/database.ts';
import type { Actor } from '../auth/roles.ts';
import { autoPlayDrill, drillContext } from '../drills/drill-autoplay.ts';
import { addEvaluation, clockOp, closeAction, createDrill, drillReport } from '../drills/drill-service.ts';
import type { CreateDrillRequest } from '../drills/drill-service.ts';

/** Demo actors by username (see USERS in demo-data.ts). */
export type DemoActors = ReadonlyMap<string, Actor>;

const DEMO_DRILL_SHORT = { durationS: 3 * 3600, planningParticles: 200, clockFactor: 60 } as const;

export async function seedDemoDrills(database: TandemDatabase, actors: DemoActors): Promise<void> {
  const t0 = performance.now();
  try {
    await seed(database, actors);
  } finally {
    if (process.env['TANDEM_DEMO_TIMING'] === '1')
      process.stdout.write(`# drills demo seeded in ${(performance.now() - t0).toFixed(0)} ms\n`);
  }
}

async function seed(database: TandemDatabase, actors: DemoActors): Promise<void> {
  const get = (u: string): Actor | undefined => actors.get(u);
  const [krController, jpController, krPlanner, krEvaluator, jpEvaluator] = [
    get('kr.controller'),
    get('jp.controller'),
    get('kr.planner'),
    get('kr.evaluator'),
    get('jp.evaluator'),
  ];
  if (
    krController === undefined ||
    jpController === undefined ||
    krPlanner === undefined ||
    krEvaluator === undefined ||
    jpEvaluator === undefined
  )
    return;
  const control = drillContext(database, krController);
  const play = drillContext(database, krPlanner);
  const krEval = drillContext(database, krEvaluator);
  const jpEval = drillContext(database, jpEvaluator);

  const played = async (req: CreateDrillRequest, ratings: { kr: 'P' | 'S' | 'M' | 'U'; jp: 'P' | 'S' | 'M' | 'U' }) => {
    const d = await createDrill(control, req);
    await autoPlayDrill(control, play, d.id, { stepS: 1800, finish: false });
    const [first, second] = d.objectives;
    if (first !== undefined)
      await addEvaluation(krEval, d.id, {
        objectiveId: first.id,
        rating: ratings.kr,
        observations: [
          { kind: 'strength', text: 'Datum re-planned on every sighting / 목격 보고마다 기준점 재계획' },
          { kind: 'area-for-improvement', text: 'Track spacing too wide at night / 야간 트랙 간격 과다' },
        ],
      });
    if (second !== undefined)
      await addEvaluation(jpEval, d.id, {
        objectiveId: second.id,
        rating: ratings.jp,
        observations: [
          { kind: 'area-for-improvement', text: '夜間の見張り要領を確認する / Review night lookout drill' },
        ],
      });
    await clockOp(control, d.id, 'finish', {});
    return d.id;
  };

  await played(
    {
      title: 'Combined SAR drill 2026-1: capsized Korean fishing vessel',
      releasability: 'bilateral',
      template: 'fishing-vessel-capsized-korean',
      seed: 2026051,
      startUtc: '2026-05-12T01:00:00Z',
      ...DEMO_DRILL_SHORT,
    },
    { kr: 'M', jp: 'S' },
  );
  const second = await played(
    {
      title: 'Combined SAR drill 2026-2: swamped Japanese longliner',
      releasability: 'bilateral',
      template: 'fishing-vessel-swamped-japanese',
      seed: 2026091,
      startUtc: '2026-09-15T01:00:00Z',
      ...DEMO_DRILL_SHORT,
    },
    { kr: 'S', jp: 'P' },
  );
  // The second drill confirms one action carried from the first as fixed.
  const plan = (await drillReport(control, second, 'en')).report.improvementPlan;
  const carried = plan.actions.find((a) => a.raisedIn !== second && a.status === 'open');
  if (carried !== undefined)
    await closeAction(
      control,
      second,
      carried.id,
      'Confirmed in drill 2026-2 / 2026-2 훈련에서 확인 / 2026-2訓練で確認',
    );

  await createDrill(drillContext(database, jpController), {
    title: 'Combined SAR drill 2026-3: ferry fire and mass rescue (ready to start)',
    releasability: 'bilateral',
    template: 'ferry-fire-mass-rescue',
    seed: 2026121,
    startUtc: '2026-12-01T00:00:00Z',
    clockFactor: 60,
  });
}
