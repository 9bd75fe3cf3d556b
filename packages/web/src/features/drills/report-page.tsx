/**
 * The after-action report of a finished drill: summary figures, containment over time, the timeline, the map of
 * areas, tracks and truth, findings, the improvement plan (controllers close corrective actions), the PDF in the
 * current language, the replay on the map, and the trend of the scenario family across drills.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPABILITY_NAMES } from '@tandem/core';
import { LineChart, TimelineChart } from '../../charts/charts.tsx';
import { OverlayMap } from '../../map/overlay-map.tsx';
import {
  canControl,
  containmentSeries,
  drillLang,
  formatMetric,
  formatSimTime,
  localized,
  replayFrameData,
  replayTrails,
  simUtc,
  summaryFigures,
  timelineAxis,
  timelineLanes,
  trendSeries,
} from './drill-model.ts';
import type { DrillInfo, DrillReplay, DrillReport, DrillsApi, TrendFamily } from './drills-api.ts';
import { BusyLine, ErrorLine, MapLegend, useAction } from './drill-widgets.tsx';

function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const pct = (x: number): string => `${x.toFixed(0)} %`;

export function ReportPage(props: {
  readonly drills: DrillsApi;
  readonly info: DrillInfo;
  readonly roles: readonly string[];
}) {
  const { drills, info, roles } = props;
  const { t, i18n } = useTranslation();
  const lang = drillLang(i18n.language);
  const [report, setReport] = useState<DrillReport | undefined>(undefined);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const load = useAction();
  const pdf = useAction();
  const close = useAction();

  const refresh = useCallback(async (): Promise<void> => {
    const r = await load.run(t('drills.page.loading'), () => drills.report(info.id, lang));
    if (r !== undefined) setReport(r);
  }, [drills, info.id, lang, load.run, t]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const downloadPdf = async (): Promise<void> => {
    const blob = await pdf.run(t('drills.report.pdfBusy'), () => drills.pdf(info.id, lang));
    if (blob !== undefined) saveBlob(`drill-${info.id}-${lang}.pdf`, blob);
  };

  const closeAction = async (actionId: string): Promise<void> => {
    const note = notes[actionId]?.trim() ?? '';
    const r = await close.run(t('drills.clock.busy'), () => drills.closeAction(info.id, actionId, note));
    if (r === undefined || report === undefined) return;
    setReport({ ...report, report: { ...report.report, improvementPlan: r.improvementPlan } });
  };

  if (report === undefined)
    return (
      <div data-testid="report-page">
        <BusyLine text={load.busy} />
        <ErrorLine error={load.error} />
      </div>
    );

  const s = report.summary;
  const controller = canControl(roles);
  const axis = timelineAxis(info.startTimeS, info.durationS);
  return (
    <div data-testid="report-page">
      <h3>{t('drills.report.heading', { name: localized(report.report.name, lang) })}</h3>
      <div className="row">
        <button type="button" className="primary" disabled={pdf.busy !== undefined} onClick={() => void downloadPdf()}>
          {t('drills.report.pdf')}
        </button>
      </div>
      <BusyLine text={pdf.busy} />
      <ErrorLine error={pdf.error} />

      <section aria-labelledby="summary-heading">
        <h4 id="summary-heading">{t('drills.report.summary')}</h4>
        <dl className="facts" data-testid="report-summary">
          {summaryFigures(s).map((f) => (
            <div key={f.key} style={{ display: 'contents' }}>
              <dt>{t(`drills.report.${f.key}`)}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="report-map-heading">
        <h4 id="report-map-heading">{t('drills.report.mapTitle')}</h4>
        <div className="row" style={{ alignItems: 'flex-start' }}>
          <div style={{ flex: '1 1 520px' }}>
            <OverlayMap data={report.map} label={t('drills.report.mapTitle')} bounds={report.bounds} height="400px" />
          </div>
          <MapLegend data={report.map} />
        </div>
      </section>

      {s.containment.length === 0 ? null : (
        <LineChart
          title={t('drills.report.containmentTitle')}
          series={[containmentSeries(s, t('drills.report.containmentSeries'))]}
          xLabel={t('drills.report.hoursFromStart')}
          yLabel={t('drills.report.percent')}
          xFormat={(x) => `${x.toFixed(1)} h`}
          yFormat={pct}
          yMin={0}
          yMax={100}
        />
      )}

      <section aria-labelledby="report-timeline-heading">
        <h4 id="report-timeline-heading">{t('drills.report.timelineTitle')}</h4>
        <TimelineChart
          title={t('drills.report.timelineTitle')}
          lanes={timelineLanes(report.report.timeline, axis, lang, (l) => t(`drills.timeline.${l}`))}
          domain={axis.domain}
          xFormat={axis.format}
          stateLabels={{ done: t('drills.timeline.happened') }}
        />
        <details>
          <summary>{t('drills.timeline.heading')}</summary>
          <ol>
            {report.report.timeline.map((e, k) => (
              <li key={k}>
                {formatSimTime(e.atS)} · {localized(e.text, lang)}
              </li>
            ))}
          </ol>
        </details>
      </section>

      <section aria-labelledby="findings-heading">
        <h4 id="findings-heading">{t('drills.report.findings')}</h4>
        <table className="plan" data-testid="findings">
          <thead>
            <tr>
              <th>{t('drills.evaluate.objective')}</th>
              <th>{t('drills.evaluate.capability')}</th>
              <th>{t('drills.evaluate.rating')}</th>
              <th>{t('drills.report.measured')}</th>
              <th>{t('drills.evaluate.observations')}</th>
            </tr>
          </thead>
          <tbody>
            {report.report.findings.map((f) => (
              <tr key={f.objectiveId}>
                <td>{localized(f.objective, lang)}</td>
                <td>{localized(f.capabilityName, lang)}</td>
                <td>
                  {f.rating} — {localized(f.ratingLabel, lang)} {f.suggested ? t('drills.report.suggested') : ''}
                </td>
                <td>
                  {(() => {
                    const o = info.objectives.find((x) => x.id === f.objectiveId);
                    if (o === undefined) return f.measured ?? '—';
                    const m = formatMetric(o.metric, f.measured);
                    return `${m.measured} (${m.target})`;
                  })()}
                </td>
                <td>{f.observations.map((o) => o.text).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="improvement-heading">
        <h4 id="improvement-heading">{t('drills.report.improvementPlan')}</h4>
        {report.report.improvementPlan.actions.length === 0 ? (
          <p className="hint">{t('drills.report.noActions')}</p>
        ) : (
          <table className="plan" data-testid="improvement-plan">
            <thead>
              <tr>
                <th>{t('drills.report.action')}</th>
                <th>{t('drills.evaluate.capability')}</th>
                <th>{t('drills.report.state')}</th>
                <th>{t('drills.report.closureNote')}</th>
              </tr>
            </thead>
            <tbody>
              {report.report.improvementPlan.actions.map((a) => (
                <tr key={a.id}>
                  <td>
                    {localized(a.text, lang)}
                    {a.raisedIn !== info.id ? <span className="hint"> ({t('drills.report.carried')})</span> : null}
                  </td>
                  <td>{localized(CAPABILITY_NAMES[a.capability], lang)}</td>
                  <td>{a.status === 'open' ? t('drills.report.open') : t('drills.report.closed')}</td>
                  <td>
                    {a.status === 'closed' ? (
                      (a.closureNote ?? '')
                    ) : controller ? (
                      <form
                        className="row"
                        onSubmit={(e) => {
                          e.preventDefault();
                          void closeAction(a.id);
                        }}
                      >
                        <label className="small">
                          <span className="visually-hidden">
                            {t('drills.report.closureNoteFor', { id: a.objectiveId })}
                          </span>
                          <input
                            value={notes[a.id] ?? ''}
                            aria-label={t('drills.report.closureNoteFor', { id: a.objectiveId })}
                            onChange={(e) => setNotes((n) => ({ ...n, [a.id]: e.target.value }))}
                          />
                        </label>
                        <button type="submit" disabled={close.busy !== undefined || (notes[a.id] ?? '').trim() === ''}>
                          {t('drills.report.closeFor', { id: a.objectiveId })}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <BusyLine text={close.busy} />
        <ErrorLine error={close.error} />
      </section>

      <Replay drills={drills} info={info} />
      <Trends drills={drills} info={info} />
    </div>
  );
}

function Replay({ drills, info }: { readonly drills: DrillsApi; readonly info: DrillInfo }) {
  const { t } = useTranslation();
  const [replay, setReplay] = useState<DrillReplay | undefined>(undefined);
  const [k, setK] = useState(0);
  const [playing, setPlaying] = useState(false);
  const load = useAction();
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);

  useEffect(() => {
    void load
      .run(t('drills.page.loading'), () => drills.replay(info.id, 300))
      .then((r) => {
        if (r !== undefined) setReplay(r);
      });
  }, [drills, info.id, load.run, t]);

  const n = replay?.frames.length ?? 0;
  useEffect(() => {
    if (!playing) return undefined;
    timer.current = setInterval(() => {
      setK((x) => {
        if (x + 1 >= n) {
          setPlaying(false);
          return x;
        }
        return x + 1;
      });
    }, 300);
    return () => clearInterval(timer.current);
  }, [playing, n]);

  const unitIds = useMemo(() => info.units.map((u) => u.id), [info.units]);
  const frame = replay?.frames[Math.min(k, n - 1)];
  const data = useMemo(
    () =>
      replay === undefined || frame === undefined
        ? { type: 'FeatureCollection' as const, features: [] }
        : replayFrameData(replay, frame, unitIds, replayTrails(replay.frames, k)),
    [replay, frame, unitIds, k],
  );

  return (
    <section aria-labelledby="replay-heading" data-testid="replay">
      <h4 id="replay-heading">{t('drills.report.replay')}</h4>
      <BusyLine text={load.busy} />
      <ErrorLine error={load.error} />
      {replay === undefined || frame === undefined ? null : (
        <>
          <div className="row">
            <button
              type="button"
              onClick={() => {
                if (!playing && k + 1 >= n) setK(0);
                setPlaying((p) => !p);
              }}
            >
              {playing ? t('drills.report.pause') : t('drills.report.play')}
            </button>
            <label style={{ flex: 1 }}>
              {t('drills.report.replayTime')}
              <input
                type="range"
                min={0}
                max={n - 1}
                step={1}
                value={Math.min(k, n - 1)}
                onChange={(e) => {
                  setPlaying(false);
                  setK(Number(e.target.value));
                }}
                name="replayTime"
              />
            </label>
            <output data-testid="replay-time">
              {formatSimTime(frame.atS)} · {simUtc(info.startTimeS, frame.atS)}
            </output>
          </div>
          <div className="row" style={{ alignItems: 'flex-start' }}>
            <div style={{ flex: '1 1 520px' }}>
              <OverlayMap data={data} label={t('drills.report.replay')} bounds={replay.bounds} height="380px" />
            </div>
            <MapLegend data={data} />
          </div>
        </>
      )}
    </section>
  );
}

function Trends({ drills, info }: { readonly drills: DrillsApi; readonly info: DrillInfo }) {
  const { t, i18n } = useTranslation();
  const [family, setFamily] = useState<TrendFamily | undefined | null>(null);
  const load = useAction();

  useEffect(() => {
    void load
      .run(t('drills.page.loading'), () => drills.trends())
      .then((r) => {
        if (r !== undefined) setFamily(r.families.find((f) => f.family === info.template.family));
      });
  }, [drills, info.template.family, load.run, t]);

  const name = family === null || family === undefined ? info.template.family : localized(family.name, i18n.language);
  return (
    <section aria-labelledby="trends-heading" data-testid="trends">
      <h4 id="trends-heading">{t('drills.report.trends', { family: name })}</h4>
      <BusyLine text={load.busy} />
      <ErrorLine error={load.error} />
      {family === null ? null : family === undefined || family.points.length < 2 ? (
        <p className="hint">{t('drills.report.trendsNone')}</p>
      ) : (
        <>
          <LineChart
            title={t('drills.report.trends', { family: name })}
            series={trendSeries(family, {
              pos: t('drills.report.trendPos'),
              containment: t('drills.report.trendContainment'),
              survivors: t('drills.report.trendSurvivors'),
            })}
            xLabel={t('drills.report.drillNumber')}
            yLabel={t('drills.report.percent')}
            xFormat={(x) => (Number.isInteger(x) ? String(x) : '')}
            yFormat={pct}
            yMin={0}
            yMax={100}
          />
          <ol>
            {family.points.map((p) => (
              <li key={p.drillId}>
                {p.drillId === info.id ? (
                  <strong>{p.title}</strong>
                ) : (
                  <a href={`#/drills/${p.drillId}/report`}>{p.title}</a>
                )}{' '}
                · {simUtc(p.startTimeS, 0)} · POS {(p.posAchieved * 100).toFixed(1)} %
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
