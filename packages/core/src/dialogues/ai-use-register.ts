import { TandemError } from '../errors/index.ts';
import { localized } from '../exchanges/index.ts';
import type { LocalizedText } from '../exchanges/index.ts';
import type { Evidence } from './evidence.ts';
import type { NatoPrinciple, PoliticalDeclarationMeasure, ReaimSection } from './responsible-ai-frameworks.ts';
import { NATO_PRINCIPLES } from './responsible-ai-frameworks.ts';

/**
 * One AI-assisted feature of Tandem, documented against the responsible-AI frameworks the S&T/AI dialogue
 * references. Its output becomes a plan of record only after the named human approval, and an administrator
 * can switch it off.
 */
export interface AiUseEntry {
  readonly id: string;
  readonly feature: LocalizedText;
  readonly description: LocalizedText;
  readonly intendedUses: readonly LocalizedText[];
  readonly excludedUses: readonly LocalizedText[];
  readonly inputs: readonly LocalizedText[];
  readonly validationEvidence: readonly Evidence[];
  readonly humanApproval: {
    /** Role whose approval turns the output into the plan of record. */
    readonly approverRole: string;
    readonly description: LocalizedText;
  };
  readonly adminSwitch: {
    /** Settings key an administrator sets to false to turn the feature off. */
    readonly settingKey: string;
    readonly enabledByDefault: boolean;
  };
  /** How the feature meets each of NATO's six principles. */
  readonly nato: Readonly<Record<NatoPrinciple, LocalizedText>>;
  readonly reaim: Readonly<Partial<Record<ReaimSection, LocalizedText>>>;
  readonly politicalDeclaration: Readonly<Partial<Record<PoliticalDeclarationMeasure, LocalizedText>>>;
}

export interface RegisterGap {
  readonly field: string;
  readonly message: LocalizedText;
}

/** What an entry still lacks before it can be published in the register. */
export function registerGaps(e: AiUseEntry): RegisterGap[] {
  const gaps: RegisterGap[] = [];
  for (const p of Object.keys(NATO_PRINCIPLES) as NatoPrinciple[]) {
    const v = e.nato[p] as LocalizedText | undefined;
    if (v === undefined || v.en.trim() === '') {
      gaps.push({
        field: `nato.${p}`,
        message: localized(
          `not mapped to NATO principle "${NATO_PRINCIPLES[p].en}"`,
          `NATO 원칙 "${NATO_PRINCIPLES[p].ko}"에 대한 대응이 없습니다`,
          `NATO原則「${NATO_PRINCIPLES[p].ja}」への対応がありません`,
        ),
      });
    }
  }
  if (e.intendedUses.length === 0) {
    gaps.push({ field: 'intendedUses', message: localized('no intended use', '의도된 용도 없음', '想定用途なし') });
  }
  if (e.excludedUses.length === 0) {
    gaps.push({ field: 'excludedUses', message: localized('no excluded use', '제외된 용도 없음', '除外用途なし') });
  }
  if (e.validationEvidence.length === 0) {
    gaps.push({
      field: 'validationEvidence',
      message: localized('no validation evidence', '검증 증거 없음', '検証の証拠なし'),
    });
  }
  if (e.humanApproval.approverRole.trim() === '') {
    gaps.push({
      field: 'humanApproval.approverRole',
      message: localized('no approver role', '승인자 역할 없음', '承認者の役割なし'),
    });
  }
  if (e.adminSwitch.settingKey.trim() === '') {
    gaps.push({
      field: 'adminSwitch.settingKey',
      message: localized('no off switch', '비활성화 스위치 없음', '停止スイッチなし'),
    });
  }
  return gaps;
}

/** Whether the feature is on under the administrator's settings (absent key: the entry's default). */
export function isAiFeatureEnabled(e: AiUseEntry, settings: Readonly<Record<string, boolean>>): boolean {
  return settings[e.adminSwitch.settingKey] ?? e.adminSwitch.enabledByDefault;
}

