/** Interface texts of the follow-through pages in English, Korean and Japanese (same keys in all three). */
import type { MessagesOf } from '../../i18n/messages-en.ts';

const en = {
  page: {
    heading: 'Follow-through',
    asOf: 'As of {{date}} (UTC)',
    loading: 'Loading…',
    cadence: 'Completed activities per quarter',
    quarter: 'Quarter',
    completed: 'Completed',
    onTime: 'On-time rate per area',
    onTimeAxis: 'On time (%)',
    timeline: 'Timeline of linked activities',
    overdue: 'Overdue',
    noOverdue: 'Nothing is overdue.',
    commitments: 'Commitments and what carries them out',
    noActivities: 'No linked activity yet.',
    cadenceMet: 'Cadence: every {{days}} days — met',
    cadenceMissed: 'Cadence: every {{days}} days — not met ({{since}} days since the last)',
    cadenceNone: 'No activity completed yet',
    due: 'due {{date}}',
    evidence: 'Evidence',
    noEvidence: 'no evidence yet',
  },
  area: {
    'aerobatic-exchanges': 'Aerobatic-team exchanges',
    'sar-training': 'Search and rescue training',
    'st-ai-dialogue': 'Science, technology and AI dialogue',
  },
  kind: {
    'exchange-event': 'Exchange event',
    drill: 'Drill',
    'dialogue-session': 'Dialogue session',
    'action-item': 'Action item',
    other: 'Other',
  },
  state: {
    done: 'Done',
    planned: 'Planned',
    overdue: 'Overdue',
    cancelled: 'Cancelled or postponed',
  },
  areaAbout: {
    'aerobatic-exchanges':
      "The two air forces' aerobatic teams visit each other, share maintenance and flight-safety practice, and fly together at displays.",
    'sar-training':
      'Navies, coast guards and air units of both countries practise finding and rescuing people in distress at sea together.',
    'st-ai-dialogue':
      'Experts of both defense ministries meet regularly to discuss science and technology, including the responsible use of artificial intelligence.',
  },
  public: {
    heading: 'ROK–Japan defense cooperation: a public summary',
    intro:
      'The Republic of Korea and Japan agreed to cooperate in three areas. This page shows what has been done in each, from records both sides have made public.',
    loading: 'Loading…',
    failed: 'The summary could not be loaded.',
    source: 'Source: {{source}}',
    doneCount: 'Completed so far: {{count}}',
    lastDone: 'Most recent: {{date}}',
    nothingYet: 'Nothing has been made public in this area yet.',
    chart: 'Completed activities per area',
    count: 'Activities',
    done: 'Held',
    planned: 'Planned',
    cancelled: 'Not held (cancelled or postponed)',
  },
};

