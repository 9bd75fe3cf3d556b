/**
 * The SAR planner's workbench: the case form, environment, drift job with progress and playback, the IAMSAR
 * manual datum, units of both nations, the plan with its exports, the tracks actually run and the case
 * timeline, beside the map (the shell's `#/case` page). Numbers come from core (via the server or the what-if
 * worker); this file only wires state to views.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knotsToMetersPerSecond, LEEWAY_CATEGORIES, MANUAL_LEEWAY_TABLE, metersToNauticalMiles } from '@tandem/core';
import type { ApiClient } from '../../api/api-client.ts';
import type { Catalogue, DriftCloud, JobView, PlanResponse, PlanView, SarRecord, User } from '../../api/api-client.ts';
import { MapView, EMPTY } from '../../map/map-view.tsx';
import type { MapLayers } from '../../map/map-view.tsx';
import {
  arraysAt,
  basesLayer,
  cloudAt,
  coverageLayer,
  manualLayer,
  planLayers,
  unitColor,
  weightedCloud,
} from '../../map/case-layers.ts';
import {
  caseManualDatum,
  forcingFilesOf,
  scenarioDocument,
  squareMetersToSquareNauticalMiles,
  whatIfRequest,
} from '../case-model.ts';
import type { CaseForm } from '../case-model.ts';
import { formatDegreesMinutes, parseDegreesMinutes } from '../../geo/degrees-minutes.ts';
import { UtcTime } from '../utc-time.tsx';
import { WhatIfClient } from '../../worker/whatif-client.ts';
import type { WhatIfAnswer } from '../../worker/whatif-protocol.ts';
import { WHATIF_DEFAULTS } from '../../worker/whatif-config.ts';

const LIFE_RAFT = LEEWAY_CATEGORIES.find((c) => /life ?raft/i.test(c.description)) ?? LEEWAY_CATEGORIES[0];

const INITIAL: CaseForm = {
  title: '',
  lonDeg: 129.05,
  latDeg: 34.75,
  timeUtc: '2026-01-15T00:00:00Z',
  leewayCategoryId: LIFE_RAFT?.id ?? 1,
  uncertaintyNm: 1,
  particles: 2000,
  durationH: 24,
  windKt: 19.4,
  windFromDeg: 315,
  currentKt: 0.58,
  currentToDeg: 45,
  manualObject: 'Survival Craft - Maritime Life Raft - No Ballast - Unknown',
};

interface DriftState {
  readonly scenarioId: string;
  readonly driftRunId: string;
  readonly job: JobView | undefined;
  readonly cloud: DriftCloud | undefined;
  readonly error: string | undefined;
}

interface UnitChoice {
  readonly use: boolean;
  readonly baseId: string;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function CaseWorkbench({ api, user }: { readonly api: ApiClient; readonly user: User }) {
  const { t, i18n } = useTranslation();
  const [catalogue, setCatalogue] = useState<Catalogue | undefined>(undefined);
  const [dataFiles, setDataFiles] = useState<SarRecord[]>([]);
  const [form, setForm] = useState<CaseForm>({ ...INITIAL });
  const [latText, setLatText] = useState(formatDegreesMinutes(INITIAL.latDeg, 'lat'));
  const [lonText, setLonText] = useState(formatDegreesMinutes(INITIAL.lonDeg, 'lon'));
  const [positionError, setPositionError] = useState<string | undefined>(undefined);
  const [picking, setPicking] = useState(false);
  const [envMode, setEnvMode] = useState<'constants' | 'files'>('constants');
  const [drift, setDrift] = useState<DriftState | undefined>(undefined);
  const [timeIndex, setTimeIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [showHeat, setShowHeat] = useState(true);
  const [showParticles, setShowParticles] = useState(true);
  const [whatIf, setWhatIf] = useState<{ answer: WhatIfAnswer; ms: number } | undefined>(undefined);
  const [units, setUnits] = useState<Record<string, UnitChoice>>({});
  const [plan, setPlan] = useState<PlanResponse | undefined>(undefined);
  const [planError, setPlanError] = useState<string | undefined>(undefined);
  const [planBusy, setPlanBusy] = useState(false);
  const [approval, setApproval] = useState<{ approverName: string; approvedUtc: number } | undefined>(undefined);
  const [approving, setApproving] = useState(false);
  const [cloudMode, setCloudMode] = useState<'drift' | 'plan'>('drift');
  const [timeline, setTimeline] = useState<SarRecord[]>([]);
  const [sweepObject, setSweepObject] = useState('Raft 6 person');
  const [sortieHours, setSortieHours] = useState(8);
  const [lastTracks, setLastTracks] = useState<{ fileName: string; text: string }[] | undefined>(undefined);
  const whatIfClient = useRef<WhatIfClient | null>(null);

  useEffect(() => {
    api.catalogue().then(
      (c) => {
        setCatalogue(c);
        const first: Record<string, UnitChoice> = {};
        for (const nation of ['KR', 'JP'] as const) {
          const base = c.bases.find((b) => b.nation === nation && b.kind === 'port');
          const type = c.unitTypes.find((u) => u.nation === nation && u.platform === 'boat');
          if (base !== undefined && type !== undefined) first[type.id] = { use: true, baseId: base.id };
        }
        setUnits(first);
      },
      () => undefined,
    );
    api.list('data-files').then(
      (r) => setDataFiles(r.items),
      () => undefined,
    );
  }, [api, user]);

  useEffect(() => {
    const c = new WhatIfClient((answer, ms) => {
      if (answer instanceof Error) return;
      setWhatIf({ answer, ms });
    });
    whatIfClient.current = c;
    return () => c.terminate();
  }, []);

  const nTimes = drift?.cloud?.times.length ?? whatIf?.answer.timesS.length ?? 0;

  useEffect(() => {
    if (!playing || nTimes === 0) return;
    const id = setInterval(() => setTimeIndex((k) => (k + 1) % nTimes), 400);
    return () => clearInterval(id);
  }, [playing, nTimes]);

  const refreshTimeline = useCallback(
    async (scenarioId: string) => {
      const [sc, runs, plans] = await Promise.all([api.list('scenarios'), api.list('drift-runs'), api.list('plans')]);
      const runIds = new Set(runs.items.filter((r) => r.derivedFrom.includes(scenarioId)).map((r) => r.id));
      const items = [
        ...sc.items.filter((r) => r.id === scenarioId),
        ...runs.items.filter((r) => runIds.has(r.id)),
        ...plans.items.filter((r) => r.derivedFrom.some((d) => runIds.has(d))),
      ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      setTimeline(items);
    },
    [api],
  );

  const setPosition = (lon: number, lat: number) => {
    setForm((f) => ({ ...f, lonDeg: lon, latDeg: lat }));
    setLatText(formatDegreesMinutes(lat, 'lat'));
    setLonText(formatDegreesMinutes(lon, 'lon'));
    setPositionError(undefined);
  };

  const commitTypedPosition = () => {
    try {
      const lat = parseDegreesMinutes(latText, 'lat', t('case.lat'));
      const lon = parseDegreesMinutes(lonText, 'lon', t('case.lon'));
      setForm((f) => ({ ...f, lonDeg: lon, latDeg: lat }));
      setPositionError(undefined);
      if (lon !== form.lonDeg || lat !== form.latDeg) whatIfClient.current?.request(whatIfRequest(form, [lon, lat]));
    } catch (err) {
      setPositionError(t('case.badPosition', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  const runDrift = async () => {
    setDrift(undefined);
    setPlan(undefined);
    setWhatIf(undefined);
    setTimeIndex(0);
    try {
      const title = form.title.trim() === '' ? t('case.defaultTitle') : form.title.trim();
      const files = envMode === 'files' ? forcingFilesOf(dataFiles) : undefined;
      const scenario = await api.createScenario(title, scenarioDocument(form, files));
      const started = await api.startDriftRun(scenario.id);
      const base: DriftState = {
        scenarioId: scenario.id,
        driftRunId: started.record.id,
        job: undefined,
        cloud: undefined,
        error: undefined,
      };
      setDrift(base);
      void refreshTimeline(scenario.id);
      const end = await api.followJob(started.jobId, (job) => setDrift((d) => (d === undefined ? d : { ...d, job })));
      if (end.status !== 'succeeded') {
        setDrift({ ...base, job: end, error: end.error ?? end.status });
        return;
      }
      const cloud = await api.driftCloud(started.record.id);
      setDrift({ ...base, job: end, cloud });
      setTimeIndex(cloud.times.length - 1);
      setCloudMode('drift');
      void refreshTimeline(scenario.id);
    } catch (err) {
      setDrift((d) => ({
        scenarioId: d?.scenarioId ?? '',
        driftRunId: d?.driftRunId ?? '',
        job: d?.job,
        cloud: undefined,
        error: err instanceof Error ? err.message : String(err),
      }));
    }
  };

  const chosenUnits = () =>
    Object.entries(units)
      .filter(([, c]) => c.use)
      .map(([typeId, c]) => {
        const type = catalogue?.unitTypes.find((u) => u.id === typeId);
        return { id: typeId, nation: type?.nation ?? 'KR', type: typeId, baseId: c.baseId };
      });

  const atTime = (): string => drift?.cloud?.times[timeIndex] ?? drift?.cloud?.times.at(-1) ?? form.timeUtc;

  const generatePlan = async (tracks?: { fileName: string; text: string }[]) => {
    if (drift?.cloud === undefined) return;
    setPlanBusy(true);
    setPlanError(undefined);
    try {
      const r = await api.plan({
        driftRunId: drift.driftRunId,
        atTime: atTime(),
        units: chosenUnits(),
        searchObject: sweepObject,
        sortieHours,
        windSpeedMps: knotsToMetersPerSecond(form.windKt),
        ...(tracks === undefined ? {} : { tracks }),
        save: true,
      });
      setPlan(r);
      setApproval(undefined);
      setCloudMode('plan');
      void refreshTimeline(drift.scenarioId);
    } catch (err) {
      setPlanError(t('plan.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setPlanBusy(false);
    }
  };

  const approvePlan = async (planId: string) => {
    setApproving(true);
    setPlanError(undefined);
    try {
      const rec = await api.request<{ body: { planOfRecord: { approverName: string; approvedUtc: number } } }>(
        'POST',
        `/api/plans/${encodeURIComponent(planId)}/approve`,
        {},
      );
      setApproval(rec.body.planOfRecord);
      if (drift !== undefined) void refreshTimeline(drift.scenarioId);
    } catch (err) {
      setPlanError(t('plan.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setApproving(false);
    }
  };

  const uploadTracks = async (files: FileList | null) => {
    if (files === null || files.length === 0) return;
    const tracks = await Promise.all(Array.from(files, async (f) => ({ fileName: f.name, text: await f.text() })));
    setLastTracks(tracks);
    await generatePlan(tracks);
  };

  const manual = useMemo(() => {
    try {
      return caseManualDatum(form);
    } catch {
      return undefined;
    }
  }, [form]);

  const shownPlan: PlanView | undefined = plan?.afterSearch?.next ?? plan?.plan;

  const layers: MapLayers = useMemo(() => {
    let particles = EMPTY;
    if (cloudMode === 'plan' && shownPlan !== undefined) particles = weightedCloud(shownPlan.cloud);
    else if (whatIf !== undefined) {
      const n = whatIf.answer.timesS.length;
      const k = nTimes === 0 ? n - 1 : Math.min(n - 1, Math.round((timeIndex / Math.max(1, nTimes - 1)) * (n - 1)));
      particles = arraysAt(whatIf.answer.count, whatIf.answer.lonDeg, whatIf.answer.latDeg, k);
    } else if (drift?.cloud !== undefined)
      particles = cloudAt(drift.cloud, Math.min(timeIndex, drift.cloud.times.length - 1));
    const pl = planLayers(shownPlan);
    return {
      particles,
      coverage: envMode === 'files' ? coverageLayer(dataFiles) : EMPTY,
      bases: basesLayer(catalogue),
      manual: manualLayer(manual),
      patterns: pl.patterns,
      intercepts: pl.intercepts,
    };
  }, [cloudMode, shownPlan, whatIf, drift, timeIndex, nTimes, envMode, dataFiles, catalogue, manual]);

  const onDrag = useCallback(
    (lonLat: [number, number], done: boolean) => {
      whatIfClient.current?.request(whatIfRequest(form, lonLat));
      setCloudMode('drift');
      if (done) setPosition(lonLat[0], lonLat[1]);
    },
    [form],
  );

  const job = drift?.job;
  const progress = job?.progress ?? 0;

  return (
    <div className="work">
      <aside className="panel">
        <section aria-labelledby="case-h">
          <h2 id="case-h">{t('case.heading')}</h2>
          <label>
            {t('case.title')}
            <input
              name="title"
              value={form.title}
              placeholder={t('case.defaultTitle')}
              onChange={(e) => setForm({ ...form, title: e.target.value })}
            />
          </label>
          <div className="row">
            <label>
              {t('case.lat')}
              <input
                name="lat"
                value={latText}
                onChange={(e) => setLatText(e.target.value)}
                onBlur={commitTypedPosition}
              />
            </label>
            <label>
              {t('case.lon')}
              <input
                name="lon"
                value={lonText}
                onChange={(e) => setLonText(e.target.value)}
                onBlur={commitTypedPosition}
              />
            </label>
          </div>
          <p className="hint">{t('case.dmHelp')}</p>
          {positionError === undefined ? null : (
            <p role="alert" className="error">
              {positionError}
            </p>
          )}
          <button type="button" aria-pressed={picking} onClick={() => setPicking(!picking)}>
            {picking ? t('case.picking') : t('case.pick')}
          </button>
          <label>
            {t('case.object')}
            <select
              name="object"
              value={form.leewayCategoryId}
              onChange={(e) => setForm({ ...form, leewayCategoryId: Number(e.target.value) })}
            >
              {LEEWAY_CATEGORIES.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id}. {c.description}
                </option>
              ))}
            </select>
          </label>
          <div className="row">
            <label>
              {t('case.time')}
              <input
                name="time"
                type="datetime-local"
                value={form.timeUtc.slice(0, 16)}
                onChange={(e) => setForm({ ...form, timeUtc: `${e.target.value}:00Z` })}
              />
            </label>
            <label>
              {t('case.uncertainty')}
              <input
                name="uncertainty"
                type="number"
                min={0.01}
                step={0.1}
                value={form.uncertaintyNm}
                onChange={(e) => setForm({ ...form, uncertaintyNm: Number(e.target.value) })}
              />
            </label>
          </div>
          <div className="row">
            <label>
              {t('case.particles')}
              <input
                name="particles"
                type="number"
                min={100}
                max={20000}
                step={100}
                value={form.particles}
                onChange={(e) => setForm({ ...form, particles: Number(e.target.value) })}
              />
            </label>
            <label>
              {t('case.duration')}
              <input
                name="duration"
                type="number"
                min={1}
                max={120}
                value={form.durationH}
                onChange={(e) => setForm({ ...form, durationH: Number(e.target.value) })}
              />
            </label>
          </div>
        </section>

        <section aria-labelledby="env-h">
          <h2 id="env-h">{t('env.heading')}</h2>
          <div role="radiogroup" aria-labelledby="env-h" className="row">
            <label className="inline">
              <input
                type="radio"
                name="env"
                checked={envMode === 'constants'}
                onChange={() => setEnvMode('constants')}
              />
              {t('env.constants')}
            </label>
            <label className="inline">
              <input type="radio" name="env" checked={envMode === 'files'} onChange={() => setEnvMode('files')} />
              {t('env.files')}
            </label>
          </div>
          {envMode === 'constants' ? (
            <div className="grid4">
              {(
                [
                  ['windKt', 'env.windSpeed', 0.1],
                  ['windFromDeg', 'env.windFrom', 1],
                  ['currentKt', 'env.currentSpeed', 0.01],
                  ['currentToDeg', 'env.currentTo', 1],
                ] as const
              ).map(([key, label, step]) => (
                <label key={key}>
                  {t(label)}
                  <input
                    name={key}
                    type="number"
                    step={step}
                    value={form[key]}
                    onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) })}
                  />
                </label>
              ))}
            </div>
          ) : dataFiles.length === 0 ? (
            <p>{t('env.noFiles')}</p>
          ) : (
            <ul>
              {dataFiles.map((f) => (
                <li key={f.id}>{f.title}</li>
              ))}
              <li className="hint">{t('env.coverage')}</li>
            </ul>
          )}
        </section>

        <section aria-labelledby="drift-h">
          <h2 id="drift-h">{t('drift.heading')}</h2>
          <button type="button" className="primary" onClick={() => void runDrift()}>
            {t('drift.run')}
          </button>
          {drift === undefined ? null : (
            <>
              <label>
                {t('drift.progress')}
                <progress max={1} value={progress} data-testid="drift-progress">
                  {pct(progress)}
                </progress>
              </label>
              <p aria-live="polite" data-testid="drift-status">
                {drift.error !== undefined
                  ? t('drift.failed', { message: drift.error })
                  : drift.cloud !== undefined
                    ? t('drift.finished', { count: drift.cloud.count, hours: form.durationH })
                    : `${job?.status ?? t('drift.queued')} ${pct(progress)}`}
              </p>
            </>
          )}
          {nTimes > 0 ? (
            <>
              <label>
                {t('drift.time')}
                <input
                  type="range"
                  name="time-slider"
                  min={0}
                  max={nTimes - 1}
                  value={Math.min(timeIndex, nTimes - 1)}
                  onChange={(e) => {
                    setTimeIndex(Number(e.target.value));
                    setCloudMode('drift');
                  }}
                />
              </label>
              {drift?.cloud?.times[timeIndex] === undefined ? null : <UtcTime iso={drift.cloud.times[timeIndex]} />}
              <div className="row">
                <button type="button" onClick={() => setPlaying(!playing)}>
                  {playing ? t('drift.pause') : t('drift.play')}
                </button>
                <label className="inline">
                  <input type="checkbox" checked={showHeat} onChange={(e) => setShowHeat(e.target.checked)} />
                  {t('drift.heat')}
                </label>
                <label className="inline">
                  <input type="checkbox" checked={showParticles} onChange={(e) => setShowParticles(e.target.checked)} />
                  {t('drift.particles')}
                </label>
              </div>
            </>
          ) : null}
          <p className="hint">{t('drift.whatIf', { count: WHATIF_DEFAULTS.particleCount })}</p>
          {whatIf === undefined ? null : (
            <p data-testid="whatif-time">{t('drift.whatIfTime', { ms: Math.round(whatIf.ms) })}</p>
          )}
        </section>

        <section aria-labelledby="manual-h">
          <h2 id="manual-h">{t('manual.heading')}</h2>
          <label>
            {t('case.object')}
            <select
              name="manualObject"
              value={form.manualObject}
              onChange={(e) => setForm({ ...form, manualObject: e.target.value })}
            >
              {MANUAL_LEEWAY_TABLE.map((m) => (
                <option key={m.description} value={m.description}>
                  {m.description}
                </option>
              ))}
            </select>
          </label>
          {manual === undefined ? null : (
            <dl className="facts" data-testid="manual">
              <dt>{t('manual.datum')}</dt>
              <dd>
                {formatDegreesMinutes(manual.mean[1], 'lat', 1)} {formatDegreesMinutes(manual.mean[0], 'lon', 1)}
              </dd>
              <dt>{t('manual.radius')}</dt>
              <dd>{metersToNauticalMiles(manual.left.searchRadiusM).toFixed(1)} NM</dd>
              <dt>{t('manual.divergence')}</dt>
              <dd>{metersToNauticalMiles(manual.divergenceDistanceM).toFixed(1)} NM</dd>
              <dt>{t('manual.area')}</dt>
              <dd>{squareMetersToSquareNauticalMiles(manual.areaM2).toFixed(0)} NM²</dd>
            </dl>
          )}
        </section>

        <section aria-labelledby="units-h">
          <h2 id="units-h">{t('units.heading')}</h2>
          {(['KR', 'JP'] as const).map((nation) => (
            <fieldset key={nation}>
              <legend>{nation === 'KR' ? t('units.nationKR') : t('units.nationJP')}</legend>
              {(catalogue?.unitTypes ?? [])
                .filter((u) => u.nation === nation)
                .map((u) => {
                  const choice = units[u.id];
                  const bases = (catalogue?.bases ?? []).filter((b) => b.nation === nation);
                  return (
                    <div key={u.id} className="unit-row">
                      <label className="inline">
                        <input
                          type="checkbox"
                          name={`unit-${u.id}`}
                          checked={choice?.use ?? false}
                          onChange={(e) =>
                            setUnits({
                              ...units,
                              [u.id]: { use: e.target.checked, baseId: choice?.baseId ?? bases[0]?.id ?? '' },
                            })
                          }
                        />
                        {u.operator}: {u.name}
                      </label>
                      <label className="inline small">
                        {t('units.base')}
                        <select
                          value={choice?.baseId ?? bases[0]?.id ?? ''}
                          onChange={(e) =>
                            setUnits({ ...units, [u.id]: { use: choice?.use ?? false, baseId: e.target.value } })
                          }
                        >
                          {bases.map((b) => (
                            <option key={b.id} value={b.id}>
                              {b.name}
                            </option>
                          ))}
                        </select>
                      </label>
                    </div>
                  );
                })}
            </fieldset>
          ))}
        </section>

        <section aria-labelledby="plan-h">
          <h2 id="plan-h">{t('plan.heading')}</h2>
          <label>
            {t('plan.searchObject')}
            <select name="sweepObject" value={sweepObject} onChange={(e) => setSweepObject(e.target.value)}>
              {(catalogue?.sweepWidthObjects ?? [sweepObject]).map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('plan.sortie')}
            <input
              name="sortieHours"
              type="number"
              min={1}
              max={96}
              step={0.5}
              value={sortieHours}
              onChange={(e) => setSortieHours(Number(e.target.value))}
            />
          </label>
          <button
            type="button"
            className="primary"
            disabled={drift?.cloud === undefined || planBusy || chosenUnits().length === 0}
            onClick={() => void generatePlan()}
          >
            {t('plan.generate')}
          </button>
          {planError === undefined ? null : (
            <p role="alert" className="error">
              {planError}
            </p>
          )}
          {plan === undefined ? null : <PlanTable view={plan.plan} testId="plan-table" />}
          {plan === undefined || plan.planId === null ? null : (
            <div className="plan-of-record" role="group" aria-label={t('plan.ofRecord')}>
              <p className="hint">{t('plan.aiNotice')}</p>
              {approval === undefined ? (
                <button
                  type="button"
                  disabled={approving || !user.roles.some((r) => r === 'sar_planner' || r === 'administrator')}
                  onClick={() => void approvePlan(plan.planId ?? '')}
                >
                  {t('plan.approve')}
                </button>
              ) : (
                <p role="status" data-testid="plan-of-record">
                  {t('plan.approved', { name: approval.approverName })}{' '}
                  <UtcTime iso={new Date(approval.approvedUtc * 1000).toISOString()} />
                </p>
              )}
            </div>
          )}
          {plan === undefined ? null : (
            <div className="exports" role="group" aria-label={t('plan.export')}>
              <h3>{t('plan.export')}</h3>
              {Object.entries(plan.plan.files.gpx).map(([unit, text]) => (
                <button key={unit} type="button" onClick={() => download(`${unit}.gpx`, text, 'application/gpx+xml')}>
                  {t('plan.gpx', { unit })}
                </button>
              ))}
              <button
                type="button"
                onClick={() => download('plan.kml', plan.plan.files.kml, 'application/vnd.google-earth.kml+xml')}
              >
                {t('plan.kml')}
              </button>
              <button
                type="button"
                onClick={() => download('plan.geojson', plan.plan.files.geojson, 'application/geo+json')}
              >
                {t('plan.geojson')}
              </button>
              <button
                type="button"
                onClick={() =>
                  download(
                    `search-action.${i18n.language}.txt`,
                    plan.plan.files.messages[i18n.language]?.searchAction ?? '',
                    'text/plain;charset=utf-8',
                  )
                }
              >
                {t('plan.searchAction')}
              </button>
              <button
                type="button"
                onClick={() =>
                  download(
                    `sitrep.${i18n.language}.txt`,
                    plan.plan.files.messages[i18n.language]?.sitrep ?? '',
                    'text/plain;charset=utf-8',
                  )
                }
              >
                {t('plan.sitrep')}
              </button>
              <pre className="message" data-testid="search-action" tabIndex={0}>
                {plan.plan.files.messages[i18n.language]?.searchAction ?? ''}
              </pre>
            </div>
          )}
        </section>

        <section aria-labelledby="tracks-h">
          <h2 id="tracks-h">{t('tracks.heading')}</h2>
          <label>
            {t('tracks.upload')}
            <input
              type="file"
              name="tracks"
              multiple
              accept=".gpx,.csv,.geojson,.json"
              disabled={plan === undefined}
              onChange={(e) => void uploadTracks(e.target.files)}
            />
          </label>
          {plan?.afterSearch == null ? null : (
            <div data-testid="after-search">
              <p>{t('tracks.achieved', { pos: pct(plan.afterSearch.pos) })}</p>
              <p>{t('tracks.next', { pos: pct(plan.afterSearch.next.pos) })}</p>
              <PlanTable view={plan.afterSearch.next} testId="next-plan-table" />
              {lastTracks === undefined ? null : <p className="hint">{lastTracks.map((x) => x.fileName).join(', ')}</p>}
            </div>
          )}
        </section>

        <section aria-labelledby="timeline-h">
          <h2 id="timeline-h">{t('timeline.heading')}</h2>
          {timeline.length === 0 ? (
            <p>{t('timeline.empty')}</p>
          ) : (
            <ol className="timeline" data-testid="timeline">
              {timeline.map((r) => (
                <li key={r.id}>
                  <UtcTime iso={r.createdAt} />{' '}
                  <strong>
                    {r.kind === 'scenario'
                      ? t('timeline.scenario')
                      : r.kind === 'drift_run'
                        ? t('timeline.driftRun')
                        : t('timeline.plan')}
                  </strong>
                  : {r.title}
                </li>
              ))}
            </ol>
          )}
        </section>
      </aside>
      <main className="map-wrap">
        <MapView
          layers={layers}
          lkp={[form.lonDeg, form.latDeg]}
          showHeat={showHeat}
          showParticles={showParticles}
          picking={picking}
          label={t('map.label')}
          onPick={(p) => {
            setPosition(p[0], p[1]);
            setPicking(false);
          }}
          onDrag={onDrag}
        />
      </main>
    </div>
  );
}

function PlanTable(props: { view: PlanView; testId: string }) {
  const { t } = useTranslation();
  const v = props.view;
  return (
    <table className="plan" data-testid={props.testId}>
      <caption>
        {t('plan.totalPos')}: <strong data-testid="total-pos">{pct(v.pos)}</strong>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('plan.unit')}</th>
          <th scope="col">{t('plan.pattern')}</th>
          <th scope="col">{t('plan.pod')}</th>
          <th scope="col">{t('plan.pos')}</th>
          <th scope="col">{t('plan.track')}</th>
          <th scope="col">{t('plan.intercept')}</th>
        </tr>
      </thead>
      <tbody>
        {v.units.map((u, k) => (
          <tr key={u.id}>
            <th scope="row">
              <span className="swatch" style={{ background: unitColor(k) }} aria-hidden="true" /> {u.id} ({u.nation})
            </th>
            <td>{u.pattern ?? t('plan.noPattern')}</td>
            <td>{pct(u.pod)}</td>
            <td>{pct(u.pos)}</td>
            <td>{metersToNauticalMiles(u.trackLengthM).toFixed(1)} NM</td>
            <td>{u.intercept === null ? '—' : <UtcTime iso={u.intercept.time} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
