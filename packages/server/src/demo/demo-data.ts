/**
 * Demo data for `npm start`: both nations' organisations and users, a SAR scenario in the Korea Strait and a
 * drift run of it. No real model data ships with Tandem, so the scenario's environment is an idealized field
 * (a uniform Tsushima Warm Current setting north-east through the strait and a north-westerly winter monsoon
 * wind) and says so in its title and body. Seeding is skipped when the demo organisations already exist.
 */
import { seedDemoDrills } from './demo-drills.ts';
import { seedDemoExchanges } from './demo-exchanges.ts';
import { seedDemoDialogues } from './demo-dialogues.ts';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TandemDatabase } from '../db/database.ts';
import { DirectoryRepository } from '../auth/directory.ts';
import { SarRecordRepository } from '../records/sar-record-repository.ts';
import type { JobTransport } from '../jobs/boss-transport.ts';
import { JobStore } from '../jobs/job-store.ts';
import { systemActor } from '../auth/roles.ts';
import type { Actor, Role } from '../auth/roles.ts';
import type { Nation } from '../db/schema.ts';

export const IDEALIZED_ENVIRONMENT_NOTE =
  'IDEALIZED environment, not model data or a forecast: a uniform current resembling the Tsushima Warm Current ' +
  'setting north-east through the Korea Strait and a north-westerly winter monsoon wind. Register real wind and ' +
  'current files for real cases.';

/** The demo's environment note: the example scenario's own description when it has one. */
export function demoEnvironmentNote(): string {
  const d = demoScenario()['description'];
  return typeof d === 'string' && /idealized/i.test(d) ? d : IDEALIZED_ENVIRONMENT_NOTE;
}

/** The demo scenario from ENGINE's examples folder, or this built-in equivalent when it is absent. */
const FALLBACK_SCENARIO = {
  name: 'Demo: person in the water, Korea Strait (built-in copy)',
  description: IDEALIZED_ENVIRONMENT_NOTE,
  object: { leewayCategoryId: 26 },
  seed: {
    lon: 129.05,
    lat: 34.75,
    radiusM: 2000,
    radiusType: 'gaussian',
    time: '2026-01-15T00:00:00Z',
    count: 2000,
  },
  forcing: {
    wind: { eastMps: 7.07, northMps: -7.07 },
    current: { eastMps: 0.21, northMps: 0.21 },
  },
  coast: { landMask: 'naturalearth' },
  options: { capsizing: false, jibeProbabilityPerHour: 0.04, coastlineAction: 'stranding' },
  run: { durationS: 86400, timeStepS: 600, outputStepS: 3600, rngSeed: 20260115 },
};

export function demoScenario(): Record<string, unknown> {
  const file = fileURLToPath(new URL('../../../../examples/demo-korea-strait.json', import.meta.url));
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return FALLBACK_SCENARIO;
}

export interface DemoSignIn {
  readonly username: string;
  readonly password: string;
  readonly nation: Nation;
  readonly roles: readonly Role[];
}

const DEMO_PASSWORD = 'tandem-demo-2026';

const ORGS: readonly { id: string; nation: Nation; service: string; unit: string; name: string }[] = [
  { id: 'demo-org-kr-navy', nation: 'KR', service: 'ROK Navy', unit: 'Third Fleet', name: 'ROK Navy Third Fleet' },
  {
    id: 'demo-org-kr-kcg',
    nation: 'KR',
    service: 'Korea Coast Guard',
    unit: 'Busan Regional HQ',
    name: 'Korea Coast Guard Busan',
  },
  { id: 'demo-org-jp-jmsdf', nation: 'JP', service: 'JMSDF', unit: 'Sasebo District', name: 'JMSDF Sasebo District' },
  {
    id: 'demo-org-jp-jcg',
    nation: 'JP',
    service: 'Japan Coast Guard',
    unit: '7th Regional HQ',
    name: 'Japan Coast Guard 7th Region',
  },
];