const ko: MessagesOf<typeof en> = {
  page: {
    heading: '이행 현황',
    asOf: '{{date}} 기준 (UTC)',
    loading: '불러오는 중…',
    cadence: '분기별 완료 활동',
    quarter: '분기',
    completed: '완료',
    onTime: '분야별 기한 내 완료율',
    onTimeAxis: '기한 내 (%)',
    timeline: '연결된 활동 일정',
    overdue: '기한 경과',
    noOverdue: '기한이 지난 항목이 없습니다.',
    commitments: '약속과 이행 활동',
    noActivities: '연결된 활동이 아직 없습니다.',
    cadenceMet: '주기: {{days}}일마다 — 충족',
    cadenceMissed: '주기: {{days}}일마다 — 미충족 (마지막 이후 {{since}}일)',
    cadenceNone: '완료된 활동이 아직 없습니다',
    due: '기한 {{date}}',
    evidence: '증거',
    noEvidence: '증거 없음',
  },
  area: {
    'aerobatic-exchanges': '곡예비행팀 교류',
    'sar-training': '수색구조 훈련',
    'st-ai-dialogue': '과학기술·AI 대화',
  },
  kind: {
    'exchange-event': '교류 행사',
    drill: '훈련',
    'dialogue-session': '대화 회의',
    'action-item': '조치 항목',
    other: '기타',
  },
  state: {
    done: '완료',
    planned: '예정',
    overdue: '기한 경과',
    cancelled: '취소 또는 연기',
  },
  areaAbout: {
    'aerobatic-exchanges':
      '양국 공군 곡예비행팀이 서로 방문하고, 정비와 비행 안전 경험을 나누며, 행사에서 함께 비행합니다.',
    'sar-training': '양국의 해군, 해양경찰·해상보안 기관, 항공부대가 해상 조난자를 찾고 구조하는 훈련을 함께 합니다.',
    'st-ai-dialogue':
      '양국 국방 당국의 전문가들이 정기적으로 만나 인공지능의 책임 있는 사용을 포함한 과학기술을 논의합니다.',
  },
  public: {
    heading: '한일 국방 협력: 공개 요약',
    intro:
      '대한민국과 일본은 세 분야에서 협력하기로 했습니다. 이 페이지는 양측이 공개한 기록을 바탕으로 각 분야에서 이루어진 일을 보여 줍니다.',
    loading: '불러오는 중…',
    failed: '요약을 불러오지 못했습니다.',
    source: '출처: {{source}}',
    doneCount: '지금까지 완료: {{count}}건',
    lastDone: '최근: {{date}}',
    nothingYet: '이 분야에서 아직 공개된 내용이 없습니다.',
    chart: '분야별 완료 활동',
    count: '활동',
    done: '개최',
    planned: '예정',
    cancelled: '미개최 (취소 또는 연기)',
  },
};

const ja: MessagesOf<typeof en> = {
  page: {
    heading: '履行状況',
    asOf: '{{date}} 時点 (UTC)',
    loading: '読み込み中…',
    cadence: '四半期ごとの完了した活動',
    quarter: '四半期',
    completed: '完了',
    onTime: '分野別の期限内完了率',
    onTimeAxis: '期限内 (%)',
    timeline: '関連する活動の時系列',
    overdue: '期限超過',
    noOverdue: '期限を過ぎたものはありません。',
    commitments: '約束とそれを実行する活動',
    noActivities: '関連する活動はまだありません。',
    cadenceMet: '頻度: {{days}}日ごと — 達成',
    cadenceMissed: '頻度: {{days}}日ごと — 未達 (前回から{{since}}日)',
    cadenceNone: '完了した活動はまだありません',
    due: '期限 {{date}}',
    evidence: '証拠',
    noEvidence: '証拠なし',
  },
  area: {
    'aerobatic-exchanges': 'アクロバット飛行チーム交流',
    'sar-training': '捜索救難訓練',
    'st-ai-dialogue': '科学技術・AI対話',
  },
  kind: {
    'exchange-event': '交流行事',
    drill: '訓練',
    'dialogue-session': '対話会合',
    'action-item': '措置事項',
    other: 'その他',
  },
  state: {
    done: '完了',
    planned: '予定',
    overdue: '期限超過',
    cancelled: '中止または延期',
  },
  areaAbout: {
    'aerobatic-exchanges':
      '両国空軍のアクロバット飛行チームが互いに訪問し、整備と飛行安全の経験を共有し、行事で共に飛行します。',
    'sar-training': '両国の海軍・海上保安機関・航空部隊が、海上で遭難した人を捜索し救助する訓練を共に行います。',
    'st-ai-dialogue':
      '両国の防衛当局の専門家が定期的に会い、人工知能の責任ある利用を含む科学技術について話し合います。',
  },
  public: {
    heading: '日韓防衛協力: 公開概要',
    intro:
      '大韓民国と日本は三つの分野で協力することに合意しました。このページでは、双方が公開した記録に基づき、各分野で行われたことを示します。',
    loading: '読み込み中…',
    failed: '概要を読み込めませんでした。',
    source: '出典: {{source}}',
    doneCount: 'これまでの完了: {{count}}件',
    lastDone: '直近: {{date}}',
    nothingYet: 'この分野で公開されたものはまだありません。',
    chart: '分野別の完了した活動',
    count: '活動',
    done: '実施',
    planned: '予定',
    cancelled: '未実施 (中止または延期)',
  },
};

export const followThroughMessages = { en, ko, ja } as const;
