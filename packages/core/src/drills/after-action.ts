/**
 * After-action report data (HSEEP 2020 AAR/IP structure): the timeline, findings per objective (rating, measured
 * value, observations), and the improvement plan — corrective actions with an owner capability and a status,
 * tracked to closure and carried into the next drill (open actions of the previous plan are carried over with their
 * origin). Trends compare drills of the same scenario family over time.
 */
import { TandemError } from '../errors/index.ts';
import type { Capability, Objective } from './drill-template.ts';
import type { DrillSummary, TimelineEvent } from './drill-session.ts';
import { CAPABILITY_NAMES } from './drill-spec.ts';
import type { DrillSpec } from './drill-spec.ts';
import { HSEEP_RATING_LABELS, objectiveAchievement, suggestRating } from './hseep-evaluation.ts';
import type { HseepRating, Observation, ObjectiveEvaluation } from './hseep-evaluation.ts';
import { fillText, text } from './localized-text.ts';
import type { DrillText } from './localized-text.ts';

export interface Finding {
  readonly objectiveId: string;
  readonly capability: Capability;
  readonly capabilityName: DrillText;
  readonly objective: DrillText;
  readonly rating: HseepRating;
  readonly ratingLabel: DrillText;
  /** True when the rating is the suggestion from the figures (no evaluator rated the objective). */
  readonly suggested: boolean;
  readonly measured: number | null;
  readonly observations: readonly Observation[];
}

export interface CorrectiveAction {
  readonly id: string;
  readonly capability: Capability;
  readonly objectiveId: string;
  readonly text: DrillText;
  readonly status: 'open' | 'closed';
  /** Drill where the action was raised. */
  readonly raisedIn: string;
  readonly closedIn: string | undefined;
  readonly closureNote: string | undefined;
}

export interface ImprovementPlan {
  readonly drillId: string;
  readonly actions: readonly CorrectiveAction[];
}

export interface AfterActionReport {
  readonly drillId: string;
  readonly name: DrillText;
  readonly templateId: string;
  readonly family: string;
  readonly startTimeS: number;
  readonly summary: DrillSummary;
  readonly timeline: readonly TimelineEvent[];
  readonly findings: readonly Finding[];
  readonly improvementPlan: ImprovementPlan;
}

const ACTION_TEXT: Readonly<Record<Capability, DrillText>> = {
  'search-planning': text(
    'Review datum and drift inputs; re-plan on every new report ({rating})',
    '기준점 및 표류 입력 검토, 신규 보고마다 재계획 ({rating})',
    '基準点と漂流入力を見直し、新しい報告ごとに再計画する（{rating}）',
  ),
  'operational-coordination': text(
    'Shorten notice to move; agree pre-planned bilateral tasking ({rating})',
    '출동 준비시간 단축, 양국 사전 임무부여 합의 ({rating})',
    '出動準備時間を短縮し、二国間の事前任務付与に合意する（{rating}）',
  ),
  'search-and-detection': text(
    'Match track spacing to the sweep width in the weather; brief lookouts ({rating})',
    '기상에 맞는 탐지폭에 따라 트랙 간격 조정, 견시원 브리핑 ({rating})',
    '気象に応じた捜索幅に航跡間隔を合わせ、見張員に説明する（{rating}）',
  ),
  rescue: text(
    'Pre-position recovery units; train survivor pick-up ({rating})',
    '구조세력 사전 배치, 생존자 인양 훈련 ({rating})',
    '救助勢力を事前配置し、生存者の揚収を訓練する（{rating}）',
  ),
  communications: text(
    'Exchange SITREPs at fixed intervals in both languages ({rating})',
    '정해진 간격으로 양국 언어 상황보고 교환 ({rating})',
    '定時に両国語で状況報告を交換する（{rating}）',
  ),
};

/** Close a corrective action (in the drill where it was confirmed fixed). */
export function closeCorrectiveAction(
  plan: ImprovementPlan,
  actionId: string,
  closedIn: string,
  note: string,
): ImprovementPlan {
  const k = plan.actions.findIndex((a) => a.id === actionId);
  if (k < 0) throw new TandemError('NOT_FOUND', `no corrective action "${actionId}"`, 'actionId');
  const actions = plan.actions.map((a, j) =>
    j === k ? { ...a, status: 'closed' as const, closedIn, closureNote: note } : a,
  );
  return { ...plan, actions };
}

