/**
 * Demo data for dialogues: the AI use register's first entry (the search-plan optimiser), the three commitments of a
 * demo joint statement (public), one dialogue series and sessions with action items owned on both sides, one done by
 * both sides, one done by the JP side only and one overdue. Seeded once with the rest of the demo (demo-data.ts).
 */
import { SEARCH_PLAN_OPTIMISER_ENTRY, localized } from '@tandem/core';
import type { TandemDatabase } from '../db/database.ts';
import type { Actor } from '../auth/roles.ts';
import { SarRecordRepository } from '../records/sar-record-repository.ts';
import { DialogueService } from '../dialogues/dialogue-service.ts';

/** Demo actors by username (see USERS in demo-data.ts). */
export type DemoActors = ReadonlyMap<string, Actor>;

const DAY = 86_400;
const utc = (iso: string): number => Date.parse(iso) / 1000;

/** Ids of the demo commitments (the three areas of the demo joint statement). */
export const DEMO_COMMITMENT_IDS = {
  'aerobatic-exchanges': 'commitment-aerobatic-exchanges',
  'sar-training': 'commitment-sar-training',
  'st-ai-dialogue': 'commitment-st-ai-dialogue',
} as const;

export async function seedDemoDialogues(database: TandemDatabase, actors: DemoActors): Promise<void> {
  const kr = actors.get('kr.secretariat');
  const jp = actors.get('jp.secretariat');
  const krAdmin = actors.get('kr.admin') ?? kr;
  if (kr === undefined || jp === undefined || krAdmin === undefined) return;
  const krRepo = new SarRecordRepository(database.db, database.dialect, kr);
  const jpRepo = new SarRecordRepository(database.db, database.dialect, jp);
  const adminRepo = new SarRecordRepository(database.db, database.dialect, krAdmin);

  await adminRepo.create(
    'ai_use_entry',
    { title: SEARCH_PLAN_OPTIMISER_ENTRY.feature.en, releasability: 'bilateral', body: SEARCH_PLAN_OPTIMISER_ENTRY },
    'ai-entry-search-plan-optimiser',
  );

  const statement =
    'Demo joint statement: the two defense ministries will continue aerobatic-team exchanges, combined search and rescue training, and a dialogue on defense science, technology and AI.';
  const commitments = [
    {
      area: 'aerobatic-exchanges',
      title: localized(
        'Continue exchanges between the aerobatic teams',
        '곡예비행팀 간 교류 지속',
        'アクロバット飛行チーム間の交流の継続',
      ),
      source: 'Demo joint statement §1',
      cadenceDays: 365,
    },
    {
      area: 'sar-training',
      title: localized('Hold combined search and rescue training', '연합 수색구조훈련 실시', '共同捜索救難訓練の実施'),
      source: 'Demo joint statement §2',
      cadenceDays: 365,
    },
    {
      area: 'st-ai-dialogue',
      title: localized(
        'Hold a regular dialogue on defense science, technology and AI',
        '국방 과학기술·AI 정례 대화 개최',
        '防衛科学技術・AIに関する定期対話の開催',
      ),
      source: 'Demo joint statement §3',
      cadenceDays: 180,
    },
  ] as const;
  for (const c of commitments) {
    const id = DEMO_COMMITMENT_IDS[c.area];
    await krRepo.create(
      'commitment',
      { title: c.title.en, releasability: 'public', body: { ...c, id, statement, activityIds: [] } },
      id,
    );
  }

  const krService = new DialogueService(database, krRepo, kr);
  const jpService = new DialogueService(database, jpRepo, jp);
  const series = await krService.createSeries({
    title: localized('ROK–Japan defense S&T and AI dialogue', '한일 국방 과학기술·AI 대화', '日韓防衛科学技術・AI対話'),
    area: 'artificial-intelligence',
    cadenceDays: 180,
    releasability: 'public',
  });
  const participants = [
    { name: 'Park Ji-hoon', organisation: 'Ministry of National Defense', side: 'KR', role: 'co-chair' },
    { name: 'Choi Min-seo', organisation: 'Agency for Defense Development', side: 'KR', role: 'expert' },
    { name: 'Tanaka Hiroshi', organisation: 'Ministry of Defense', side: 'JP', role: 'co-chair' },
    { name: 'Suzuki Aya', organisation: 'Acquisition, Technology & Logistics Agency', side: 'JP', role: 'expert' },
  ] as const;
  const owners = {
    KR: { name: 'Choi Min-seo', organisation: 'ADD' },
    JP: { name: 'Suzuki Aya', organisation: 'ATLA' },
  };
  const first = await krService.createSession({
    seriesId: series.id,
    title: localized('First S&T and AI dialogue', '제1차 과학기술·AI 대화', '第1回科学技術・AI対話'),
    startUtc: utc('2026-03-10T00:00:00Z'),
    endUtc: utc('2026-03-10T08:00:00Z'),
    location: localized('Seoul', '서울', 'ソウル'),
    releasability: 'public',
    agenda: [
      {
        title: localized('AI in search and rescue planning', '수색구조 계획의 AI', '捜索救難計画におけるAI'),
        presenterSide: 'KR',
      },
      { title: localized('Responsible use of AI', '책임 있는 AI 사용', '責任あるAIの使用'), presenterSide: 'JP' },
    ],
    participants,
    decisions: [
      {
        text: localized(
          'Document the search-plan optimiser in a shared AI use register',
          '수색계획 최적화기를 공동 AI 사용 대장에 기록',
          '捜索計画最適化機能を共通のAI利用台帳に記載',
        ),
        agendaIndex: 1,
      },
    ],
    actionItems: [
      {
        title: localized('Publish the AI use register entry', 'AI 사용 대장 항목 게시', 'AI利用台帳の項目を公開'),
        owners,
        dueUtc: utc('2026-05-01T00:00:00Z'),
      },
    ],
    minutes: [{ kind: 'minutes', reference: 'Minutes of the first dialogue (demo)' }],
  });
  for (const [service, ref] of [
    [krService, 'ADD memo 2026-031 (demo)'],
    [jpService, 'ATLA memo 2026-12 (demo)'],
  ] as const) {
    await service.completeSide(first.actionItems[0]!.record.id, [{ reference: ref }]);
  }
  const second = await krService.createSession({
    seriesId: series.id,
    title: localized('Second S&T and AI dialogue', '제2차 과학기술·AI 대화', '第2回科学技術・AI対話'),
    startUtc: utc('2026-09-15T00:00:00Z'),
    endUtc: utc('2026-09-15T08:00:00Z'),
    location: localized('Tokyo', '도쿄', '東京'),
    releasability: 'bilateral',
    agenda: [{ title: localized('Shared SAR test datasets', 'SAR 시험 데이터 공유', 'SAR試験データの共有') }],
    participants,
    decisions: [
      {
        text: localized('Exchange SAR drift test cases', 'SAR 표류 시험 사례 교환', 'SAR漂流試験ケースの交換'),
        agendaIndex: 0,
      },
    ],
    actionItems: [
      {
        title: localized('Exchange drift test cases', '표류 시험 사례 교환', '漂流試験ケースの交換'),
        owners,
        dueUtc: utc('2026-09-15T00:00:00Z') + 45 * DAY,
      },
      {
        title: localized('Draft terms for joint validation', '공동 검증 약정 초안 작성', '共同検証の取決め案の作成'),
        owners,
        dueUtc: utc('2026-09-15T00:00:00Z') + 120 * DAY,
      },
    ],
    minutes: [{ kind: 'minutes', reference: 'Minutes of the second dialogue (demo)' }],
  });
  await jpService.completeSide(second.actionItems[0]!.record.id, [
    { kind: 'link', reference: 'https://example.org/demo/jp-drift-cases' },
  ]);
}
