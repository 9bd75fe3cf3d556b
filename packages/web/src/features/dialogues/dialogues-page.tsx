/**
 * The S&T and AI dialogues area: `#/dialogues` lists the sessions and the overdue action items, `#/dialogues/new`
 * records a session, `#/dialogues/sessions/<id>` shows one with its action items, `#/dialogues/ai-register` is the
 * AI use register.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../page.ts';
import type { ActionItemView, SessionView } from './dialogues-api.ts';
import { DialoguesApi, textIn, utcDate } from './dialogues-api.ts';
import { SessionForm } from './session-form.tsx';
import { SessionDetail } from './session-detail.tsx';
import { AiRegisterPage } from './ai-register-page.tsx';
import { ActionItemsTable } from './action-items.tsx';

const EDITORS = ['administrator', 'dialogue_secretariat'];

function SessionList(props: {
  dialogues: DialoguesApi;
  canEdit: boolean;
  nation: 'KR' | 'JP';
  navigate(r: string): void;
}) {
  const { t, i18n } = useTranslation();
  const [sessions, setSessions] = useState<SessionView[] | undefined>(undefined);
  const [overdue, setOverdue] = useState<ActionItemView[]>([]);
  const load = () => {
    void props.dialogues.sessions().then(setSessions);
    void props.dialogues.overdue().then(setOverdue);
  };
  useEffect(load, [props.dialogues]);
  if (sessions === undefined) return <p>{t('dialogues.page.loading')}</p>;
  return (
    <>
      <section aria-labelledby="sessions-heading">
        <h3 id="sessions-heading">{t('dialogues.page.sessions')}</h3>
        {sessions.length === 0 ? (
          <p>{t('dialogues.page.none')}</p>
        ) : (
          <table className="sessions">
            <thead>
              <tr>
                <th scope="col">{t('dialogues.form.title')}</th>
                <th scope="col">{t('dialogues.page.series')}</th>
                <th scope="col">{t('dialogues.page.date')}</th>
                <th scope="col">{t('dialogues.page.location')}</th>
                <th scope="col">{t('dialogues.page.items')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const done = s.actionItems.filter((i) => i.item.status === 'done').length;
                const late = s.actionItems.filter((i) => i.overdue).length;
                return (
                  <tr key={s.record.id} data-session-id={s.record.id}>
                    <th scope="row">
                      <a href={`#/dialogues/sessions/${encodeURIComponent(s.record.id)}`}>
                        {textIn(s.session.title, i18n.language)}
                      </a>
                    </th>
                    <td>{textIn(s.seriesTitle, i18n.language)}</td>
                    <td>{utcDate(s.session.startUtc)}</td>
                    <td>{textIn(s.session.location, i18n.language)}</td>
                    <td>
                      {t('dialogues.page.itemsSummary', { done, total: s.actionItems.length })}
                      {late === 0 ? null : (
                        <span className="status-overdue"> · {t('dialogues.page.overdueCount', { count: late })}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="overdue-heading">
        <h3 id="overdue-heading">{t('dialogues.page.overdueHeading')}</h3>
        {overdue.length === 0 ? (
          <p>{t('dialogues.page.noOverdue')}</p>
        ) : (
          <ActionItemsTable
            items={overdue}
            dialogues={props.dialogues}
            nation={props.nation}
            canEdit={props.canEdit}
            onChanged={load}
          />
        )}
      </section>
    </>
  );
}

export function DialoguesPage(props: PageProps) {
  const { t } = useTranslation();
  const dialogues = useMemo(() => new DialoguesApi(props.api), [props.api]);
  const canEdit = props.user.roles.some((r) => EDITORS.includes(r));
  const isAdmin = props.user.roles.includes('administrator');
  const [head, id] = props.path;
  return (
    <main className="area dialogues">
      <h2>{t('dialogues.page.heading')}</h2>
      <nav className="sub-nav" aria-label={t('dialogues.page.heading')} style={{ display: 'flex', gap: '1.2rem' }}>
        <a href="#/dialogues" aria-current={head === undefined ? 'page' : undefined}>
          {t('dialogues.page.sessions')}
        </a>
        {canEdit ? (
          <a href="#/dialogues/new" aria-current={head === 'new' ? 'page' : undefined}>
            {t('dialogues.page.newSession')}
          </a>
        ) : null}
        <a href="#/dialogues/ai-register" aria-current={head === 'ai-register' ? 'page' : undefined}>
          {t('dialogues.page.aiRegister')}
        </a>
      </nav>
      {head === undefined ? (
        <SessionList dialogues={dialogues} canEdit={canEdit} nation={props.user.nation} navigate={props.navigate} />
      ) : null}
      {head === 'new' && canEdit ? (
        <SessionForm
          dialogues={dialogues}
          nation={props.user.nation}
          onSaved={(sid) => props.navigate(`dialogues/sessions/${encodeURIComponent(sid)}`)}
        />
      ) : null}
      {head === 'sessions' && id !== undefined ? (
        <SessionDetail key={id} dialogues={dialogues} id={id} nation={props.user.nation} canEdit={canEdit} />
      ) : null}
      {head === 'ai-register' ? <AiRegisterPage dialogues={dialogues} isAdmin={isAdmin} /> : null}
    </main>
  );
}
