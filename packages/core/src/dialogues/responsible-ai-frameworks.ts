import { localized } from '../exchanges/index.ts';
import type { LocalizedText } from '../exchanges/index.ts';

/**
 * NATO's Principles of Responsible Use of AI in Defence (NATO Artificial Intelligence Strategy, 22 October 2021).
 */
export type NatoPrinciple =
  | 'lawfulness'
  | 'responsibility-and-accountability'
  | 'explainability-and-traceability'
  | 'reliability'
  | 'governability'
  | 'bias-mitigation';

export const NATO_PRINCIPLES: Readonly<Record<NatoPrinciple, LocalizedText>> = {
  lawfulness: localized('Lawfulness', '합법성', '合法性'),
  'responsibility-and-accountability': localized(
    'Responsibility and accountability',
    '책임성과 설명책임',
    '責任と説明責任',
  ),
  'explainability-and-traceability': localized(
    'Explainability and traceability',
    '설명 가능성과 추적 가능성',
    '説明可能性と追跡可能性',
  ),
  reliability: localized('Reliability', '신뢰성', '信頼性'),
  governability: localized('Governability', '통제 가능성', '統制可能性'),
  'bias-mitigation': localized('Bias mitigation', '편향 완화', 'バイアスの軽減'),
};

export const NATO_PRINCIPLES_SOURCE = 'NATO, Summary of the NATO Artificial Intelligence Strategy, 22 Oct 2021';

/** The three parts of the REAIM Blueprint for Action (REAIM Summit, Seoul, 10 September 2024). */
export type ReaimSection = 'impact-on-peace-and-security' | 'implementing-responsible-ai' | 'future-governance';

export const REAIM_SECTIONS: Readonly<Record<ReaimSection, LocalizedText>> = {
  'impact-on-peace-and-security': localized(
    'Impact of AI on international peace and security',
    'AI가 국제 평화와 안보에 미치는 영향',
    'AIが国際の平和と安全に与える影響',
  ),
  'implementing-responsible-ai': localized(
    'Implementing responsible AI in the military domain',
    '군사 영역에서 책임 있는 AI의 이행',
    '軍事領域における責任あるAIの実施',
  ),
  'future-governance': localized(
    'Future governance of AI in the military domain',
    '군사 영역 AI의 미래 거버넌스',
    '軍事領域におけるAIの将来のガバナンス',
  ),
};

export const REAIM_SOURCE =
  'REAIM Blueprint for Action, Summit on Responsible AI in the Military Domain, Seoul, 10 Sep 2024';

/**
 * The measures (A–J) of the Political Declaration on Responsible Military Use of Artificial Intelligence and
 * Autonomy (U.S. Department of State, November 2023), paraphrased; the declaration's text governs.
 */
export type PoliticalDeclarationMeasure = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J';

export const POLITICAL_DECLARATION_MEASURES: Readonly<Record<PoliticalDeclarationMeasure, LocalizedText>> = {
  A: localized(
    'Adopt and implement these principles in military organizations',
    '군 조직에서 원칙을 채택하고 이행',
    '軍組織で原則を採用し実施',
  ),
  B: localized(
    'Use consistent with international law, in particular IHL',
    '국제법, 특히 국제인도법에 부합하는 사용',
    '国際法、特に国際人道法に適合する使用',
  ),
  C: localized(
    'Senior officials oversee high-consequence applications',
    '고위 관리의 고위험 응용 감독',
    '高官による重大な影響を持つ用途の監督',
  ),
  D: localized('Minimize unintended bias', '의도치 않은 편향 최소화', '意図しないバイアスの最小化'),
  E: localized(
    'Personnel exercise appropriate care and human judgment',
    '인원의 적절한 주의와 인간 판단',
    '要員による適切な注意と人間の判断',
  ),
  F: localized(
    'Transparent, auditable methods, data and documentation',
    '투명하고 감사 가능한 방법·데이터·문서',
    '透明で監査可能な手法・データ・文書',
  ),
  G: localized(
    'Train users to understand capabilities and limits',
    '능력과 한계를 이해하도록 사용자 훈련',
    '能力と限界を理解するよう利用者を訓練',
  ),
  H: localized('Explicit, well-defined uses', '명확하고 잘 정의된 용도', '明確に定義された用途'),
  I: localized(
    'Rigorous testing and assurance across the life cycle',
    '수명주기 전반의 엄격한 시험과 보증',
    'ライフサイクル全体での厳格な試験と保証',
  ),
  J: localized(
    'Safeguards: detect unintended behaviour, disengage or deactivate',
    '안전장치: 의도치 않은 동작 탐지, 해제 또는 비활성화',
    '安全装置：意図しない挙動の検知、解除・停止',
  ),
};

export const POLITICAL_DECLARATION_SOURCE =
  'Political Declaration on Responsible Military Use of Artificial Intelligence and Autonomy, U.S. Department of State, Nov 2023';
