/**
 * The exchanges area (issue 8). Routes: `#/exchanges` ferry route planner; `#/exchanges/plans` saved plans;
 * `#/exchanges/plan/:id` a plan with its clearances, support items and events; `#/exchanges/calendar[/YYYY-MM[/:id]]`
 * the shared calendar with the event life cycle and the ICS download.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../page.ts';
import { ExchangesApi, isEditor } from './exchanges-api.ts';
import type { AircraftTypeInfo, FerryPlanView, FerryRequest, PlanSummary, Releasability } from './exchanges-api.ts';
import { FerryResult, pick } from './ferry-result.tsx';
import { CalendarView, ErrorText, useRun } from './exchange-events.tsx';
import { PlanDetailView } from './plan-detail.tsx';

const icaoList = (s: string): string[] | undefined => {
  const xs = s
    .split(/[\s,]+/)
    .map((x) => x.trim().toUpperCase())
    .filter((x) => x !== '');
  return xs.length === 0 ? undefined : xs;
};

function Planner(props: {
  readonly api: ExchangesApi;
  readonly editor: boolean;
  readonly navigate: (r: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = props;
  const [types, setTypes] = useState<AircraftTypeInfo[]>([]);
  const [type, setType] = useState('T-50B');
  const [wind, setWind] = useState<'none' | 'constant' | 'forcing'>('none');
  const [windFiles, setWindFiles] = useState<{ id: string; title: string }[]>([]);
  const [result, setResult] = useState<{ plan: FerryPlanView; request: FerryRequest; computeMs: number } | undefined>();
  const [releasability, setReleasability] = useState<Releasability>('bilateral');
  const compute = useRun();
  const save = useRun();
  useEffect(() => {
    void api.aircraftTypes().then(
      (r) => setTypes(r.items),
      () => setTypes([]),
    );
    void api.windFiles().then(
      (r) => setWindFiles(r.items),
      () => setWindFiles([]),
    );
  }, [api]);
  const configurations = types.find((x) => x.item.id === type)?.item.configurations ?? [];

  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const n = (k: string) => (s(k) === '' ? undefined : Number(s(k)));
    const via = icaoList(s('via'));
    const stops = icaoList(s('stops'));
    const aircraft = n('aircraft');
    const perGroup = n('perGroup');
    const daysBetween = n('daysBetween');
    const request: FerryRequest = {
      type,
      ...(s('configuration') === '' ? {} : { configuration: s('configuration') }),
      from: s('from').toUpperCase(),
      to: s('to').toUpperCase(),
      ...(via === undefined ? {} : { via }),
      ...(f.get('anyOrder') === 'on' ? { anyOrder: true } : {}),
      ...(stops === undefined ? {} : { stops }),
      wind:
        wind === 'none'
          ? { kind: 'none' }
          : wind === 'forcing'
            ? { kind: 'forcing', dataFileId: s('windFile') }
            : { kind: 'constant', fromDeg: n('windFrom') ?? 0, speedKt: n('windSpeed') ?? 0 },
      ...(s('departure') === '' ? {} : { departure: s('departure') }),
      ...(aircraft === undefined ? {} : { aircraft }),
      ...(perGroup === undefined ? {} : { perGroup }),
      ...(daysBetween === undefined ? {} : { daysBetweenGroups: daysBetween }),
    };
    void compute.run(async () => {
      const r = await api.compute(request);
      setResult({ plan: r.plan, request, computeMs: r.computeMs });
    });
  };

  return (
    <section aria-label={t('exchanges.planner.heading')}>
      <h3>{t('exchanges.planner.heading')}</h3>
      <form onSubmit={submit} aria-label={t('exchanges.planner.heading')}>
        <div className="row">
          <label>
            {t('exchanges.planner.type')}
            <select value={type} onChange={(e) => setType(e.target.value)}>
              {(types.length === 0
                ? [{ item: { id: 'T-50B', name: { en: 'T-50B', ko: 'T-50B', ja: 'T-50B' } } }]
                : types
              ).map((x) => (
                <option key={x.item.id} value={x.item.id}>
                  {x.item.id} — {pick(x.item.name, i18n.language)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('exchanges.planner.configuration')}
            <select name="configuration" key={type}>
              {configurations.map((c) => (
                <option key={c.id} value={c.id}>
                  {pick(c.name, i18n.language)} ({(c.rangeM.value / 1000).toFixed(0)} km)
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('exchanges.planner.from')}
            <input name="from" required pattern="[A-Za-z]{4}" maxLength={4} defaultValue="RKNW" />
          </label>
          <label>
            {t('exchanges.planner.to')}
            <input name="to" required pattern="[A-Za-z]{4}" maxLength={4} defaultValue="ROAH" />
          </label>
        </div>
        <div className="row">
          <label>
            {t('exchanges.planner.via')}
            <input name="via" />
          </label>
          <label className="inline">
            <input type="checkbox" name="anyOrder" /> {t('exchanges.planner.anyOrder')}
          </label>
          <label>
            {t('exchanges.planner.stops')}
            <input name="stops" />
          </label>
        </div>
        <fieldset>
          <legend>{t('exchanges.planner.wind')}</legend>
          <label className="inline">
            <input type="radio" name="windKind" checked={wind === 'none'} onChange={() => setWind('none')} />{' '}
            {t('exchanges.planner.windNone')}
          </label>
          <label className="inline">
            <input type="radio" name="windKind" checked={wind === 'constant'} onChange={() => setWind('constant')} />{' '}
            {t('exchanges.planner.windConstant')}
          </label>
          {wind === 'constant' ? (
            <>
              <label>
                {t('exchanges.planner.windFrom')}
                <input name="windFrom" type="number" min={0} max={360} step="any" required />
              </label>
              <label>
                {t('exchanges.planner.windSpeed')}
                <input name="windSpeed" type="number" min={0} max={250} step="any" required />
              </label>
            </>
          ) : null}
          <label className="inline">
            <input
              type="radio"
              name="windKind"
              checked={wind === 'forcing'}
              disabled={windFiles.length === 0}
              onChange={() => setWind('forcing')}
            />{' '}
            {t('exchanges.planner.windForcing')}
          </label>
          {wind === 'forcing' ? (
            <label>
              {t('exchanges.planner.windFile')}
              <select name="windFile" required>
                {windFiles.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.title}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <p className="hint">{t('exchanges.planner.windForcingNote')}</p>
        </fieldset>
        <div className="row">
          <label>
            {t('exchanges.planner.departure')}
            <input name="departure" placeholder="2026-01-28T00:00:00Z" />
          </label>
          <label>
            {t('exchanges.planner.aircraft')}
            <input name="aircraft" type="number" min={1} max={100} />
          </label>
          <label>
            {t('exchanges.planner.perGroup')}
            <input name="perGroup" type="number" min={1} max={100} />
          </label>
          <label>
            {t('exchanges.planner.daysBetween')}
            <input name="daysBetween" type="number" min={0} max={30} />
          </label>
        </div>
        <button type="submit" className="primary" disabled={compute.busy}>
          {compute.busy ? t('exchanges.planner.computing') : t('exchanges.planner.submit')}
        </button>
      </form>
      <ErrorText error={compute.error} />
      {result === undefined ? null : (
        <>
          <p className="hint">{t('exchanges.planner.computeTime', { ms: result.computeMs })}</p>
          {result.plan.windSamples === undefined ? null : (
            <p className="hint" data-testid="wind-samples">
              {t('exchanges.planner.windSamples', result.plan.windSamples)}
            </p>
          )}
          <FerryResult plan={result.plan} />
          {props.editor ? (
            <form
              aria-label={t('exchanges.save.heading')}
              onSubmit={(ev) => {
                ev.preventDefault();
                const title = String(new FormData(ev.currentTarget).get('title') ?? '').trim();
                void save.run(async () => {
                  const rec = await api.savePlan(title, releasability, result.request);
                  props.navigate(`exchanges/plan/${rec.id}`);
                });
              }}
            >
              <h3>{t('exchanges.save.heading')}</h3>
              <div className="row">
                <label>
                  {t('exchanges.save.title')}
                  <input name="title" required maxLength={200} />
                </label>
                <label>
                  {t('exchanges.save.releasability')}
                  <select value={releasability} onChange={(e) => setReleasability(e.target.value as Releasability)}>
                    {(['national', 'bilateral', 'public'] as const).map((r) => (
                      <option key={r} value={r}>
                        {t(`exchanges.save.${r}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <button type="submit" className="primary" disabled={save.busy}>
                {save.busy ? t('exchanges.save.saving') : t('exchanges.save.submit')}
              </button>
              <ErrorText error={save.error} />
            </form>
          ) : null}
        </>
      )}
    </section>
  );
}

function PlanList({ api }: { readonly api: ExchangesApi }) {
  const { t } = useTranslation();
  const [plans, setPlans] = useState<PlanSummary[] | undefined>(undefined);
  const load = useRun();
  useEffect(() => {
    void load.run(async () => setPlans((await api.plans()).items));
  }, [api, load.run]);
  return (
    <section aria-label={t('exchanges.plans.heading')}>
      <h3>{t('exchanges.plans.heading')}</h3>
      <ErrorText error={load.error} />
      {plans !== undefined && plans.length === 0 ? <p className="hint">{t('exchanges.plans.none')}</p> : null}
      <ul>
        {(plans ?? []).map((p) => (
          <li key={p.id}>
            <a href={`#/exchanges/plan/${encodeURIComponent(p.id)}`}>{p.title}</a> · {p.typeId} {p.from} → {p.to} ·{' '}
            {p.legs} {t('exchanges.result.legs')} · {t('exchanges.plans.owner')} {p.ownerNation} ·{' '}
            {t(`exchanges.save.${p.releasability}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ExchangesPage(props: PageProps) {
  const { t } = useTranslation();
  const { api: client, user, path, navigate } = props;
  const api = useMemo(() => new ExchangesApi(client), [client]);
  const editor = isEditor(user.roles);
  const head = path[0];
  const tab = head === 'plans' || head === 'plan' ? 'plans' : head === 'calendar' ? 'calendar' : 'planner';
  return (
    <main className="area">
      <h2>{t('exchanges.page.heading')}</h2>
      <nav aria-label={t('exchanges.page.tabs')} className="row">
        <a href="#/exchanges" aria-current={tab === 'planner' ? 'page' : undefined}>
          {t('exchanges.page.planner')}
        </a>
        <a href="#/exchanges/plans" aria-current={tab === 'plans' ? 'page' : undefined}>
          {t('exchanges.page.plans')}
        </a>
        <a href="#/exchanges/calendar" aria-current={tab === 'calendar' ? 'page' : undefined}>
          {t('exchanges.page.calendar')}
        </a>
      </nav>
      {editor ? null : <p className="hint">{t('exchanges.page.readOnly')}</p>}
      {head === 'plan' && path[1] !== undefined ? (
        <PlanDetailView key={path[1]} api={api} user={user} id={path[1]} navigate={navigate} />
      ) : head === 'plans' ? (
        <PlanList api={api} />
      ) : head === 'calendar' ? (
        <CalendarView api={api} user={user} month={path[1]} selectedId={path[2]} navigate={navigate} />
      ) : (
        <Planner api={api} editor={editor} navigate={navigate} />
      )}
    </main>
  );
}