const USERS: readonly { username: string; display: string; org: string; roles: Role[] }[] = [
  { username: 'kr.admin', display: 'KR administrator', org: 'demo-org-kr-navy', roles: ['administrator'] },
  { username: 'kr.planner', display: 'KR SAR planner', org: 'demo-org-kr-navy', roles: ['sar_planner'] },
  { username: 'kr.viewer', display: 'KR viewer', org: 'demo-org-kr-kcg', roles: ['viewer'] },
  { username: 'jp.admin', display: 'JP administrator', org: 'demo-org-jp-jmsdf', roles: ['administrator'] },
  { username: 'jp.planner', display: 'JP SAR planner', org: 'demo-org-jp-jmsdf', roles: ['sar_planner'] },
  { username: 'jp.viewer', display: 'JP viewer', org: 'demo-org-jp-jcg', roles: ['viewer'] },
  {
    username: 'kr.controller',
    display: 'KR exercise controller',
    org: 'demo-org-kr-navy',
    roles: ['exercise_controller'],
  },
  {
    username: 'jp.controller',
    display: 'JP exercise controller',
    org: 'demo-org-jp-jmsdf',
    roles: ['exercise_controller'],
  },
  { username: 'kr.evaluator', display: 'KR evaluator', org: 'demo-org-kr-kcg', roles: ['evaluator'] },
  { username: 'jp.evaluator', display: 'JP evaluator', org: 'demo-org-jp-jcg', roles: ['evaluator'] },
  {
    username: 'kr.exchange',
    display: 'KR exchange officer (ROKAF)',
    org: 'demo-org-kr-navy',
    roles: ['exchange_officer'],
  },
  {
    username: 'jp.exchange',
    display: 'JP exchange officer (JASDF)',
    org: 'demo-org-jp-jmsdf',
    roles: ['exchange_officer'],
  },
  {
    username: 'kr.secretariat',
    display: 'KR dialogue secretariat',
    org: 'demo-org-kr-navy',
    roles: ['dialogue_secretariat'],
  },
  {
    username: 'jp.secretariat',
    display: 'JP dialogue secretariat',
    org: 'demo-org-jp-jmsdf',
    roles: ['dialogue_secretariat'],
  },
];

export function demoSignIns(): DemoSignIn[] {
  return USERS.map((u) => ({
    username: u.username,
    password: DEMO_PASSWORD,
    nation: u.username.startsWith('kr.') ? 'KR' : 'JP',
    roles: u.roles,
  }));
}

export interface DemoSeedResult {
  readonly seeded: boolean;
  readonly driftRunJobId: string | undefined;
}

/** Seeds the demo (idempotent); returns the demo drift run's job id to wait for. */
export async function seedDemo(database: TandemDatabase, transport?: JobTransport): Promise<DemoSeedResult> {
  const { db, dialect } = database;
  const existing = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', 'demo-org-kr-navy')
    .executeTakeFirst();
  if (existing !== undefined) {
    const job = await db.selectFrom('jobs').select('id').where('record_id', '=', 'demo-drift-run').executeTakeFirst();
    return { seeded: false, driftRunJobId: job?.id };
  }
  for (const o of ORGS) {
    const dir = new DirectoryRepository(db, dialect, systemActor(o.nation));
    await dir.createOrganisation({ service: o.service, unit: o.unit, name: o.name, totpRequired: false }, o.id);
  }
  const ids = new Map<string, Actor>();
  for (const u of USERS) {
    const org = ORGS.find((o) => o.id === u.org);
    if (org === undefined) continue;
    const dir = new DirectoryRepository(db, dialect, systemActor(org.nation));
    const view = await dir.createUser(
      { username: u.username, displayName: u.display, password: DEMO_PASSWORD, organisationId: org.id, roles: u.roles },
      `demo-user-${u.username.replace('.', '-')}`,
    );
    ids.set(u.username, {
      userId: view.id,
      username: view.username,
      nation: view.nation,
      organisationId: view.organisationId,
      roles: view.roles,
    });
  }
  const planner = ids.get('kr.planner');
  if (planner === undefined) throw new Error('demo planner missing');
  const repo = new SarRecordRepository(db, dialect, planner);
  const scenarioBody = demoScenario();
  const scenario = await repo.create(
    'scenario',
    {
      title: 'Demo: person in the water, Korea Strait western channel (IDEALIZED environment)',
      releasability: 'bilateral',
      body: scenarioBody,
    },
    'demo-scenario-korea-strait',
  );
  const jobs = new JobStore(db, dialect, undefined, transport);
  const jobId = await db.transaction().execute(async (trx) => {
    const run = await repo.createIn(
      trx,
      'drift_run',
      {
        title: 'Drift: person in the water, Korea Strait (IDEALIZED environment)',
        releasability: 'bilateral',
        body: { scenarioId: scenario.id, status: 'queued', environment: demoEnvironmentNote() },
        derivedFrom: [scenario.id],
      },
      'demo-drift-run',
    );
    return jobs.enqueueIn(
      trx,
      {
        kind: 'drift',
        recordId: run.id,
        ownerNation: run.ownerNation,
        releasability: run.releasability,
        createdBy: planner.userId,
        input: { scenario: scenarioBody, scenarioId: scenario.id },
      },
      'demo-drift-job',
    );
  });
  await repo.create('scenario', {
    title: 'KR national exercise draft (visible to KR only)',
    releasability: 'national',
    body: scenarioBody,
  });
  await seedDemoDrills(database, ids);
  await seedDemoExchanges(database, ids);
  await seedDemoDialogues(database, ids);
  return { seeded: true, driftRunJobId: jobId };
}
