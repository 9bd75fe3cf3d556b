/**
 * The public summary of the cooperation, for citizens of both nations: the three areas of the joint statement and
 * what was done in each and when, from records labelled public only. Shown without sign-in; neutral wording.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicPageProps } from '../page.ts';
import { BarChart, paletteColor } from '../../charts/charts.tsx';
import { textIn, utcDate } from '../dialogues/dialogues-api.ts';
import type { PublicSummary } from './follow-through-api.ts';
import { areaOrder, publicSummary } from './follow-through-api.ts';

export function PublicSummaryPage(props: PublicPageProps) {
  const { t, i18n } = useTranslation();
  const [summary, setSummary] = useState<PublicSummary | null | undefined>(undefined);
  useEffect(() => {
    publicSummary(props.api).then(setSummary, () => setSummary(null));
  }, [props.api]);
  const areaName = (a: string) => t(`followThrough.area.${a}`, { defaultValue: a });
  const lang = i18n.language;
  return (
    <main className="area public-summary">
      <h2>{t('followThrough.public.heading')}</h2>
      <p>{t('followThrough.public.intro')}</p>
      {summary === undefined ? <p>{t('followThrough.public.loading')}</p> : null}
      {summary === null ? <p role="alert">{t('followThrough.public.failed')}</p> : null}
      {summary === undefined || summary === null ? null : (
        <>
          <BarChart
            title={t('followThrough.public.chart')}
            yLabel={t('followThrough.public.count')}
            yFormat={(y) => (Number.isInteger(y) ? String(y) : '')}
            bars={[...summary.areas]
              .sort((a, b) => areaOrder(a.area, b.area))
              .map((a, k) => ({ label: areaName(a.area), value: a.done, color: paletteColor(k) }))}
          />
          {[...summary.areas]
            .sort((a, b) => areaOrder(a.area, b.area))
            .map((a) => (
              <section key={a.area} className="public-area" data-area={a.area} aria-label={areaName(a.area)}>
                <h3>{areaName(a.area)}</h3>
                <p>{t(`followThrough.areaAbout.${a.area}`, { defaultValue: '' })}</p>
                {a.commitments.map((c) => (
                  <p key={c.id}>
                    <strong>{textIn(c.title, lang)}</strong>{' '}
                    <span className="hint">{t('followThrough.public.source', { source: c.source })}</span>
                  </p>
                ))}
                <p>
                  {t('followThrough.public.doneCount', { count: a.done })}
                  {a.lastDoneUtc === null
                    ? ''
                    : ` · ${t('followThrough.public.lastDone', { date: utcDate(a.lastDoneUtc) })}`}
                </p>
                {a.activities.length === 0 ? (
                  <p>{t('followThrough.public.nothingYet')}</p>
                ) : (
                  <ul>
                    {a.activities.map((x) => (
                      <li key={x.id} data-activity-id={x.id} data-state={x.state}>
                        {x.dateUtc === null ? '' : `${utcDate(x.dateUtc)} · `}
                        {textIn(x.title, lang)}{' '}
                        <span className="hint">
                          ({t(`followThrough.kind.${x.kind}`)} · {t(`followThrough.public.${x.state}`)})
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
        </>
      )}
    </main>
  );
}