export interface HumanApproval {
  readonly approverRole: string;
  readonly approverName: string;
  readonly approvedUtc: number;
}

/**
 * Gate between an AI output and the plan of record: throws FORBIDDEN when the feature is switched off and
 * CONFLICT when the approval is missing or by the wrong role; returns the approval to store with the plan.
 */
export function approveAsPlanOfRecord(
  e: AiUseEntry,
  settings: Readonly<Record<string, boolean>>,
  approval: HumanApproval | undefined,
): HumanApproval {
  if (!isAiFeatureEnabled(e, settings)) {
    throw new TandemError(
      'FORBIDDEN',
      `${e.feature.en} is switched off by the administrator`,
      e.adminSwitch.settingKey,
    );
  }
  if (approval === undefined || approval.approverName.trim() === '') {
    throw new TandemError(
      'CONFLICT',
      `${e.feature.en} output needs approval by a ${e.humanApproval.approverRole}`,
      'approval',
    );
  }
  if (approval.approverRole !== e.humanApproval.approverRole) {
    throw new TandemError(
      'CONFLICT',
      `approval must come from a ${e.humanApproval.approverRole}, not a ${approval.approverRole}`,
      'approval.approverRole',
    );
  }
  return approval;
}

/** The first register entry: the search-plan optimiser (multi-unit effort allocation over the probability map). */
export const SEARCH_PLAN_OPTIMISER_ENTRY: AiUseEntry = {
  id: 'search-plan-optimiser',
  feature: localized('Search-plan optimiser', '수색계획 최적화기', '捜索計画最適化機能'),
  description: localized(
    'Proposes how to allocate search effort of Korean and Japanese ships and aircraft over the probability-of-containment map (IAMSAR Vol. II ch. 5 optimal effort allocation), with subareas, patterns and transit from bases.',
    '한일 함정·항공기의 수색 노력을 포함확률 지도 위에 배분하는 방안을 제안합니다(IAMSAR 제2권 5장 최적 노력 배분). 구역, 패턴, 기지로부터의 이동을 포함합니다.',
    '日韓の艦艇・航空機の捜索努力を包含確率マップ上に配分する案を提示します（IAMSAR第2巻第5章の最適努力配分）。区域、パターン、基地からの移動を含みます。',
  ),
  intendedUses: [
    localized(
      'Planning combined SAR exercises (SAREX)',
      '연합 수색구조훈련(SAREX) 계획',
      '共同捜索救難訓練（SAREX）の計画',
    ),
    localized(
      'Decision support to a SAR mission coordinator in a real case',
      '실제 상황에서 수색구조 임무조정관의 의사결정 지원',
      '実際の事案での捜索救難調整官の意思決定支援',
    ),
  ],
  excludedUses: [
    localized('Any targeting or use of force', '표적 선정 또는 무력 사용', '目標選定や武力行使'),
    localized(
      'Search for military targets (e.g. submarines)',
      '군사 표적(예: 잠수함) 탐색',
      '軍事目標（潜水艦など）の捜索',
    ),
    localized(
      'Tasking units without a human approving the plan',
      '사람의 계획 승인 없이 부대에 임무 부여',
      '人による計画承認なしでの部隊への任務付与',
    ),
  ],
  inputs: [
    localized(
      'Probability map from the drift model or the manual method',
      '표류 모델 또는 수동 방법의 확률 지도',
      '漂流モデルまたは手動法の確率マップ',
    ),
    localized(
      'Units: speed, endurance, sweep width, base',
      '부대: 속력, 지속시간, 탐색폭, 기지',
      '部隊：速力、持続時間、捜索幅、基地',
    ),
    localized('Weather corrections to sweep width', '탐색폭 기상 보정', '捜索幅の気象補正'),
  ],
  validationEvidence: [
    {
      kind: 'test-result',
      reference: 'packages/core/src/search (unit tests against closed-form search theory)',
      description:
        'POD against Koopman random search 1 − exp(−WL/A) and parallel sweep with inverse-cube sensor erf((√π/2)·W/S)',
      recordedUtc: 1795651200,
    },
  ],
  humanApproval: {
    approverRole: 'sar-mission-coordinator',
    description: localized(
      'The SAR mission coordinator (or exercise director) reviews and approves the proposed allocation; only then is it the search action plan of record.',
      '수색구조 임무조정관(또는 훈련통제관)이 제안된 배분을 검토·승인해야 수색행동계획으로 확정됩니다.',
      '捜索救難調整官（または訓練統制官）が提案された配分を確認・承認して初めて捜索行動計画として確定します。',
    ),
  },
  adminSwitch: { settingKey: 'ai.searchPlanOptimiser.enabled', enabledByDefault: true },
  nato: {
    lawfulness: localized(
      'Used only for search and rescue under the SAR Convention (1979) and IAMSAR; never for use of force.',
      '1979 SAR 협약과 IAMSAR에 따른 수색구조에만 사용하며 무력 사용에는 쓰지 않습니다.',
      '1979年SAR条約とIAMSARに基づく捜索救難にのみ使用し、武力行使には用いません。',
    ),
    'responsibility-and-accountability': localized(
      'The approving SAR mission coordinator is accountable; approvals are recorded in the audit trail.',
      '승인한 수색구조 임무조정관이 책임을 지며 승인은 감사 기록에 남습니다.',
      '承認した捜索救難調整官が責任を負い、承認は監査記録に残ります。',
    ),
    'explainability-and-traceability': localized(
      'Each allocation shows the probability, coverage and POS behind it; inputs, seed and version are stored with the plan.',
      '각 배분의 근거인 확률·커버리지·POS를 보여주며 입력, 시드, 버전을 계획과 함께 저장합니다.',
      '各配分の根拠となる確率・カバレッジ・POSを示し、入力・シード・版を計画とともに保存します。',
    ),
    reliability: localized(
      'Tested against closed-form search theory and reference drift runs; deterministic for a given seed.',
      '폐형 탐색이론과 기준 표류 실행으로 시험하며 같은 시드에서 결정적입니다.',
      '閉形式の捜索理論と基準漂流計算で試験し、同一シードで決定的です。',
    ),
    governability: localized(
      'An administrator switch turns it off; planners can always build the plan by hand.',
      '관리자 스위치로 끌 수 있으며 계획관은 언제든 수작업으로 계획할 수 있습니다.',
      '管理者スイッチで停止でき、計画担当者はいつでも手作業で計画できます。',
    ),
    'bias-mitigation': localized(
      'Allocates by probability and unit capability only; no nationality weighting between the two navies.',
      '확률과 부대 능력만으로 배분하며 양국 해군 사이에 국적 가중치를 두지 않습니다.',
      '確率と部隊能力のみで配分し、両国海軍の間に国籍による重み付けはしません。',
    ),
  },
  reaim: {
    'implementing-responsible-ai': localized(
      'Human approval before use, documented limits and testing, as the Blueprint asks for military AI applications.',
      '청사진이 요구하는 대로 사용 전 인간 승인, 문서화된 한계와 시험을 갖춥니다.',
      'ブループリントが求めるとおり、使用前の人間の承認、文書化された限界と試験を備えます。',
    ),
  },
  politicalDeclaration: {
    E: localized(
      'The coordinator exercises judgment before approval.',
      '조정관이 승인 전 판단합니다.',
      '調整官が承認前に判断します。',
    ),
    F: localized(
      'Inputs and method are recorded and auditable.',
      '입력과 방법이 기록되어 감사 가능합니다.',
      '入力と手法が記録され監査可能です。',
    ),
    H: localized(
      'Intended and excluded uses are listed.',
      '의도된 용도와 제외 용도를 명시합니다.',
      '想定用途と除外用途を明示します。',
    ),
    I: localized('Tested against independent references.', '독립 기준으로 시험합니다.', '独立した基準で試験します。'),
    J: localized('Can be switched off by an administrator.', '관리자가 끌 수 있습니다.', '管理者が停止できます。'),
  },
};
