/**
 * The evaluator's view: each objective of the drill with its capability, an HSEEP rating (P/S/M/U with the
 * labels in the current language) and observations (strengths, areas for improvement), and the ratings given so
 * far. Several ratings of one objective are kept; the report takes the worst.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPABILITY_NAMES, HSEEP_RATING_LABELS, objectiveAchievement, suggestRating } from '@tandem/core';
import type { DrillSummary, HseepRating, Objective } from '@tandem/core';
import { formatMetric, localized, ratingOptions } from './drill-model.ts';
import type { DrillInfo, DrillsApi, Evaluation } from './drills-api.ts';
import { BOX, BusyLine, ErrorLine, useAction } from './drill-widgets.tsx';

export function EvaluateView(props: { readonly drills: DrillsApi; readonly info: DrillInfo }) {
  const { drills, info } = props;
  const { t } = useTranslation();
  const [evaluations, setEvaluations] = useState<readonly Evaluation[]>([]);
  const [summary, setSummary] = useState<DrillSummary | undefined>(undefined);
  const load = useAction();

  const refresh = useCallback(async (): Promise<void> => {
    if (info.status === 'setup') return;
    const c = await load.run(t('drills.page.loading'), () => drills.control(info.id));
    if (c === undefined) return;
    setEvaluations(c.evaluations);
    setSummary(c.summarySoFar);
  }, [drills, info.id, info.status, load.run, t]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <section aria-labelledby="evaluate-heading" data-testid="evaluate-view">
      <h3 id="evaluate-heading">{t('drills.evaluate.heading')}</h3>
      <ErrorLine error={load.error} />
      {info.objectives.map((o) => (
        <ObjectiveForm
          key={`${o.id}:${summary === undefined ? '' : suggestRating(o, summary)}`}
          summary={summary}
          drills={drills}
          drillId={info.id}
          objective={o}
          disabled={info.status === 'setup'}
          onSaved={(e) => setEvaluations((list) => [...list, e])}
        />
      ))}
      <h4>{t('drills.evaluate.ratings')}</h4>
      <ul data-testid="evaluations">
        {evaluations.map((e) => (
          <li key={e.seq}>
            {e.objectiveId}: <strong>{e.rating}</strong> ({e.evaluator})
            {e.observations.map((ob, k) => (
              <span key={k}>
                {' '}
                · {ob.kind === 'strength' ? t('drills.evaluate.strength') : t('drills.evaluate.improvement')}: {ob.text}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ObjectiveForm(props: {
  readonly drills: DrillsApi;
  readonly drillId: string;
  readonly objective: Objective;
  readonly summary: DrillSummary | undefined;
  readonly disabled: boolean;
  readonly onSaved: (e: Evaluation) => void;
}) {
  const { drills, drillId, objective: o, summary, disabled, onSaved } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const suggested = summary === undefined ? undefined : suggestRating(o, summary);
  const figure = summary === undefined ? undefined : formatMetric(o.metric, objectiveAchievement(o, summary).value);
  const [rating, setRating] = useState<HseepRating>(suggested ?? 'P');
  const [kind, setKind] = useState<'strength' | 'area-for-improvement'>('strength');
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const save = useAction();

  const submit = async (): Promise<void> => {
    setSaved(undefined);
    const e = await save.run(t('drills.evaluate.saving'), () =>
      drills.evaluate(drillId, {
        objectiveId: o.id,
        rating,
        observations: text.trim() === '' ? [] : [{ kind, text: text.trim() }],
      }),
    );
    if (e === undefined) return;
    onSaved(e);
    setSaved(t('drills.evaluate.saved', { rating: `${e.rating} — ${localized(HSEEP_RATING_LABELS[e.rating], lang)}` }));
    setText('');
  };

  return (
    <form
      style={BOX}
      aria-label={localized(o.text, lang)}
      data-testid={`objective-${o.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p>
        <strong>{localized(o.text, lang)}</strong>{' '}
        <span className="hint">
          ({t('drills.evaluate.capability')}: {localized(CAPABILITY_NAMES[o.capability], lang)})
        </span>
      </p>
      {suggested === undefined || figure === undefined ? null : (
        <p className="hint" data-testid={`suggestion-${o.id}`}>
          {t('drills.evaluate.suggestion', {
            measured: figure.measured,
            target: figure.target,
            rating: `${suggested} — ${localized(HSEEP_RATING_LABELS[suggested], lang)}`,
          })}
        </p>
      )}
      <div className="row">
        <label>
          {t('drills.evaluate.ratingFor', { id: o.id })}
          <select value={rating} onChange={(e) => setRating(e.target.value as HseepRating)} name={`rating-${o.id}`}>
            {ratingOptions(HSEEP_RATING_LABELS, lang).map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('drills.evaluate.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} name={`kind-${o.id}`}>
            <option value="strength">{t('drills.evaluate.strength')}</option>
            <option value="area-for-improvement">{t('drills.evaluate.improvement')}</option>
          </select>
        </label>
      </div>
      <label>
        {t('drills.evaluate.observationsFor', { id: o.id })}
        <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} name={`observations-${o.id}`} />
      </label>
      <button type="submit" disabled={disabled || save.busy !== undefined}>
        {t('drills.evaluate.saveFor', { id: o.id })}
      </button>
      <BusyLine text={save.busy} />
      <ErrorLine error={save.error} />
      {saved === undefined ? null : <p role="status">{saved}</p>}
    </form>
  );
}
