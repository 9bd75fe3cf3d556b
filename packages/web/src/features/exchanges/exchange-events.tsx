/**
 * Exchange events: the form that proposes one (linked to commitments and, for a stopover, to its ferry plan), the
 * card with its life cycle (each side confirms its own part; held with evidence; postpone or cancel with a reason
 * and the replacing event), and the shared calendar as a month grid with the ICS download.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/api-client.ts';
import type { CommitmentInfo, EventRecord, ExchangesApi, Nation, Releasability } from './exchanges-api.ts';
import { isEditor, utcText } from './exchanges-api.ts';
import { pick } from './ferry-result.tsx';
import { addMonths, monthKey, monthStart, monthWeeks, onDay } from './calendar-model.ts';

const KINDS = [
  'stopover',
  'joint-display',
  'team-meeting',
  'maintenance-briefing',
  'safety-briefing',
  'other',
] as const;
const EVIDENCE = ['report', 'minutes', 'document', 'photo', 'link', 'record', 'test-result'] as const;
const SIDES: readonly Nation[] = ['KR', 'JP'];

/** A bordered box for one event or leg (the shared `.panel` class is the workbench's side column). */
export const BOX = {
  border: '1px solid #bbb',
  borderRadius: '4px',
  padding: '0.5rem 0.9rem',
  margin: '0.5rem 0',
} as const;

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Runs an async action with a busy flag and an error line. */
export function useRun(): { busy: boolean; error: string | undefined; run: (f: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const run = useCallback(async (f: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await f();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

export function ErrorText({ error }: { readonly error: string | undefined }) {
  return error === undefined ? null : (
    <p role="alert" className="error">
      {error}
    </p>
  );
}

export function EventForm(props: {
  readonly api: ExchangesApi;
  readonly ferryPlanId?: string;
  readonly defaultAirfield?: string;
  readonly defaultKind?: string;
  readonly onCreated: (e: EventRecord) => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = props;
  const [commitments, setCommitments] = useState<CommitmentInfo[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [kind, setKind] = useState<string>(props.defaultKind ?? 'stopover');
  const [releasability, setReleasability] = useState<Releasability>('bilateral');
  const action = useRun();
  useEffect(() => {
    void api.commitments().then(setCommitments);
  }, [api]);

  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const form = ev.currentTarget;
    void action.run(async () => {
      const created = await api.createEvent({
        kind,
        title: { en: s('titleEn'), ko: s('titleKo'), ja: s('titleJa') },
        start: s('start'),
        end: s('end'),
        ...(s('airfield') === '' ? {} : { airfieldIcao: s('airfield').toUpperCase() }),
        releasability,
        commitmentIds: picked,
        ...(props.ferryPlanId === undefined ? {} : { ferryPlanId: props.ferryPlanId }),
      });
      form.reset();
      setPicked([]);
      props.onCreated(created);
    });
  };

  return (
    <form onSubmit={submit} aria-label={t('exchanges.events.create')}>
      <h3>{t('exchanges.events.create')}</h3>
      <div className="row">
        <label>
          {t('exchanges.events.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`exchanges.events.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('exchanges.events.airfield')}
          <input name="airfield" defaultValue={props.defaultAirfield ?? ''} maxLength={4} />
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
      <div className="row">
        <label>
          {t('exchanges.events.titleEn')}
          <input name="titleEn" required maxLength={200} />
        </label>
        <label>
          {t('exchanges.events.titleKo')}
          <input name="titleKo" maxLength={200} />
        </label>
        <label>
          {t('exchanges.events.titleJa')}
          <input name="titleJa" maxLength={200} />
        </label>
      </div>
      <div className="row">
        <label>
          {t('exchanges.events.start')}
          <input name="start" required placeholder="2026-01-28T03:00:00Z" />
        </label>
        <label>
          {t('exchanges.events.end')}
          <input name="end" required placeholder="2026-01-28T10:00:00Z" />
        </label>
      </div>
      <fieldset>
        <legend>{t('exchanges.events.commitments')}</legend>
        {commitments.length === 0 ? <p className="hint">{t('exchanges.events.noCommitments')}</p> : null}
        {commitments.map((c) => (
          <label key={c.id} className="inline">
            <input
              type="checkbox"
              checked={picked.includes(c.id)}
              onChange={(e) => setPicked((p) => (e.target.checked ? [...p, c.id] : p.filter((x) => x !== c.id)))}
            />{' '}
            {pick(c.title, i18n.language)} ({c.area})
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={action.busy}>
        {t('exchanges.events.submit')}
      </button>
      <ErrorText error={action.error} />
    </form>
  );
}

export function EventCard(props: {
  readonly api: ExchangesApi;
  readonly user: User;
  readonly record: EventRecord;
  readonly others: readonly EventRecord[];
  readonly onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api, user, record, others } = props;
  const e = record.event;
  const lang = i18n.language;
  const action = useRun();
  const editor = isEditor(user.roles);
  const owner = record.ownerNation === user.nation;
  const open = e.status === 'proposed' || e.status === 'confirmed';
  const linkTo = (id: string) => {
    const o = others.find((x) => x.id === id);
    if (o === undefined) return <span>{id}</span>;
    const month = monthKey(new Date(o.event.startUtc * 1000));
    return (
      <a href={`#/exchanges/calendar/${month}/${encodeURIComponent(id)}`}>
        {pick(o.event.title, lang)} ({utcText(o.event.startUtc)})
      </a>
    );
  };
  const done = () => props.onChanged();
  const fields = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const f = new FormData(ev.currentTarget);
    return (k: string) => String(f.get(k) ?? '').trim();
  };

  return (
    <article style={BOX} aria-label={pick(e.title, lang)} data-event-id={record.id}>
      <h3>{pick(e.title, lang)}</h3>
      <dl className="facts">
        <dt>{t('exchanges.events.status')}</dt>
        <dd data-testid="event-status">{t(`exchanges.events.${e.status}`)}</dd>
        <dt>{t('exchanges.events.kind')}</dt>
        <dd>{t(`exchanges.events.${e.kind}`)}</dd>
        <dt>{t('exchanges.events.when')}</dt>
        <dd>
          {utcText(e.startUtc)} – {utcText(e.endUtc)}
          {e.airfieldIcao === undefined ? '' : ` · ${e.airfieldIcao}`}
        </dd>
        <dt>{t('exchanges.events.confirmations')}</dt>
        <dd>
          <ul>
            {SIDES.map((s) => {
              const c = e.confirmations[s];
              return (
                <li key={s}>
                  {c === undefined
                    ? t('exchanges.events.awaiting', { side: s })
                    : t('exchanges.events.confirmedBy', { side: s, by: c.by })}
                </li>
              );
            })}
          </ul>
        </dd>
        {e.reason === undefined ? null : (
          <>
            <dt>{t('exchanges.events.reason')}</dt>
            <dd>{e.reason}</dd>
          </>
        )}
        {e.evidence.length === 0 ? null : (
          <>
            <dt>{t('exchanges.events.evidence')}</dt>
            <dd>
              <ul>
                {e.evidence.map((x, i) => (
                  <li key={i}>
                    {t(`exchanges.events.${x.kind}`)}: {x.reference}
                    {x.description === undefined ? '' : ` — ${x.description}`}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {e.replacedById === undefined ? null : (
        <p>
          {t('exchanges.events.replacedBy', { title: '' })}
          {linkTo(e.replacedById)}
        </p>
      )}
      {e.replacesId === undefined ? null : (
        <p>
          {t('exchanges.events.replaces', { title: '' })}
          {linkTo(e.replacesId)}
        </p>
      )}
      {!editor ? null : (
        <div className="row">
          {SIDES.map((s) => (
            <button
              key={s}
              type="button"
              disabled={action.busy || e.status !== 'proposed' || s !== user.nation || e.confirmations[s] !== undefined}
              onClick={() => void action.run(async () => void (await api.confirm(record.id), done()))}
            >
              {t('exchanges.events.confirmFor', { side: s })}
            </button>
          ))}
        </div>
      )}
      {editor && owner && e.status === 'confirmed' ? (
        <form
          aria-label={t('exchanges.events.markHeld')}
          onSubmit={(ev) => {
            const s = fields(ev);
            void action.run(async () => {
              const description = s('evidenceDescription');
              await api.held(record.id, [
                {
                  kind: s('evidenceKind'),
                  reference: s('evidenceReference'),
                  ...(description === '' ? {} : { description }),
                },
              ]);
              done();
            });
          }}
        >
          <div className="row">
            <label>
              {t('exchanges.events.evidenceKind')}
              <select name="evidenceKind" defaultValue="report">
                {EVIDENCE.map((k) => (
                  <option key={k} value={k}>
                    {t(`exchanges.events.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('exchanges.events.evidenceReference')}
              <input name="evidenceReference" required maxLength={200} />
            </label>
            <label>
              {t('exchanges.events.evidenceDescription')}
              <input name="evidenceDescription" maxLength={2000} />
            </label>
          </div>
          <button type="submit" className="primary" disabled={action.busy}>
            {t('exchanges.events.markHeld')}
          </button>
        </form>
      ) : null}
      {editor && owner && open ? (
        <details>
          <summary>
            {t('exchanges.events.postpone')} / {t('exchanges.events.cancel')}
          </summary>
          <form
            aria-label={t('exchanges.events.postpone')}
            onSubmit={(ev) => {
              const s = fields(ev);
              void action.run(async () => {
                await api.postpone(record.id, s('reason'), s('newStart'), s('newEnd'));
                done();
              });
            }}
          >
            <div className="row">
              <label>
                {t('exchanges.events.reason')}
                <input name="reason" required maxLength={2000} />
              </label>
              <label>
                {t('exchanges.events.newStart')}
                <input name="newStart" required />
              </label>
              <label>
                {t('exchanges.events.newEnd')}
                <input name="newEnd" required />
              </label>
            </div>
            <button type="submit" disabled={action.busy}>
              {t('exchanges.events.postpone')}
            </button>
          </form>
          <form
            aria-label={t('exchanges.events.cancel')}
            onSubmit={(ev) => {
              const s = fields(ev);
              void action.run(async () => {
                const r = s('replacement');
                await api.cancel(record.id, s('reason'), r === '' ? undefined : r);
                done();
              });
            }}
          >
            <div className="row">
              <label>
                {t('exchanges.events.reason')}
                <input name="reason" required maxLength={2000} />
              </label>
              <label>
                {t('exchanges.events.replacement')}
                <select name="replacement" defaultValue="">
                  <option value="">{t('exchanges.events.noReplacement')}</option>
                  {others
                    .filter((o) => o.id !== record.id)
                    .map((o) => (
                      <option key={o.id} value={o.id}>
                        {pick(o.event.title, lang)} ({utcText(o.event.startUtc)})
                      </option>
                    ))}
                </select>
              </label>
            </div>
            <button type="submit" disabled={action.busy}>
              {t('exchanges.events.cancel')}
            </button>
          </form>
        </details>
      ) : null}
      <ErrorText error={action.error} />
    </article>
  );
}

export function CalendarView(props: {
  readonly api: ExchangesApi;
  readonly user: User;
  /** `YYYY-MM` (UTC) from the route, default the current month. */
  readonly month: string | undefined;
  readonly selectedId: string | undefined;
  readonly navigate: (route: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { api, user, navigate } = props;
  const lang = i18n.language;
  const start = useMemo(() => monthStart(props.month, Date.now()), [props.month]);
  const end = useMemo(() => addMonths(start, 1), [start]);
  const [events, setEvents] = useState<EventRecord[] | undefined>(undefined);
  const [all, setAll] = useState<EventRecord[]>([]);
  const load = useRun();
  const refresh = useCallback(() => {
    void load.run(async () => {
      const [inMonth, every] = await Promise.all([
        api.events(start.toISOString(), new Date(end.getTime() - 1000).toISOString()),
        api.events(),
      ]);
      setEvents(inMonth.items);
      setAll(every.items);
    });
  }, [api, start, end, load.run]);
  useEffect(() => refresh(), [refresh]);

  const weeks = monthWeeks(start);
  const weekdays = t('exchanges.calendar.weekdays').split(',');
  const eventsOn = (d: number) => (events ?? []).filter((e) => onDay(start, d, e.event.startUtc, e.event.endUtc));
  const prev = addMonths(start, -1);
  const selected = all.find((e) => e.id === props.selectedId);
  const monthName = start.toLocaleDateString(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' });

  return (
    <section aria-label={t('exchanges.calendar.heading')}>
      <h3>{t('exchanges.calendar.heading')}</h3>
      <div className="row">
        <button type="button" onClick={() => navigate(`exchanges/calendar/${monthKey(prev)}`)}>
          ← {t('exchanges.calendar.previous')}
        </button>
        <strong aria-live="polite" data-testid="calendar-month">
          {monthName}
        </strong>
        <button type="button" onClick={() => navigate(`exchanges/calendar/${monthKey(end)}`)}>
          {t('exchanges.calendar.next')} →
        </button>
        <span>
          {t('exchanges.calendar.ics')}:{' '}
          {(['en', 'ko', 'ja'] as const).map((l) => (
            <a
              key={l}
              href={`/api/exchange-events/calendar.ics?lang=${l}`}
              download={`tandem-exchanges-${l}.ics`}
              aria-label={t('exchanges.calendar.icsIn', { lang: t(`exchanges.languages.${l}`) })}
              style={{ marginRight: '0.5rem' }}
            >
              {l.toUpperCase()}
            </a>
          ))}
        </span>
      </div>
      <table className="plan calendar" aria-label={monthName} style={{ tableLayout: 'fixed', width: '100%' }}>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w} scope="col">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, wi) => (
            <tr key={wi}>
              {week.map((d, di) => (
                <td key={di} style={{ verticalAlign: 'top', height: '4rem', overflowWrap: 'anywhere' }}>
                  {d === null ? null : (
                    <>
                      <div className="hint">{d}</div>
                      {eventsOn(d).map((e) => (
                        <button
                          key={e.id}
                          type="button"
                          data-event-id={e.id}
                          aria-pressed={e.id === props.selectedId}
                          className={`event-chip ${e.event.status}`}
                          style={{ whiteSpace: 'normal', textAlign: 'left', fontSize: '0.8rem', margin: '1px 0' }}
                          onClick={() => navigate(`exchanges/calendar/${monthKey(start)}/${e.id}`)}
                        >
                          {pick(e.event.title, lang)} · {t(`exchanges.events.${e.event.status}`)}
                        </button>
                      ))}
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorText error={load.error} />
      <h3>{t('exchanges.calendar.selected')}</h3>
      {selected === undefined ? (
        <p className="hint">{t('exchanges.calendar.select')}</p>
      ) : (
        <EventCard api={api} user={user} record={selected} others={all} onChanged={refresh} />
      )}
      {isEditor(user.roles) ? (
        <EventForm
          api={api}
          defaultKind="joint-display"
          onCreated={(e) => {
            refresh();
            navigate(`exchanges/calendar/${monthKey(new Date(e.event.startUtc * 1000))}/${e.id}`);
          }}
        />
      ) : null}
    </section>
  );
}