/** Build the AAR of a finished drill; `previous` carries open corrective actions forward. */
export function buildAfterActionReport(
  spec: DrillSpec,
  summary: DrillSummary,
  timeline: readonly TimelineEvent[],
  evaluations: readonly ObjectiveEvaluation[],
  previous?: ImprovementPlan,
): AfterActionReport {
  const findings: Finding[] = spec.objectives.map((o: Objective) => {
    const evals = evaluations.filter((e) => e.objectiveId === o.id);
    const worst = evals.map((e) => e.rating).sort((a, b) => 'PSMU'.indexOf(b) - 'PSMU'.indexOf(a))[0];
    const rating = worst ?? suggestRating(o, summary);
    return {
      objectiveId: o.id,
      capability: o.capability,
      capabilityName: CAPABILITY_NAMES[o.capability],
      objective: o.text,
      rating,
      ratingLabel: HSEEP_RATING_LABELS[rating],
      suggested: worst === undefined,
      measured: objectiveAchievement(o, summary).value,
      observations: evals.flatMap((e) => e.observations),
    };
  });
  const carried = (previous?.actions ?? []).filter((a) => a.status === 'open');
  const raised: CorrectiveAction[] = findings
    .filter((f) => f.rating !== 'P')
    .filter((f) => !carried.some((a) => a.objectiveId === f.objectiveId))
    .map((f) => ({
      id: `${spec.id}:${f.objectiveId}`,
      capability: f.capability,
      objectiveId: f.objectiveId,
      text: fillText(ACTION_TEXT[f.capability], { rating: f.rating }),
      status: 'open',
      raisedIn: spec.id,
      closedIn: undefined,
      closureNote: undefined,
    }));
  return {
    drillId: spec.id,
    name: spec.name,
    templateId: spec.templateId,
    family: spec.family,
    startTimeS: spec.startTimeS,
    summary,
    timeline,
    findings,
    improvementPlan: { drillId: spec.id, actions: [...carried, ...raised] },
  };
}

export interface TrendPoint {
  readonly drillId: string;
  readonly startTimeS: number;
  readonly detected: boolean;
  readonly timeToFirstDetectionS: number | null;
  readonly posAchieved: number;
  readonly meanContainment: number;
  readonly survivorsFraction: number;
}

export interface FamilyTrend {
  readonly family: string;
  readonly points: readonly TrendPoint[];
  /** Last minus first drill, per figure (positive = better for POS, containment and survivors). */
  readonly change: {
    readonly posAchieved: number;
    readonly meanContainment: number;
    readonly survivorsFraction: number;
  };
  /** Least-squares slope of POS achieved per drill. */
  readonly posSlopePerDrill: number;
}

/** Trends of drills grouped by scenario family, in time order. */
export function drillTrends(
  records: readonly { readonly startTimeS: number; readonly summary: DrillSummary }[],
): FamilyTrend[] {
  const byFamily = new Map<string, TrendPoint[]>();
  for (const r of records) {
    const s = r.summary;
    const list = byFamily.get(s.family) ?? [];
    list.push({
      drillId: s.drillId,
      startTimeS: r.startTimeS,
      detected: s.detected,
      timeToFirstDetectionS: s.timeToFirstDetectionS,
      posAchieved: s.posAchieved,
      meanContainment: s.meanContainment,
      survivorsFraction: s.survivorsTotal === 0 ? 1 : s.survivorsRecovered / s.survivorsTotal,
    });
    byFamily.set(s.family, list);
  }
  return [...byFamily.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([family, pts]) => {
      pts.sort((a, b) => a.startTimeS - b.startTimeS || (a.drillId < b.drillId ? -1 : 1));
      const f = pts[0] as TrendPoint;
      const l = pts[pts.length - 1] as TrendPoint;
      const n = pts.length;
      const mx = (n - 1) / 2;
      const my = pts.reduce((s, p) => s + p.posAchieved, 0) / n;
      let sxy = 0;
      let sxx = 0;
      pts.forEach((p, k) => {
        sxy += (k - mx) * (p.posAchieved - my);
        sxx += (k - mx) * (k - mx);
      });
      return {
        family,
        points: pts,
        change: {
          posAchieved: l.posAchieved - f.posAchieved,
          meanContainment: l.meanContainment - f.meanContainment,
          survivorsFraction: l.survivorsFraction - f.survivorsFraction,
        },
        posSlopePerDrill: sxx > 0 ? sxy / sxx : 0,
      };
    });
}
