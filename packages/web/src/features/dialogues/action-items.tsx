/**
 * Action items with an owner on each side: each side's state, due date, overdue highlighted, and for a secretariat
 * the button that marks its own nation's side done with evidence (a link or a note).
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionItemView, DialoguesApi, Side } from './dialogues-api.ts';
import { textIn, utcDate } from './dialogues-api.ts';

function SideCell(props: { view: ActionItemView; side: Side }) {
  const { t } = useTranslation();
  const owner = props.view.item.owners[props.side];
  const done = props.view.item.sides?.[props.side];
  return (
    <td data-side={props.side} data-side-state={done === undefined ? 'open' : 'done'}>
      {owner.name}
      {owner.organisation === '' ? null : <span className="hint"> ({owner.organisation})</span>}
      <br />
      <span className={done === undefined ? 'side-open' : 'side-done'}>
        {done === undefined
          ? t('dialogues.item.sideOpen')
          : t('dialogues.item.sideDone', { date: utcDate(done.completedUtc) })}
      </span>
      {done === undefined
        ? null
        : done.evidence.map((e, k) => (
            <div key={k} className="evidence">
              {/^https?:\/\//.test(e.reference) ? (
                <a href={e.reference} rel="noreferrer noopener" target="_blank">
                  {e.reference}
                </a>
              ) : (
                e.reference
              )}
            </div>
          ))}
    </td>
  );
}

function MarkDone(props: { view: ActionItemView; side: Side; dialogues: DialoguesApi; onChanged(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const sideName = t(`dialogues.side.${props.side}`);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('dialogues.item.markDone', { side: sideName })}
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.dialogues.completeSide(props.view.record.id, reference).then(
      () => {
        setOpen(false);
        props.onChanged();
      },
      (err: unknown) =>
        setError(t('dialogues.item.failed', { message: err instanceof Error ? err.message : String(err) })),
    );
  };
  return (
    <form onSubmit={submit} className="mark-done">
      <label>
        {t('dialogues.item.evidence')}
        <input value={reference} onChange={(e) => setReference(e.target.value)} required />
      </label>
      <button type="submit">{t('dialogues.item.confirm')}</button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('dialogues.item.cancel')}
      </button>
      {error === undefined ? null : (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

export function ActionItemsTable(props: {
  items: readonly ActionItemView[];
  dialogues: DialoguesApi;
  nation: Side;
  canEdit: boolean;
  onChanged(): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <table className="action-items">
      <thead>
        <tr>
          <th scope="col">{t('dialogues.item.title')}</th>
          <th scope="col">{t('dialogues.item.krOwner')}</th>
          <th scope="col">{t('dialogues.item.jpOwner')}</th>
          <th scope="col">{t('dialogues.item.due')}</th>
          <th scope="col">{t('dialogues.item.status')}</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((v) => {
          const title = textIn(v.item.title, i18n.language);
          const mine = v.item.sides?.[props.nation];
          return (
            <tr
              key={v.record.id}
              data-item-id={v.record.id}
              className={v.overdue ? 'overdue' : undefined}
              style={v.overdue ? { background: '#fdecea' } : undefined}
            >
              <th scope="row">{title}</th>
              <SideCell view={v} side="KR" />
              <SideCell view={v} side="JP" />
              <td>{utcDate(v.item.dueUtc)}</td>
              <td>
                <span
                  className={`status status-${v.overdue ? 'overdue' : v.item.status}`}
                  style={v.overdue ? { color: '#a61b1b', fontWeight: 600 } : undefined}
                >
                  {v.overdue ? t('dialogues.item.overdue') : t(`dialogues.item.${v.item.status}`)}
                </span>
                {props.canEdit && v.item.status === 'open' && mine === undefined ? (
                  <MarkDone view={v} side={props.nation} dialogues={props.dialogues} onChanged={props.onChanged} />
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
