/**
 * Demo data for exchanges, seeded once with the rest of the demo (demo-data.ts): the Black Eagles' ferry to Naha
 * of 28 Jan 2026 (issue 8) with its landing clearance and fuel support, the stop planned for Nov 2025 that was
 * postponed at short notice, the 28 Jan 2026 stopover (confirmed by both sides and held), and a joint display
 * proposed for later. Events carry the demo joint statement's aerobatic-exchanges commitment and have fixed ids.
 */
import { SEED_AIRCRAFT_TYPES, parseUtcTime, seedAirfieldDatabase } from '@tandem/core';
import type { TandemDatabase } from '../db/database.ts';
import type { Actor } from '../auth/roles.ts';
import { SarRecordRepository } from '../records/sar-record-repository.ts';
import { computeFerryPlan } from '../exchanges/ferry-service.ts';
import type { FerryRequestJson } from '../exchanges/ferry-service.ts';
import { ExchangeEvents } from '../exchanges/exchange-events.ts';
import { DEMO_COMMITMENT_IDS } from './demo-dialogues.ts';

/** Demo actors by username (see USERS in demo-data.ts). */
export type DemoActors = ReadonlyMap<string, Actor>;

export const DEMO_FERRY_PLAN_ID = 'demo-ferry-rknw-roah';
export const DEMO_EXCHANGE_EVENT_IDS = {
  postponedNov2025: 'demo-event-naha-2025-11',
  stopoverJan2026: 'demo-event-naha-2026-01',
  jointDisplay: 'demo-event-joint-display',
} as const;

const utc = (iso: string): number => parseUtcTime(iso);

export async function seedDemoExchanges(database: TandemDatabase, actors: DemoActors): Promise<void> {
  const kr = actors.get('kr.exchange');
  const jp = actors.get('jp.exchange');
  if (kr === undefined || jp === undefined) return;
  const repo = new SarRecordRepository(database.db, database.dialect, kr);
  const jpRepo = new SarRecordRepository(database.db, database.dialect, jp);
  const request: FerryRequestJson = {
    type: 'T-50B',
    from: 'RKNW',
    to: 'ROAH',
    departure: '2026-01-28T00:00:00Z',
    aircraft: 9,
  };
  const plan = computeFerryPlan(
    request,
    seedAirfieldDatabase(),
    SEED_AIRCRAFT_TYPES,
    'KR',
    utc('2026-01-01T00:00:00Z'),
  );
  await repo.create(
    'ferry_plan',
    { title: 'Black Eagles: Wonju → Naha (28 Jan 2026)', releasability: 'public', body: { request, plan } },
    DEMO_FERRY_PLAN_ID,
  );
  await jpRepo.create('clearance', {
    title: 'JP landing RKNW-ROAH',
    releasability: 'bilateral',
    body: {
      id: 'demo-clearance-jp-landing',
      country: 'JP',
      kind: 'landing',
      fromIcao: 'RKNW',
      toIcao: 'ROAH',
      status: 'approved',
      requestedUtc: utc('2025-12-10T00:00:00Z'),
      approvedUtc: utc('2026-01-09T00:00:00Z'),
      reference: 'DEMO-JP-DC-0128',
      validFromUtc: utc('2026-01-27T00:00:00Z'),
      validToUtc: utc('2026-01-29T00:00:00Z'),
      legIndex: 0,
      ferryPlanId: DEMO_FERRY_PLAN_ID,
    },
    derivedFrom: [DEMO_FERRY_PLAN_ID],
  });
  await jpRepo.create('support_item', {
    title: 'fuel ROAH',
    releasability: 'bilateral',
    body: {
      id: 'demo-support-fuel',
      kind: 'fuel',
      airfieldIcao: 'ROAH',
      providedBy: 'JP',
      description: {
        en: 'Refuelling of nine T-50B and four C-130',
        ko: 'T-50B 9대와 C-130 4대 급유',
        ja: 'T-50B 9機と C-130 4機への給油',
      },
      reimbursable: true,
      legalBasis: {
        instrument: {
          en: 'Host-nation support provision (demo: cite the instrument in force)',
          ko: '접수국 지원 조항(데모: 유효한 문서를 인용)',
          ja: '受入国支援規定（デモ：有効な文書を引用）',
        },
      },
      ferryPlanId: DEMO_FERRY_PLAN_ID,
    },
    derivedFrom: [DEMO_FERRY_PLAN_ID],
  });

  const krEvents = new ExchangeEvents(database, kr);
  const jpEvents = new ExchangeEvents(database, jp);
  const title = {
    en: 'Black Eagles stopover at Naha with Blue Impulse',
    ko: '블랙이글스 나하 기착 및 블루임펄스 교류',
    ja: 'ブラックイーグルス那覇立ち寄りとブルーインパルス交流',
  };
  await krEvents.propose(
    {
      kind: 'stopover',
      title,
      airfieldIcao: 'ROAH',
      startUtc: utc('2025-11-05T01:00:00Z'),
      endUtc: utc('2025-11-05T09:00:00Z'),
      releasability: 'public',
      commitmentIds: [DEMO_COMMITMENT_IDS['aerobatic-exchanges']],
      ferryPlanId: DEMO_FERRY_PLAN_ID,
    },
    DEMO_EXCHANGE_EVENT_IDS.postponedNov2025,
  );
  await krEvents.propose(
    {
      kind: 'stopover',
      title,
      airfieldIcao: 'ROAH',
      startUtc: utc('2026-01-28T03:00:00Z'),
      endUtc: utc('2026-01-28T10:00:00Z'),
      releasability: 'public',
      commitmentIds: [DEMO_COMMITMENT_IDS['aerobatic-exchanges']],
      ferryPlanId: DEMO_FERRY_PLAN_ID,
    },
    DEMO_EXCHANGE_EVENT_IDS.stopoverJan2026,
  );
  await krEvents.cancel(
    DEMO_EXCHANGE_EVENT_IDS.postponedNov2025,
    'Cancelled at short notice (issue 8); replaced by the 28 Jan 2026 stop',
    utc('2025-11-03T00:00:00Z'),
    DEMO_EXCHANGE_EVENT_IDS.stopoverJan2026,
  );
  await krEvents.confirm(DEMO_EXCHANGE_EVENT_IDS.stopoverJan2026, utc('2026-01-10T00:00:00Z'));
  await jpEvents.confirm(DEMO_EXCHANGE_EVENT_IDS.stopoverJan2026, utc('2026-01-12T00:00:00Z'));
  await krEvents.markHeld(
    DEMO_EXCHANGE_EVENT_IDS.stopoverJan2026,
    [{ kind: 'report', reference: 'DEMO-AAR-2026-0128', description: 'Stopover report: nine T-50B refuelled at Naha' }],
    utc('2026-01-28T12:00:00Z'),
  );
  await jpEvents.propose(
    {
      kind: 'joint-display',
      title: {
        en: 'Joint display: Blue Impulse and Black Eagles',
        ko: '블루임펄스·블랙이글스 합동 비행',
        ja: 'ブルーインパルス・ブラックイーグルス合同展示飛行',
      },
      airfieldIcao: 'RJST',
      startUtc: utc('2026-08-23T01:00:00Z'),
      endUtc: utc('2026-08-23T05:00:00Z'),
      releasability: 'bilateral',
      commitmentIds: [DEMO_COMMITMENT_IDS['aerobatic-exchanges']],
    },
    DEMO_EXCHANGE_EVENT_IDS.jointDisplay,
  );
}
