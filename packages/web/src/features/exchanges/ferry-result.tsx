/** A computed ferry plan: verdict, the route on the map with its legend, the legs, the figures used and the schedule. */
import { useTranslation } from 'react-i18next';
import { OverlayMap } from '../../map/overlay-map.tsx';
import type { FerryPlanView, Text3 } from './exchanges-api.ts';
import { hoursMinutes, utcText } from './exchanges-api.ts';

export function pick(text: Text3 | undefined, language: string): string {
  if (text === undefined) return '';
  return language === 'ko' ? text.ko : language === 'ja' ? text.ja : text.en;
}

const pct = (f: number | null): string => (f === null ? '–' : `${(f * 100).toFixed(0)} %`);

const LEGEND = [
  { key: 'legendLeg', color: '#1f6feb' },
  { key: 'legendBadLeg', color: '#d1242f' },
  { key: 'legendDirect', color: '#8c959f' },
  { key: 'legendRing', color: '#bf8700' },
  { key: 'legendStop', color: '#0a3069' },
  { key: 'legendAlternate', color: '#6e7781' },
] as const;

export function FerryResult({ plan }: { readonly plan: FerryPlanView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const direct = plan.direct;
  const km = (x: number) => x.toLocaleString(lang, { maximumFractionDigits: 1 });
  const routeIsDirect = plan.legs.length === 1 && plan.legs[0]?.from === direct.from && plan.legs[0]?.to === direct.to;
  return (
    <section aria-label={t('exchanges.result.legs')}>
      <p role="status" className={plan.feasible ? 'verdict ok' : 'verdict error'}>
        {plan.feasible
          ? t('exchanges.result.feasible', {
              legs: plan.legs.length,
              km: km(plan.totalDistanceKm),
              time: hoursMinutes(plan.totalAirTimeS),
            })
          : t('exchanges.result.infeasible')}
      </p>
      {routeIsDirect ? (
        <p data-testid="direct-verdict">
          {t('exchanges.result.directOk', { from: direct.from, to: direct.to, km: km(direct.distanceKm) })}
        </p>
      ) : direct.feasible ? null : (
        <div data-testid="direct-verdict">
          <p>{t('exchanges.result.directRefused', { from: direct.from, to: direct.to, km: km(direct.distanceKm) })}</p>
          <ul>
            {direct.issues.map((i) => (
              <li key={i.code}>{pick(i.message, lang)}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="hint">
        {pick(plan.typeName, lang)} · {plan.configurationId} ·{' '}
        {t('exchanges.result.wind', { wind: pick(plan.wind, lang) })}
      </p>
      <div className="work">
        <div className="map-wrap">
          <OverlayMap data={plan.map} label={t('exchanges.result.map')} height="380px" />
        </div>
        <figure className="chart-legend" aria-label={t('exchanges.result.legend')}>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {LEGEND.map((l) => (
              <li key={l.key}>
                <span className="swatch" style={{ background: l.color }} aria-hidden="true" />{' '}
                {t(`exchanges.result.${l.key}`, { km: km(plan.rangeRingM / 1000) })}
              </li>
            ))}
          </ul>
        </figure>
      </div>
      <table className="plan" aria-label={t('exchanges.result.legs')}>
        <caption>{t('exchanges.result.legs')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('exchanges.result.leg')}</th>
            <th scope="col">{t('exchanges.result.fromTo')}</th>
            <th scope="col">{t('exchanges.result.distanceKm')}</th>
            <th scope="col">{t('exchanges.result.distanceNm')}</th>
            <th scope="col">{t('exchanges.result.track')}</th>
            <th scope="col">{t('exchanges.result.time')}</th>
            <th scope="col">{t('exchanges.result.rangeUsed')}</th>
            <th scope="col">{t('exchanges.result.fuelRequired')}</th>
            <th scope="col">{t('exchanges.result.alternate')}</th>
            <th scope="col">{t('exchanges.result.feasibleCol')}</th>
            <th scope="col">{t('exchanges.result.issues')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.legs.map((l) => (
            <tr key={l.index} data-leg-index={l.index}>
              <td>{l.index + 1}</td>
              <td>
                {l.from} → {l.to}
              </td>
              <td data-testid="leg-km">{km(l.distanceKm)}</td>
              <td>{km(l.distanceNm)}</td>
              <td>{l.initialTrackDeg.toFixed(0)}</td>
              <td>{hoursMinutes(l.timeS)}</td>
              <td>{pct(l.rangeUsedFraction)}</td>
              <td>{pct(l.fuelRequiredFraction)}</td>
              <td>{l.alternate === null ? '–' : `${l.alternate.icao} (${km(l.alternate.distanceKm)} km)`}</td>
              <td>{l.feasible ? t('exchanges.result.yes') : t('exchanges.result.no')}</td>
              <td>{l.issues.map((i) => pick(i.message, lang)).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{t('exchanges.result.figures')}</summary>
        <table className="plan">
          <thead>
            <tr>
              <th scope="col">{t('exchanges.result.figure')}</th>
              <th scope="col">{t('exchanges.result.value')}</th>
              <th scope="col">{t('exchanges.result.kindOf')}</th>
              <th scope="col">{t('exchanges.result.source')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.figures.map((f) => (
              <tr key={f.key}>
                <td>{f.key}</td>
                <td>
                  {f.value.toLocaleString(lang, { maximumFractionDigits: 2 })} {f.unit}
                </td>
                <td>{f.kind === 'published' ? t('exchanges.result.published') : t('exchanges.result.input')}</td>
                <td>{f.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          {t('exchanges.result.alternateRule', {
            required: plan.alternateRule.required ? t('exchanges.result.yes') : t('exchanges.result.no'),
            source: plan.alternateRule.source,
          })}
        </p>
      </details>
      {plan.schedule.length === 0 ? null : (
        <table className="plan" aria-label={t('exchanges.result.schedule')}>
          <caption>{t('exchanges.result.schedule')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exchanges.result.group')}</th>
              <th scope="col">{t('exchanges.result.aircraftCount')}</th>
              <th scope="col">{t('exchanges.result.day')}</th>
              <th scope="col">{t('exchanges.result.fromTo')}</th>
              <th scope="col">{t('exchanges.result.departure')}</th>
              <th scope="col">{t('exchanges.result.arrival')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.schedule.map((s) => (
              <tr key={`${s.group}-${s.legIndex}`}>
                <td>{s.group + 1}</td>
                <td>{s.aircraftCount}</td>
                <td>{s.day + 1}</td>
                <td>
                  {s.from} → {s.to}
                </td>
                <td>{utcText(s.departureUtc)}</td>
                <td>{utcText(s.arrivalUtc)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
