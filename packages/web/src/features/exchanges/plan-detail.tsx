/**
 * A saved ferry plan: the route, the clearances each leg needs with what is on file and the lead-time warnings,
 * the support items with their legal basis, and the exchange events of the stopover.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/api-client.ts';
import type { ClearanceView, ExchangesApi, PlanDetail } from './exchanges-api.ts';
import { isEditor, utcText } from './exchanges-api.ts';
import { FerryResult, pick } from './ferry-result.tsx';
import { BOX, ErrorText, EventCard, EventForm, useRun } from './exchange-events.tsx';

const STATUSES = ['requested', 'approved', 'draft', 'denied', 'withdrawn'] as const;
const SUPPORT_KINDS = ['fuel', 'ground-handling', 'lodging', 'transport', 'maintenance', 'medical', 'other'] as const;

function formFields(ev: FormEvent<HTMLFormElement>): (k: string) => string {
  ev.preventDefault();
  const f = new FormData(ev.currentTarget);
  return (k: string) => String(f.get(k) ?? '').trim();
}

/** Only the non-empty optional fields of a clearance form. */
function clearanceFields(s: (k: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['requested', 'approved', 'reference', 'validFrom', 'validTo']) if (s(k) !== '') out[k] = s(k);
  return out;
}

function ClearanceDates() {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('exchanges.clearances.requestedDate')}
        <input name="requested" placeholder="2026-01-01T00:00:00Z" />
      </label>
      <label>
        {t('exchanges.clearances.approvedDate')}
        <input name="approved" placeholder="2026-01-10T00:00:00Z" />
      </label>
      <label>
        {t('exchanges.clearances.reference')}
        <input name="reference" maxLength={200} />
      </label>
      <label>
        {t('exchanges.clearances.validFrom')}
        <input name="validFrom" />
      </label>
      <label>
        {t('exchanges.clearances.validTo')}
        <input name="validTo" />
      </label>
    </>
  );
}

