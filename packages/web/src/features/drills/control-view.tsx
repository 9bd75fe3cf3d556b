/**
 * The controller's view of a drill: the simulated clock (start, pause, resume with an acceleration factor,
 * advance, finish), the master scenario events list (scheduled and held injects, release), live injects in three
 * languages, the hidden truth on the map, unit states and the timeline.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TimelineChart } from '../../charts/charts.tsx';
import { OverlayMap } from '../../map/overlay-map.tsx';
import {
  boundsAround,
  controlMapData,
  formatSimTime,
  liveInjectRequest,
  localized,
  timelineAxis,
  timelineLanes,
} from './drill-model.ts';
import type { LiveInjectForm } from './drill-model.ts';
import type { ControlView as ControlData, DrillInfo, DrillsApi } from './drills-api.ts';
import { BOX, BusyLine, ErrorLine, MapLegend, SimClockLine, UnitStatesTable, useAction } from './drill-widgets.tsx';

const POLL_MS = 4000;

export function ControlView(props: {
  readonly drills: DrillsApi;
  readonly info: DrillInfo;
  readonly onInfo: (info: DrillInfo) => void;
}) {
  const { drills, info, onInfo } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [control, setControl] = useState<ControlData | undefined>(undefined);
  const [factor, setFactor] = useState(String(info.clockFactor));
  const [minutes, setMinutes] = useState('30');
  const [live, setLive] = useState({ en: '', ko: '', ja: '' });
  const [liveKind, setLiveKind] = useState<LiveInjectForm['kind']>('information');
  const [liveUnit, setLiveUnit] = useState('');
  const [liveWx, setLiveWx] = useState({ windKt: '', windFromDeg: '', visibilityNm: '', seaHeightM: '' });
  const act = useAction();
  const poll = useAction();

  const refresh = useCallback(async (): Promise<void> => {
    if (info.status === 'setup') {
      setControl(undefined);
      return;
    }
    const c = await poll.run(t('drills.page.loading'), () => drills.control(info.id));
    if (c !== undefined) setControl(c);
  }, [drills, info.id, info.status, poll.run, t]);

  useEffect(() => {
    void refresh();
  }, [refresh, info.version, info.simS]);

  useEffect(() => {
    if (info.status !== 'running') return undefined;
    const timer = setInterval(() => {
      void drills.get(info.id).then(onInfo, () => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [drills, info.id, info.status, onInfo]);

  const clock = async (busy: string, fn: () => Promise<DrillInfo>): Promise<void> => {
    const d = await act.run(busy, fn);
    if (d !== undefined) onInfo(d);
  };

  const unitIds = useMemo(() => info.units.map((u) => u.id), [info.units]);
  const mapData = useMemo(
    () =>
      control === undefined ? { type: 'FeatureCollection' as const, features: [] } : controlMapData(control, unitIds),
    [control, unitIds],
  );
  const bounds = useMemo(() => boundsAround(info.reportedPosition), [info.reportedPosition]);
  const running = useMemo(
    () => (info.status === 'running' ? { factor: info.clockFactor, durationS: info.durationS } : undefined),
    [info.status, info.clockFactor, info.durationS],
  );
  const axis = useMemo(() => timelineAxis(info.startTimeS, info.durationS), [info.startTimeS, info.durationS]);
  const atS = control?.atS ?? info.simS;
  const f = Number(factor);
  const busyText = t('drills.clock.busy');
  const pending = control?.pending.filter((p) => !p.held) ?? [];
  const held = control?.pending.filter((p) => p.held) ?? [];
  const canAct = info.status === 'running' || info.status === 'paused';

  return (
    <div data-testid="control-view">
      <section style={BOX} aria-labelledby="clock-heading">
        <h3 id="clock-heading">{t('drills.clock.heading')}</h3>
        <p>
          {t('drills.clock.status')}: <strong data-testid="drill-status">{t(`drills.status.${info.status}`)}</strong> ·{' '}
          <SimClockLine startTimeS={info.startTimeS} atS={atS} running={running} /> / {formatSimTime(info.durationS)}
        </p>
        <div className="row">
          <label>
            {t('drills.clock.factor')}
            <input
              type="number"
              min={1}
              max={10000}
              value={factor}
              onChange={(e) => setFactor(e.target.value)}
              name="clockFactor"
            />
          </label>
          {info.status === 'setup' ? (
            <button
              type="button"
              className="primary"
              disabled={act.busy !== undefined}
              onClick={() => void clock(busyText, () => drills.start(info.id, f))}
            >
              {t('drills.clock.start')}
            </button>
          ) : null}
          {info.status === 'running' ? (
            <button
              type="button"
              disabled={act.busy !== undefined}
              onClick={() => void clock(busyText, () => drills.pause(info.id))}
            >
              {t('drills.clock.pause')}
            </button>
          ) : null}
          {info.status === 'paused' ? (
            <button
              type="button"
              disabled={act.busy !== undefined}
              onClick={() => void clock(busyText, () => drills.resume(info.id, f))}
            >
              {t('drills.clock.resume')}
            </button>
          ) : null}
        </div>
        {canAct ? (
          <div className="row">
            <label>
              {t('drills.clock.advanceMinutes')}
              <input
                type="number"
                min={1}
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
                name="advanceMinutes"
              />
            </label>
            <button
              type="button"
              disabled={act.busy !== undefined}
              onClick={() =>
                void clock(busyText, () =>
                  drills.advance(info.id, Math.min(info.durationS, atS + Math.max(0, Number(minutes)) * 60)),
                )
              }
            >
              {t('drills.clock.advance')}
            </button>
            <button
              type="button"
              disabled={act.busy !== undefined || info.atEnd}
              onClick={() => void clock(busyText, () => drills.advance(info.id, info.durationS))}
            >
              {t('drills.clock.toEnd')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={act.busy !== undefined}
              onClick={() => void clock(busyText, () => drills.finish(info.id))}
            >
              {t('drills.clock.finish')}
            </button>
            <button type="button" disabled={poll.busy !== undefined} onClick={() => void refresh()}>
              {t('drills.clock.refresh')}
            </button>
          </div>
        ) : null}
        <BusyLine text={act.busy} />
        <ErrorLine error={act.error} />
        <ErrorLine error={info.status === 'setup' ? undefined : poll.error} />
      </section>

      {control === undefined ? null : (
        <>
          <section aria-labelledby="truth-heading">
            <h3 id="truth-heading">{t('drills.truth.heading')}</h3>
            <div className="row" style={{ alignItems: 'flex-start' }}>
              <div style={{ flex: '1 1 520px' }}>
                <OverlayMap data={mapData} label={t('drills.map.label')} bounds={bounds} height="380px" />
              </div>
              <MapLegend data={mapData} />
            </div>
            <table className="plan" data-testid="truth-table">
              <thead>
                <tr>
                  <th>{t('drills.truth.object')}</th>
                  <th>{t('drills.truth.position')}</th>
                  <th>{t('drills.truth.state')}</th>
                </tr>
              </thead>
              <tbody>
                {control.truth.objects.map((o) => (
                  <tr key={o.id}>
                    <td>
                      {localized(o.description, lang)} ({o.persons})
                    </td>
                    <td>{o.position === null ? '—' : `${o.position[1].toFixed(4)}°N ${o.position[0].toFixed(4)}°E`}</td>
                    <td>
                      {o.recoveredAtS !== null
                        ? `✓ ${formatSimTime(o.recoveredAtS)} (${o.recoveredBy ?? ''})`
                        : o.detectedAtS !== null
                          ? `◎ ${formatSimTime(o.detectedAtS)} (${o.detectedBy ?? ''})`
                          : o.position === null
                            ? formatSimTime(o.releaseAtS)
                            : '…'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="msel-heading">
            <h3 id="msel-heading">{t('drills.msel.heading')}</h3>
            <h4>{t('drills.msel.pending')}</h4>
            {pending.length === 0 ? <p className="hint">{t('drills.msel.none')}</p> : null}
            <ul data-testid="msel-pending">
              {pending.map((p) => (
                <li key={p.id}>
                  {t('drills.msel.due', { time: formatSimTime(p.atS) })} ·{' '}
                  {t(`drills.kinds.${p.kind}`, { defaultValue: p.kind })} · {localized(p.text, lang)}
                </li>
              ))}
            </ul>
            <h4>{t('drills.msel.contingency')}</h4>
            {held.length === 0 ? <p className="hint">{t('drills.msel.none')}</p> : null}
            <ul data-testid="msel-held">
              {held.map((p) => (
                <li key={p.id}>
                  {t(`drills.kinds.${p.kind}`, { defaultValue: p.kind })} · {localized(p.text, lang)}{' '}
                  <button
                    type="button"
                    disabled={!canAct || act.busy !== undefined}
                    onClick={() =>
                      void act.run(busyText, async () => {
                        await drills.releaseInject(info.id, p.id);
                        await refresh();
                      })
                    }
                  >
                    {t('drills.msel.release', { id: p.id })}
                  </button>
                </li>
              ))}
            </ul>
            <h4>{t('drills.msel.delivered')}</h4>
            <ol data-testid="msel-delivered">
              {control.delivered.map((d) => (
                <li key={d.id}>
                  {formatSimTime(d.atS)} · {localized(d.text, lang)}
                </li>
              ))}
            </ol>
          </section>

          <section style={BOX} aria-labelledby="live-heading">
            <h3 id="live-heading">{t('drills.live.heading')}</h3>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const req = liveInjectRequest({ text: live, kind: liveKind, unitId: liveUnit, ...liveWx });
                if ('problem' in req) {
                  act.setError(t(`drills.live.${req.problem}`));
                  return;
                }
                void act.run(busyText, async () => {
                  await drills.liveInject(info.id, req.text, req.effect);
                  setLive({ en: '', ko: '', ja: '' });
                  await refresh();
                });
              }}
            >
              <label>
                {t('drills.live.kind')}
                <select
                  name="live-kind"
                  value={liveKind}
                  onChange={(e) => setLiveKind(e.target.value as LiveInjectForm['kind'])}
                >
                  <option value="information">{t('drills.live.information')}</option>
                  <option value="unit-breakdown">{t('drills.live.unitBreakdown')}</option>
                  <option value="weather-change">{t('drills.live.weatherChange')}</option>
                </select>
              </label>
              {liveKind === 'unit-breakdown' && (
                <label>
                  {t('drills.live.unit')}
                  <select name="live-unit" value={liveUnit} onChange={(e) => setLiveUnit(e.target.value)}>
                    <option value="">{t('drills.live.chooseUnit')}</option>
                    {control.units.map((u) => (
                      <option key={u.id} value={u.id} disabled={u.status === 'broken'}>
                        {u.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {liveKind === 'weather-change' && (
                <fieldset>
                  <legend>{t('drills.live.weather')}</legend>
                  {(
                    [
                      ['windKt', 'windKt', '0.1'],
                      ['windFromDeg', 'windFrom', '1'],
                      ['visibilityNm', 'visibilityNm', '0.1'],
                      ['seaHeightM', 'seaHeightM', '0.1'],
                    ] as const
                  ).map(([field, key, step]) => (
                    <label key={field}>
                      {t(`drills.live.${key}`)}
                      <input
                        type="number"
                        inputMode="decimal"
                        step={step}
                        min={0}
                        name={`live-${field}`}
                        value={liveWx[field]}
                        onChange={(e) => setLiveWx((x) => ({ ...x, [field]: e.target.value }))}
                      />
                    </label>
                  ))}
                </fieldset>
              )}
              {(['en', 'ko', 'ja'] as const).map((l) => (
                <label key={l}>
                  {t(`drills.live.${l}`)}
                  <textarea
                    rows={2}
                    value={live[l]}
                    lang={l}
                    name={`live-${l}`}
                    onChange={(e) => setLive((x) => ({ ...x, [l]: e.target.value }))}
                  />
                </label>
              ))}
              <button type="submit" disabled={!canAct || act.busy !== undefined}>
                {t('drills.live.add')}
              </button>
            </form>
          </section>

          <UnitStatesTable units={control.units} unitIds={unitIds} headingId="units-heading" testId="unit-states" />

          <section aria-labelledby="timeline-heading">
            <h3 id="timeline-heading">{t('drills.timeline.heading')}</h3>
            {control.timeline.length === 0 ? (
              <p className="hint">{t('drills.timeline.empty')}</p>
            ) : (
              <TimelineChart
                title={t('drills.timeline.heading')}
                lanes={timelineLanes(control.timeline, axis, lang, (l) => t(`drills.timeline.${l}`))}
                nowMs={axis.toMs(atS)}
                domain={axis.domain}
                xFormat={axis.format}
                stateLabels={{ done: t('drills.timeline.happened') }}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}
