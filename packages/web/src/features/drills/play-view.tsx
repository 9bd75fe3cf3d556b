/**
 * The player's view (sar_planner): briefing, simulated clock, injects as delivered, the map (reported datum and
 * sightings, units, plan areas, unit tracks), the optimiser's proposal with an explicit "accept as plan of
 * record" act, messages to the partner RCC, and the re-plan cue after each inject. It requests only
 * `/player`, `/proposal` and `/actions`: never the controllers' `/control`.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlayerView } from '@tandem/core';
import { OverlayMap } from '../../map/overlay-map.tsx';
import { boundsAround, formatSimTime, localized, nm, playerMapData, proposalParts, windText } from './drill-model.ts';
import type { UnitTrack } from './drill-model.ts';
import type { DrillInfo, DrillsApi, Proposal } from './drills-api.ts';
import { BOX, BusyLine, ErrorLine, MapLegend, SimClockLine, UnitStatesTable, useAction } from './drill-widgets.tsx';

const POLL_MS = 4000;

export function PlayView(props: {
  readonly drills: DrillsApi;
  readonly info: DrillInfo;
  readonly onInfo: (info: DrillInfo) => void;
  readonly nation: 'KR' | 'JP';
}) {
  const { drills, info, onInfo, nation } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [view, setView] = useState<PlayerView | undefined>(undefined);
  const [proposal, setProposal] = useState<Proposal | undefined>(undefined);
  const [accepted, setAccepted] = useState<string | undefined>(undefined);
  const partner = nation === 'KR' ? 'JCG RCC' : 'KCG RCC';
  const [messageTo, setMessageTo] = useState(partner);
  const [messageText, setMessageText] = useState('');
  const trails = useRef(new Map<string, number[][]>());
  const [trailVersion, setTrailVersion] = useState(0);
  const load = useAction();
  const act = useAction();

  const take = useCallback((v: PlayerView): void => {
    for (const u of v.units) {
      const list = trails.current.get(u.id) ?? [];
      const last = list[list.length - 1];
      if (u.status === 'at-base') {
        if (list.length > 0) trails.current.set(u.id, []);
      } else if (last === undefined || last[0] !== u.position[0] || last[1] !== u.position[1]) {
        list.push([u.position[0], u.position[1]]);
        trails.current.set(u.id, list);
      }
    }
    setTrailVersion((n) => n + 1);
    setView(v);
  }, []);

  const refresh = useCallback(async (): Promise<void> => {
    if (info.status === 'setup') return;
    const v = await load.run(t('drills.page.loading'), () => drills.player(info.id));
    if (v !== undefined) take(v);
  }, [drills, info.id, info.status, load.run, t, take]);

  useEffect(() => {
    void refresh();
  }, [refresh, info.version, info.simS]);

  useEffect(() => {
    if (info.status === 'finished') return undefined;
    const timer = setInterval(() => {
      void drills.get(info.id).then(onInfo, () => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [drills, info.id, info.status, onInfo]);

  const parts = useMemo(() => (proposal === undefined ? undefined : proposalParts(proposal.actions)), [proposal]);
  const tracks = useMemo<UnitTrack[]>(
    () => [...trails.current.entries()].map(([unitId, points]) => ({ unitId, points })),
    // The trails live in a ref; `trailVersion` marks their change.
    [trailVersion],
  );
  const mapData = useMemo(
    () =>
      view === undefined
        ? { type: 'FeatureCollection' as const, features: [] }
        : playerMapData(view, { proposal: parts, tracks }),
    [view, parts, tracks],
  );
  const bounds = useMemo(() => boundsAround(info.reportedPosition), [info.reportedPosition]);
  const running = useMemo(
    () => (info.status === 'running' ? { factor: info.clockFactor, durationS: info.durationS } : undefined),
    [info.status, info.clockFactor, info.durationS],
  );
  const canAct = info.status === 'running' || info.status === 'paused';
  const lastPlanAtS = view?.plans[view.plans.length - 1]?.atS;
  const lastInjectAtS = view?.injects[view.injects.length - 1]?.atS;
  const replan = lastInjectAtS !== undefined && (lastPlanAtS === undefined || lastInjectAtS > lastPlanAtS);
  const unitName = (id: string): string => info.units.find((u) => u.id === id)?.name ?? id;

  const propose = async (): Promise<void> => {
    setAccepted(undefined);
    const p = await act.run(t('drills.player.proposing'), () => drills.proposal(info.id));
    if (p !== undefined) setProposal(p);
  };

  const accept = async (): Promise<void> => {
    if (proposal === undefined) return;
    const r = await act.run(t('drills.player.accepting'), () => drills.actions(info.id, proposal.actions));
    if (r === undefined) return;
    take(r.player);
    const plan = r.player.plans[r.player.plans.length - 1];
    setAccepted(t('drills.player.accepted', { time: formatSimTime(r.atS), count: plan?.areas.length ?? 0 }));
    setProposal(undefined);
  };

  const send = async (): Promise<void> => {
    if (messageText.trim() === '') return;
    const r = await act.run(t('drills.clock.busy'), () =>
      drills.actions(info.id, [{ kind: 'message', to: messageTo, text: messageText.trim() }]),
    );
    if (r === undefined) return;
    take(r.player);
    setMessageText('');
  };

  if (info.status === 'setup')
    return (
      <div data-testid="play-view">
        <p className="hint">{t('drills.player.noInjects')}</p>
      </div>
    );

  return (
    <div data-testid="play-view">
      <p>
        {t('drills.clock.status')}: <strong>{t(`drills.status.${info.status}`)}</strong> ·{' '}
        <SimClockLine startTimeS={info.startTimeS} atS={view?.atS ?? info.simS} running={running} />
      </p>
      <ErrorLine error={load.error} />
      {view === undefined ? (
        <BusyLine text={load.busy} />
      ) : (
        <>
          <section aria-labelledby="briefing-heading" style={BOX}>
            <h3 id="briefing-heading">{t('drills.player.briefing')}</h3>
            <p>{localized(view.description, lang)}</p>
            <dl className="facts">
              <dt>{t('drills.player.difficulty')}</dt>
              <dd>{t(`drills.library.${view.difficulty}`)}</dd>
              <dt>{t('drills.player.environment')}</dt>
              <dd>{localized(view.environment.label, lang)}</dd>
              <dt>{t('drills.player.wind')}</dt>
              <dd>{windText(view.environment.windSpeedMps, view.environment.windFromDeg)}</dd>
              <dt>{t('drills.player.visibility')}</dt>
              <dd>{nm(view.environment.visibilityM)}</dd>
              <dt>{t('drills.player.sea')}</dt>
              <dd>{view.environment.seaHeightM.toFixed(1)} m</dd>
              <dt>{t('drills.player.waterTemp')}</dt>
              <dd>{view.environment.waterTempC.toFixed(0)} °C</dd>
              <dt>{t('drills.player.light')}</dt>
              <dd>{view.environment.night ? t('drills.player.night') : t('drills.player.day')}</dd>
              <dt>{t('drills.player.srr')}</dt>
              <dd>{view.srr ?? '—'}</dd>
            </dl>
            <h4>{t('drills.player.objectives')}</h4>
            <ul>
              {view.objectives.map((o) => (
                <li key={o.id}>{localized(o.text, lang)}</li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="injects-heading">
            <h3 id="injects-heading">{t('drills.player.injects')}</h3>
            {view.injects.length === 0 ? <p className="hint">{t('drills.player.noInjects')}</p> : null}
            <ol data-testid="inject-feed">
              {view.injects.map((i) => (
                <li key={i.id}>
                  <strong>{formatSimTime(i.atS)}</strong> {localized(i.text, lang)}
                  {i.position === undefined
                    ? null
                    : ` (${i.position.latDeg.toFixed(3)}°N ${i.position.lonDeg.toFixed(3)}°E ± ${nm(i.position.errorM)})`}
                </li>
              ))}
            </ol>
            {replan ? (
              <p role="status" className="hint" data-testid="replan">
                {t('drills.player.replan')}
              </p>
            ) : null}
          </section>

          <section aria-labelledby="player-map-heading">
            <h3 id="player-map-heading">{t('drills.map.label')}</h3>
            <div className="row" style={{ alignItems: 'flex-start' }}>
              <div style={{ flex: '1 1 520px' }}>
                <OverlayMap data={mapData} label={t('drills.map.label')} bounds={bounds} height="400px" />
              </div>
              <MapLegend data={mapData} />
            </div>
          </section>

          <section aria-labelledby="proposal-heading" style={BOX}>
            <h3 id="proposal-heading">{t('drills.player.proposal')}</h3>
            <button
              type="button"
              className="primary"
              disabled={!canAct || act.busy !== undefined}
              onClick={() => void propose()}
            >
              {t('drills.player.propose')}
            </button>
            <BusyLine text={act.busy} />
            <ErrorLine error={act.error} />
            {accepted === undefined ? null : (
              <p role="status" data-testid="accepted">
                {accepted}
              </p>
            )}
            {proposal === undefined || parts === undefined ? null : (
              <div data-testid="proposal">
                <p className="hint">{localized(proposal.note, lang)}</p>
                {proposal.plannedPos === null ? null : (
                  <p>{t('drills.player.proposalPos', { pos: `${(proposal.plannedPos * 100).toFixed(1)} %` })}</p>
                )}
                <table className="plan">
                  <thead>
                    <tr>
                      <th>{t('drills.player.unit')}</th>
                      <th>{t('drills.player.area')}</th>
                      <th>{t('drills.player.waypoints')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {parts.routes.map((r) => (
                      <tr key={r.unitId}>
                        <td>{unitName(r.unitId)}</td>
                        <td>{parts.areas.some((a) => a.unitId === r.unitId) ? '✓' : '—'}</td>
                        <td>{r.points.length}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {parts.messages.map((m, k) => (
                  <pre key={k} className="message">
                    {m.to}: {m.text}
                  </pre>
                ))}
                <div className="row">
                  <button
                    type="button"
                    className="primary"
                    disabled={!canAct || act.busy !== undefined || proposal.actions.length === 0}
                    onClick={() => void accept()}
                  >
                    {t('drills.player.accept')}
                  </button>
                  <button type="button" disabled={act.busy !== undefined} onClick={() => setProposal(undefined)}>
                    {t('drills.player.discard')}
                  </button>
                </div>
              </div>
            )}
          </section>

          <section aria-labelledby="plans-heading">
            <h3 id="plans-heading">{t('drills.player.plans')}</h3>
            {view.plans.length === 0 ? <p className="hint">{t('drills.player.noPlans')}</p> : null}
            <ol data-testid="plans">
              {view.plans.map((p, k) => (
                <li key={k}>
                  {formatSimTime(p.atS)} · {p.by} · {p.areas.map((a) => unitName(a.unitId)).join(', ')}
                </li>
              ))}
            </ol>
            <h4>{t('drills.player.detections')}</h4>
            {view.detections.length === 0 ? <p className="hint">{t('drills.player.noDetections')}</p> : null}
            <ul data-testid="detections">
              {view.detections.map((d, k) => (
                <li key={k}>
                  {formatSimTime(d.atS)} · {unitName(d.unitId)} · {localized(d.description, lang)}
                </li>
              ))}
            </ul>
          </section>

          <UnitStatesTable units={view.units} unitIds={view.units.map((x) => x.id)} headingId="units-heading-p" />

          <section aria-labelledby="messages-heading" style={BOX}>
            <h3 id="messages-heading">{t('drills.player.messages')}</h3>
            {view.messages.length === 0 ? <p className="hint">{t('drills.player.noMessages')}</p> : null}
            <ol data-testid="messages">
              {view.messages.map((m, k) => (
                <li key={k}>
                  {formatSimTime(m.atS)} · {m.from} → {m.to}: {m.text}
                </li>
              ))}
            </ol>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void send();
              }}
            >
              <label>
                {t('drills.player.messageTo')}
                <input value={messageTo} onChange={(e) => setMessageTo(e.target.value)} name="messageTo" />
              </label>
              <label>
                {t('drills.player.messageText')}
                <textarea
                  rows={3}
                  value={messageText}
                  onChange={(e) => setMessageText(e.target.value)}
                  name="messageText"
                />
              </label>
              <button type="submit" disabled={!canAct || act.busy !== undefined || messageText.trim() === ''}>
                {t('drills.player.send')}
              </button>
            </form>
          </section>
        </>
      )}
    </div>
  );
}
