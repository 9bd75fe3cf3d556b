/**
 * The follow-through dashboard: whether the commitments are being carried out. Charts of completed activities per
 * quarter and area (cadence) and of the on-time rate per area, a timeline of every linked activity, the overdue
 * list, and each commitment with its activities (by title in the current language, `data-activity-id`) and evidence.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../page.ts';
import { BarChart, LineChart, TimelineChart, paletteColor } from '../../charts/charts.tsx';
import { textIn, utcDate } from '../dialogues/dialogues-api.ts';
import type { Activity, FollowThroughView } from './follow-through-api.ts';
import { areaOrder, followThrough } from './follow-through-api.ts';

function activityDate(a: Activity): number | undefined {
  return a.state === 'done' ? a.completedUtc : (a.plannedUtc ?? a.dueUtc);
}

export function ActivityLine(props: { a: Activity }) {
  const { t, i18n } = useTranslation();
  const a = props.a;
  const date = activityDate(a);
  return (
    <li data-activity-id={a.id} data-state={a.state} className={`activity state-${a.state}`}>
      <span className="activity-title">{textIn(a.title, i18n.language)}</span>{' '}
      <span className="hint">
        {t(`followThrough.kind.${a.kind}`)} · {t(`followThrough.state.${a.state}`)}
        {date === undefined ? '' : ` · ${utcDate(date)}`}
        {a.state === 'overdue' && a.dueUtc !== undefined
          ? ` · ${t('followThrough.page.due', { date: utcDate(a.dueUtc) })}`
          : ''}
      </span>
      <div className="evidence">
        {t('followThrough.page.evidence')}:{' '}
        {a.evidence.length === 0
          ? t('followThrough.page.noEvidence')
          : a.evidence.map((e, k) => (
              <span key={k}>
                {k === 0 ? '' : '; '}
                {/^https?:\/\//.test(e.reference) ? (
                  <a href={e.reference} target="_blank" rel="noreferrer noopener">
                    {e.reference}
                  </a>
                ) : (
                  e.reference
                )}
              </span>
            ))}
      </div>
    </li>
  );
}

export function FollowThroughPage(props: PageProps) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<FollowThroughView | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    followThrough(props.api).then(setView, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [props.api]);
  if (error !== undefined) {
    return (
      <main className="area">
        <h2>{t('followThrough.page.heading')}</h2>
        <p role="alert">{error}</p>
      </main>
    );
  }
  if (view === undefined) {
    return (
      <main className="area">
        <h2>{t('followThrough.page.heading')}</h2>
        <p>{t('followThrough.page.loading')}</p>
      </main>
    );
  }
  const areaName = (a: string) => t(`followThrough.area.${a}`, { defaultValue: a });
  const ft = view.followThrough;
  const areas = [...ft.areas].sort((a, b) => areaOrder(a.area, b.area));
  const byId = new Map(view.activities.map((a) => [a.id, a]));
  const quarters = view.perQuarter.map((q) => q.quarter);
  const lang = i18n.language;
  return (
    <main className="area follow-through">
      <h2>{t('followThrough.page.heading')}</h2>
      <p className="hint">{t('followThrough.page.asOf', { date: utcDate(ft.asOfUtc) })}</p>
      <div className="charts">
        <LineChart
          title={t('followThrough.page.cadence')}
          xLabel={t('followThrough.page.quarter')}
          yLabel={t('followThrough.page.completed')}
          yMin={0}
          xFormat={(x) => (Number.isInteger(x) ? (quarters[x] ?? '') : '')}
          yFormat={(y) => (Number.isInteger(y) ? String(y) : '')}
          series={areas.map((a, k) => ({
            label: areaName(a.area),
            color: paletteColor(k),
            points: view.perQuarter.map((q, i) => ({ x: i, y: q.counts[a.area] ?? 0 })),
          }))}
        />
        <BarChart
          title={t('followThrough.page.onTime')}
          yLabel={t('followThrough.page.onTimeAxis')}
          yMax={100}
          yFormat={(y) => `${Math.round(y)}%`}
          bars={areas.flatMap((a, k) =>
            a.onTimeRate === null
              ? []
              : [{ label: areaName(a.area), value: a.onTimeRate * 100, color: paletteColor(k) }],
          )}
        />
      </div>
      <TimelineChart
        title={t('followThrough.page.timeline')}
        nowMs={ft.asOfUtc * 1000}
        stateLabels={{
          done: t('followThrough.state.done'),
          planned: t('followThrough.state.planned'),
          overdue: t('followThrough.state.overdue'),
          cancelled: t('followThrough.state.cancelled'),
        }}
        lanes={areas.map((a) => ({
          label: areaName(a.area),
          items: ft.timeline
            .filter((e) => e.area === a.area)
            .map((e) => ({
              startMs: e.utc * 1000,
              label: textIn(byId.get(e.activityId)?.title, lang),
              state: e.state,
            })),
        }))}
      />
      <section aria-labelledby="ft-overdue">
        <h3 id="ft-overdue">{t('followThrough.page.overdue')}</h3>
        {ft.overdue.length === 0 ? (
          <p>{t('followThrough.page.noOverdue')}</p>
        ) : (
          <ul className="overdue-list">
            {ft.overdue.map((o) => {
              const a = byId.get(o.id);
              return a === undefined ? null : <ActivityLine key={o.id} a={a} />;
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="ft-commitments">
        <h3 id="ft-commitments">{t('followThrough.page.commitments')}</h3>
        {areas.map((a) => (
          <section key={a.area} className="ft-area" data-area={a.area} aria-label={areaName(a.area)}>
            <h4>{areaName(a.area)}</h4>
            <p className="hint">
              {a.cadenceDays === null
                ? ''
                : a.lastDoneUtc === null
                  ? t('followThrough.page.cadenceNone')
                  : a.cadenceMet === true
                    ? t('followThrough.page.cadenceMet', { days: a.cadenceDays })
                    : t('followThrough.page.cadenceMissed', {
                        days: a.cadenceDays,
                        since: Math.round(a.daysSinceLastDone ?? 0),
                      })}
            </p>
            {view.commitments
              .filter((c) => c.area === a.area)
              .map((c) => (
                <div key={c.id} className="commitment" data-commitment-id={c.id}>
                  <h5>
                    {textIn(c.title, lang)} <span className="hint">({c.source})</span>
                  </h5>
                  {c.activityIds.length === 0 ? (
                    <p>{t('followThrough.page.noActivities')}</p>
                  ) : (
                    <ul>
                      {c.activityIds
                        .map((id) => byId.get(id))
                        .filter((x): x is Activity => x !== undefined)
                        .sort((x, y) => (activityDate(x) ?? 0) - (activityDate(y) ?? 0))
                        .map((x) => (
                          <ActivityLine key={x.id} a={x} />
                        ))}
                    </ul>
                  )}
                </div>
              ))}
          </section>
        ))}
      </section>
    </main>
  );
}