export function PlanDetailView(props: {
  readonly api: ExchangesApi;
  readonly user: User;
  readonly id: string;
  readonly navigate: (route: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { api, user, id } = props;
  const lang = i18n.language;
  const [detail, setDetail] = useState<PlanDetail | undefined>(undefined);
  const load = useRun();
  const action = useRun();
  const editor = isEditor(user.roles);
  const refresh = useCallback(() => {
    void load.run(async () => setDetail(await api.plan(id)));
  }, [api, id, load.run]);
  useEffect(() => refresh(), [refresh]);

  if (detail === undefined) {
    return (
      <section>
        <p className="hint">{t('exchanges.page.loading')}</p>
        <ErrorText error={load.error} />
      </section>
    );
  }
  const { plan } = detail;
  const kindText = (k: string) => t(`exchanges.clearances.${k}`);
  const clearanceLine = (c: ClearanceView) =>
    [
      `${c.country} ${kindText(c.kind)}`,
      kindText(c.status),
      c.reference ?? '',
      c.validFromUtc === undefined
        ? ''
        : `${utcText(c.validFromUtc)} – ${c.validToUtc === undefined ? '' : utcText(c.validToUtc)}`,
    ]
      .filter((x) => x !== '')
      .join(' · ');

  return (
    <section aria-label={detail.record.title}>
      <h3>{detail.record.title}</h3>
      <p className="hint">
        {detail.record.ownerNation} · {t(`exchanges.save.${detail.record.releasability}`)}
      </p>
      <FerryResult plan={plan} />

      <section aria-label={t('exchanges.clearances.heading')}>
        <h3>{t('exchanges.clearances.heading')}</h3>
        <div aria-label={t('exchanges.clearances.warnings')} role="region">
          <h4>{t('exchanges.clearances.warnings')}</h4>
          {detail.warnings.length === 0 ? (
            <p data-testid="no-clearance-warnings">{t('exchanges.clearances.noWarnings')}</p>
          ) : (
            <ul>
              {detail.warnings.map((w, i) => (
                <li key={i} className="error" data-warning-code={w.code}>
                  {pick(w.message, lang)}
                </li>
              ))}
            </ul>
          )}
        </div>
        {plan.legs.map((leg) => {
          const needs = detail.needed.filter((n) => n.legIndex === leg.index);
          return (
            <div key={leg.index} style={BOX} data-leg-index={leg.index}>
              <h4>
                {t('exchanges.result.leg')} {leg.index + 1}: {leg.from} → {leg.to}
              </h4>
              {needs.length === 0 ? <p className="hint">{t('exchanges.clearances.noClearanceNeeded')}</p> : null}
              {needs.map((n) => {
                const label = t('exchanges.clearances.needed', {
                  country: pick(n.countryName, lang),
                  kind: kindText(n.kind),
                  leg: leg.index + 1,
                  from: leg.from,
                  to: leg.to,
                });
                const onFile = detail.clearances.filter(
                  (c) => c.legIndex === leg.index && c.country === n.country && c.kind === n.kind,
                );
                return (
                  <fieldset key={`${n.country}-${n.kind}`} aria-label={label}>
                    <legend>{label}</legend>
                    <ul aria-label={t('exchanges.clearances.recorded')}>
                      {onFile.length === 0 ? <li className="hint">{t('exchanges.clearances.none')}</li> : null}
                      {onFile.map((c) => (
                        <li key={c.recordId} data-clearance-status={c.status}>
                          {clearanceLine(c)}
                          {editor && c.ownerNation === user.nation && c.status !== 'approved' ? (
                            <form
                              aria-label={t('exchanges.clearances.approve')}
                              onSubmit={(ev) => {
                                const s = formFields(ev);
                                void action.run(async () => {
                                  await api.updateClearance(c.recordId, { status: 'approved', ...clearanceFields(s) });
                                  refresh();
                                });
                              }}
                            >
                              <div className="row">
                                <ClearanceDates />
                              </div>
                              <button type="submit" disabled={action.busy}>
                                {t('exchanges.clearances.approve')}
                              </button>
                            </form>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                    {editor ? (
                      <form
                        aria-label={t('exchanges.clearances.add')}
                        onSubmit={(ev) => {
                          const s = formFields(ev);
                          const form = ev.currentTarget;
                          void action.run(async () => {
                            await api.addClearance(id, {
                              legIndex: leg.index,
                              country: n.country,
                              kind: n.kind,
                              status: s('status'),
                              ...clearanceFields(s),
                            });
                            form.reset();
                            refresh();
                          });
                        }}
                      >
                        <div className="row">
                          <label>
                            {t('exchanges.clearances.status')}
                            <select name="status" defaultValue="requested">
                              {STATUSES.map((st) => (
                                <option key={st} value={st}>
                                  {kindText(st)}
                                </option>
                              ))}
                            </select>
                          </label>
                          <ClearanceDates />
                        </div>
                        <button type="submit" disabled={action.busy}>
                          {t('exchanges.clearances.add')}
                        </button>
                      </form>
                    ) : null}
                  </fieldset>
                );
              })}
            </div>
          );
        })}
        <details>
          <summary>{t('exchanges.clearances.leadTimes')}</summary>
          <ul>
            {detail.leadTimeRules.map((r) => (
              <li key={`${r.country}-${r.kind}`} data-rule={`${r.country}/${r.kind}`}>
                {t('exchanges.clearances.leadTime', {
                  country: r.country,
                  kind: kindText(r.kind),
                  days: r.leadTimeDays,
                  source: r.source,
                })}
                {r.updatedBy === undefined ? '' : ` · ${r.updatedBy}`}
                {editor ? (
                  <form
                    aria-label={t('exchanges.clearances.saveRule')}
                    onSubmit={(ev) => {
                      const s = formFields(ev);
                      void action.run(async () => {
                        await api.setLeadTimeRule({
                          country: r.country,
                          kind: r.kind,
                          leadTimeDays: Number(s('days')),
                          source: s('source'),
                        });
                        refresh();
                      });
                    }}
                  >
                    <div className="row">
                      <label>
                        {t('exchanges.clearances.days')}
                        <input
                          name="days"
                          type="number"
                          min={0}
                          max={365}
                          step={1}
                          required
                          defaultValue={r.leadTimeDays}
                        />
                      </label>
                      <label>
                        {t('exchanges.clearances.ruleSource')}
                        <input name="source" required maxLength={200} />
                      </label>
                    </div>
                    <button type="submit" disabled={action.busy}>
                      {t('exchanges.clearances.saveRule')}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
        <ErrorText error={action.error} />
      </section>

      <section aria-label={t('exchanges.support.heading')}>
        <h3>{t('exchanges.support.heading')}</h3>
        {detail.supportItems.length === 0 ? <p className="hint">{t('exchanges.support.none')}</p> : null}
        <ul>
          {detail.supportItems.map((s) => (
            <li key={s.recordId}>
              {t(`exchanges.support.${s.kind}`)} · {s.airfieldIcao} · {s.providedBy} · {pick(s.description, lang)} ·{' '}
              {s.legalBasis === undefined ? (
                <span className="error">{t('exchanges.support.noLegalBasis')}</span>
              ) : (
                `${pick(s.legalBasis.instrument, lang)}${s.legalBasis.provision === undefined ? '' : ` (${s.legalBasis.provision})`}`
              )}
            </li>
          ))}
        </ul>
        {editor ? (
          <form
            aria-label={t('exchanges.support.add')}
            onSubmit={(ev) => {
              const s = formFields(ev);
              const form = ev.currentTarget;
              void action.run(async () => {
                const instrument = s('legalBasis');
                const provision = s('provision');
                await api.addSupportItem(id, {
                  kind: s('kind'),
                  airfieldIcao: s('airfield').toUpperCase(),
                  providedBy: s('providedBy'),
                  description: { en: s('description') },
                  reimbursable: s('reimbursable') === 'on',
                  ...(instrument === ''
                    ? {}
                    : { legalBasis: { instrument: { en: instrument }, ...(provision === '' ? {} : { provision }) } }),
                });
                form.reset();
                refresh();
              });
            }}
          >
            <div className="row">
              <label>
                {t('exchanges.support.kind')}
                <select name="kind" defaultValue="fuel">
                  {SUPPORT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`exchanges.support.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('exchanges.support.airfield')}
                <input name="airfield" required maxLength={4} defaultValue={plan.legs.at(-1)?.to ?? ''} />
              </label>
              <label>
                {t('exchanges.support.providedBy')}
                <select name="providedBy" defaultValue={user.nation === 'KR' ? 'JP' : 'KR'}>
                  <option value="KR">KR</option>
                  <option value="JP">JP</option>
                </select>
              </label>
              <label>
                {t('exchanges.support.description')}
                <input name="description" required maxLength={2000} />
              </label>
              <label className="inline">
                <input type="checkbox" name="reimbursable" /> {t('exchanges.support.reimbursable')}
              </label>
              <label>
                {t('exchanges.support.legalBasis')}
                <input name="legalBasis" maxLength={2000} />
              </label>
              <label>
                {t('exchanges.support.provision')}
                <input name="provision" maxLength={200} />
              </label>
            </div>
            <button type="submit" disabled={action.busy}>
              {t('exchanges.support.add')}
            </button>
          </form>
        ) : null}
      </section>

      <section aria-label={t('exchanges.events.linked')}>
        <h3>{t('exchanges.events.linked')}</h3>
        {detail.events.length === 0 ? <p className="hint">{t('exchanges.events.none')}</p> : null}
        {detail.events.map((e) => (
          <EventCard
            key={e.id}
            api={api}
            user={user}
            record={{ id: e.id, ownerNation: e.ownerNation, releasability: e.releasability, version: 0, event: e }}
            others={detail.events.map((o) => ({
              id: o.id,
              ownerNation: o.ownerNation,
              releasability: o.releasability,
              version: 0,
              event: o,
            }))}
            onChanged={refresh}
          />
        ))}
        {editor ? (
          <EventForm api={api} ferryPlanId={id} defaultAirfield={plan.legs.at(-1)?.to ?? ''} onCreated={refresh} />
        ) : null}
      </section>
    </section>
  );
}
