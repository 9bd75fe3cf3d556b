/**
 * Evaluator ratings on the HSEEP scale (US FEMA, *Homeland Security Exercise and Evaluation Program*, 2020,
 * Exercise Evaluation Guide ratings): P performed without challenges, S performed with some challenges, M performed
 * with major challenges, U unable to be performed. Evaluators rate each objective with observations; a suggested
 * rating is derived from the drill's measured figures against the objective's target (a starting point for the
 * evaluator, who decides).
 */
import { TandemError } from '../errors/index.ts';
import type { Objective } from './drill-template.ts';
import type { DrillSummary } from './drill-session.ts';
import { text } from './localized-text.ts';
import type { DrillText } from './localized-text.ts';

export type HseepRating = 'P' | 'S' | 'M' | 'U';

export const HSEEP_RATINGS: readonly HseepRating[] = ['P', 'S', 'M', 'U'];

export const HSEEP_RATING_LABELS: Readonly<Record<HseepRating, DrillText>> = {
  P: text('Performed without challenges', '문제없이 수행', '課題なく実施'),
  S: text('Performed with some challenges', '일부 문제 있이 수행', '一部課題ありで実施'),
  M: text('Performed with major challenges', '중대한 문제 있이 수행', '重大な課題ありで実施'),
  U: text('Unable to be performed', '수행 불가', '実施できず'),
};

export interface Observation {
  readonly kind: 'strength' | 'area-for-improvement';
  readonly text: string;
}

export interface ObjectiveEvaluation {
  readonly objectiveId: string;
  readonly rating: HseepRating;
  readonly evaluator: string;
  readonly observations: readonly Observation[];
}

/** Fraction of the objective's target the drill achieved (1 = met), and the measured value. */
export function objectiveAchievement(o: Objective, s: DrillSummary): { ratio: number; value: number | null } {
  const m = o.metric;
  switch (m.kind) {
    case 'first-detection-within':
      return s.timeToFirstDetectionS === null
        ? { ratio: 0, value: null }
        : { ratio: Math.min(1, m.seconds / Math.max(1, s.timeToFirstDetectionS)), value: s.timeToFirstDetectionS };
    case 'first-on-scene-within':
      return s.timeToFirstUnitOnSceneS === null
        ? { ratio: 0, value: null }
        : { ratio: Math.min(1, m.seconds / Math.max(1, s.timeToFirstUnitOnSceneS)), value: s.timeToFirstUnitOnSceneS };
    case 'survivors-recovered-fraction': {
      const f = s.survivorsTotal === 0 ? 1 : s.survivorsRecovered / s.survivorsTotal;
      return { ratio: Math.min(1, f / m.fraction), value: f };
    }
    case 'mean-containment':
      return { ratio: Math.min(1, s.meanContainment / m.fraction), value: s.meanContainment };
    case 'pos-achieved':
      return { ratio: Math.min(1, s.posAchieved / m.fraction), value: s.posAchieved };
    case 'messages-sent':
      return { ratio: Math.min(1, s.messagesSent / m.count), value: s.messagesSent };
  }
}

/** Suggested rating: met → P; ≥ 2/3 of target → S; > 0 → M; nothing → U. */
export function suggestRating(o: Objective, s: DrillSummary): HseepRating {
  const { ratio } = objectiveAchievement(o, s);
  if (ratio >= 1) return 'P';
  if (ratio >= 2 / 3) return 'S';
  if (ratio > 0) return 'M';
  return 'U';
}

/** Check evaluations name objectives of the drill and valid ratings. */
export function validateEvaluations(objectives: readonly Objective[], evals: readonly ObjectiveEvaluation[]): void {
  evals.forEach((e, k) => {
    if (!objectives.some((o) => o.id === e.objectiveId))
      throw new TandemError(
        'INVALID_INPUT',
        `no objective "${e.objectiveId}" in this drill`,
        `evaluations[${k}].objectiveId`,
      );
    if (!HSEEP_RATINGS.includes(e.rating))
      throw new TandemError(
        'INVALID_INPUT',
        `rating must be one of ${HSEEP_RATINGS.join(', ')}`,
        `evaluations[${k}].rating`,
      );
  });
}
