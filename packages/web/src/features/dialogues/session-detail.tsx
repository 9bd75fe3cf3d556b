/** One dialogue session: agenda, participants by side, decisions, minutes and its action items. */
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialoguesApi, Label, SessionView, Side } from './dialogues-api.ts';
import { textIn, utcDateTime } from './dialogues-api.ts';
import { ActionItemsTable } from './action-items.tsx';

export function SessionDetail(props: { dialogues: DialoguesApi; id: string; nation: Side; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<SessionView | null | undefined>(undefined);
  const [minutes, setMinutes] = useState('');
  const [label, setLabel] = useState<Label | ''>('');
  const [labelReason, setLabelReason] = useState('');
  const [labelError, setLabelError] = useState<string | undefined>(undefined);
  const load = useCallback(() => {
    props.dialogues.session(props.id).then(setView, () => setView(null));
  }, [props.dialogues, props.id]);
  useEffect(load, [load]);
  if (view === undefined) return <p>{t('dialogues.page.loading')}</p>;
  if (view === null) return <p role="alert">{t('dialogues.session.notFound')}</p>;
  const s = view.session;
  const lang = i18n.language;
  const addMinutes = (e: FormEvent) => {
    e.preventDefault();
    void props.dialogues.addMinutes(props.id, minutes).then(() => {
      setMinutes('');
      load();
    });
  };
  const relabel = (e: FormEvent) => {
    e.preventDefault();
    if (label === '') return;
    setLabelError(undefined);
    props.dialogues.setReleasability(props.id, label, labelReason).then(
      (v) => {
        setView(v);
        setLabel('');
        setLabelReason('');
      },
      (err: unknown) =>
        setLabelError(
          t('dialogues.session.relabelFailed', { message: err instanceof Error ? err.message : String(err) }),
        ),
    );
  };
  const owner = props.canEdit && view.record.ownerNation === props.nation;
  return (
    <article className="session" data-session-id={view.record.id}>
      <h3>{textIn(s.title, lang)}</h3>
      <dl className="facts">
        <dt>{t('dialogues.page.series')}</dt>
        <dd>{textIn(view.seriesTitle, lang)}</dd>
        <dt>{t('dialogues.page.date')}</dt>
        <dd>
          {utcDateTime(s.startUtc)} – {utcDateTime(s.endUtc)}
        </dd>
        <dt>{t('dialogues.page.location')}</dt>
        <dd>{textIn(s.location, lang)}</dd>
        <dt>{t('dialogues.form.releasability')}</dt>
        <dd>{t(`dialogues.form.${view.record.releasability}`)}</dd>
      </dl>
      {owner ? (
        <form onSubmit={relabel} className="row">
          <label>
            {t('dialogues.session.newLabel')}
            <select value={label} onChange={(e) => setLabel(e.target.value as Label | '')} required>
              <option value="" />
              {(['national', 'bilateral', 'public'] as const)
                .filter((l) => l !== view.record.releasability)
                .map((l) => (
                  <option key={l} value={l}>
                    {t(`dialogues.form.${l}`)}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t('dialogues.session.labelReason')}
            <input value={labelReason} onChange={(e) => setLabelReason(e.target.value)} required />
          </label>
          <button type="submit">{t('dialogues.session.relabel')}</button>
          {labelError === undefined ? null : (
            <p role="alert" className="error">
              {labelError}
            </p>
          )}
        </form>
      ) : null}
      <h4>{t('dialogues.session.agenda')}</h4>
      {s.agenda.length === 0 ? (
        <p>{t('dialogues.session.none')}</p>
      ) : (
        <ol>
          {s.agenda.map((a) => (
            <li key={a.id}>
              {textIn(a.title, lang)}
              {a.presenterSide === undefined ? null : ` (${t(`dialogues.side.${a.presenterSide}`)})`}
            </li>
          ))}
        </ol>
      )}
      <h4>{t('dialogues.session.participants')}</h4>
      <div className="row">
        {(['KR', 'JP', 'observer'] as const).map((side) => {
          const ps = s.participants.filter((p) => p.side === side);
          return ps.length === 0 ? null : (
            <section key={side} aria-label={t(`dialogues.side.${side}`)}>
              <h5>{t(`dialogues.side.${side}`)}</h5>
              <ul>
                {ps.map((p, k) => (
                  <li key={k}>
                    {p.name}, {p.organisation} — {t(`dialogues.role.${p.role}`)}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <h4>{t('dialogues.session.decisions')}</h4>
      {s.decisions.length === 0 ? (
        <p>{t('dialogues.session.none')}</p>
      ) : (
        <ul>
          {s.decisions.map((d) => (
            <li key={d.id}>{textIn(d.text, lang)}</li>
          ))}
        </ul>
      )}
      <h4>{t('dialogues.session.minutes')}</h4>
      {s.minutes.length === 0 ? (
        <p>{t('dialogues.session.noMinutes')}</p>
      ) : (
        <ul>
          {s.minutes.map((m, k) => (
            <li key={k}>{m.reference}</li>
          ))}
        </ul>
      )}
      {owner ? (
        <form onSubmit={addMinutes} className="row">
          <label>
            {t('dialogues.session.minutesReference')}
            <input value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
          </label>
          <button type="submit">{t('dialogues.session.addMinutes')}</button>
        </form>
      ) : null}
      <h4>{t('dialogues.page.items')}</h4>
      <ActionItemsTable
        items={view.actionItems}
        dialogues={props.dialogues}
        nation={props.nation}
        canEdit={props.canEdit}
        onChanged={load}
      />
    </article>
  );
}
