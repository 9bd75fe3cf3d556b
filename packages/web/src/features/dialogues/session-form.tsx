/** The form that records a dialogue session: agenda, participants of both nations, decisions and action items. */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CommitmentInfo,
  DialoguesApi,
  Label,
  NewSession,
  Participant,
  SeriesRecord,
  Side,
} from './dialogues-api.ts';
import { textIn } from './dialogues-api.ts';

interface ItemRow {
  title: string;
  krName: string;
  krOrg: string;
  jpName: string;
  jpOrg: string;
  due: string;
}

const ROLES: readonly Participant['role'][] = ['co-chair', 'delegate', 'expert', 'secretariat', 'observer'];
const SIDES: readonly Participant['side'][] = ['KR', 'JP', 'observer'];
const NEW = '__new__';

/** `YYYY-MM-DDTHH:MM` (typed as UTC) → epoch seconds. */
function fromLocalInput(v: string): number {
  return Date.parse(`${v}:00Z`) / 1000;
}

const lines = (v: string) =>
  v
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function SessionForm(props: { dialogues: DialoguesApi; nation: Side; onSaved(id: string): void }) {
  const { t, i18n } = useTranslation();
  const [series, setSeries] = useState<SeriesRecord[]>([]);
  const [seriesId, setSeriesId] = useState('');
  const [newSeries, setNewSeries] = useState('');
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [label, setLabel] = useState<Label>('bilateral');
  const [agenda, setAgenda] = useState('');
  const [decisions, setDecisions] = useState('');
  const [minutes, setMinutes] = useState('');
  const [people, setPeople] = useState<Participant[]>([
    { name: '', organisation: '', side: 'KR', role: 'co-chair' },
    { name: '', organisation: '', side: 'JP', role: 'co-chair' },
  ]);
  const [items, setItems] = useState<ItemRow[]>([]);
  const [commitments, setCommitments] = useState<CommitmentInfo[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    props.dialogues.series().then(
      (s) => {
        setSeries(s);
        setSeriesId(s[0]?.id ?? NEW);
      },
      () => setSeriesId(NEW),
    );
    props.dialogues.commitments().then(
      (cs) => {
        setCommitments(cs);
        setPicked(cs.filter((c) => c.area === 'st-ai-dialogue').map((c) => c.id));
      },
      () => setCommitments([]),
    );
  }, [props.dialogues]);

  const setPerson = (k: number, patch: Partial<Participant>) =>
    setPeople((ps) => ps.map((p, j) => (j === k ? { ...p, ...patch } : p)));
  const setItem = (k: number, patch: Partial<ItemRow>) =>
    setItems((xs) => xs.map((x, j) => (j === k ? { ...x, ...patch } : x)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const run = async () => {
      let sid = seriesId;
      if (sid === NEW)
        sid = (await props.dialogues.createSeries(newSeries, label === 'national' ? 'national' : 'bilateral')).id;
      const body: NewSession = {
        seriesId: sid,
        title,
        location,
        startUtc: fromLocalInput(start),
        endUtc: fromLocalInput(end),
        releasability: label,
        agenda: lines(agenda).map((l) => ({ title: l })),
        decisions: lines(decisions).map((l) => ({ text: l })),
        participants: people.filter((p) => p.name.trim() !== ''),
        actionItems: items.map((x) => ({
          title: x.title,
          owners: { KR: { name: x.krName, organisation: x.krOrg }, JP: { name: x.jpName, organisation: x.jpOrg } },
          dueUtc: Date.parse(`${x.due}T00:00:00Z`) / 1000,
        })),
        ...(minutes.trim() === '' ? {} : { minutes: [{ kind: 'minutes' as const, reference: minutes.trim() }] }),
        commitmentIds: picked,
      };
      return props.dialogues.createSession(body);
    };
    run().then(
      (v) => props.onSaved(v.record.id),
      (err: unknown) => {
        setBusy(false);
        setError(t('dialogues.form.failed', { message: err instanceof Error ? err.message : String(err) }));
      },
    );
  };

  return (
    <form className="dialogue-form" onSubmit={submit} aria-labelledby="session-form-heading">
      <h3 id="session-form-heading">{t('dialogues.form.heading')}</h3>
      <div className="row">
        <label>
          {t('dialogues.form.series')}
          <select value={seriesId} onChange={(e) => setSeriesId(e.target.value)}>
            {series.map((s) => (
              <option key={s.id} value={s.id}>
                {textIn(s.body.title, i18n.language) || s.title}
              </option>
            ))}
            <option value={NEW}>{t('dialogues.form.newSeries')}</option>
          </select>
        </label>
        {seriesId === NEW ? (
          <label>
            {t('dialogues.form.newSeriesTitle')}
            <input value={newSeries} onChange={(e) => setNewSeries(e.target.value)} required />
          </label>
        ) : null}
        <label>
          {t('dialogues.form.releasability')}
          <select value={label} onChange={(e) => setLabel(e.target.value as Label)}>
            {(['national', 'bilateral', 'public'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`dialogues.form.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          {t('dialogues.form.title')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label>
          {t('dialogues.form.location')}
          <input value={location} onChange={(e) => setLocation(e.target.value)} required />
        </label>
        <label>
          {t('dialogues.form.start')}
          <input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} required />
        </label>
        <label>
          {t('dialogues.form.end')}
          <input type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} required />
        </label>
      </div>
      <label>
        {t('dialogues.form.agenda')}
        <textarea rows={3} value={agenda} onChange={(e) => setAgenda(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('dialogues.form.participants')}</legend>
        {people.map((p, k) => (
          <div className="row" key={k}>
            <input
              aria-label={t('dialogues.form.participantName', { n: k + 1 })}
              value={p.name}
              onChange={(e) => setPerson(k, { name: e.target.value })}
            />
            <input
              aria-label={t('dialogues.form.participantOrganisation', { n: k + 1 })}
              value={p.organisation}
              onChange={(e) => setPerson(k, { organisation: e.target.value })}
            />
            <select
              aria-label={t('dialogues.form.participantSide', { n: k + 1 })}
              value={p.side}
              onChange={(e) => setPerson(k, { side: e.target.value as Participant['side'] })}
            >
              {SIDES.map((s) => (
                <option key={s} value={s}>
                  {t(`dialogues.side.${s}`)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('dialogues.form.participantRole', { n: k + 1 })}
              value={p.role}
              onChange={(e) => setPerson(k, { role: e.target.value as Participant['role'] })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`dialogues.role.${r}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            setPeople((ps) => [...ps, { name: '', organisation: '', side: props.nation, role: 'delegate' }])
          }
        >
          {t('dialogues.form.addParticipant')}
        </button>
      </fieldset>
      <label>
        {t('dialogues.form.decisions')}
        <textarea rows={3} value={decisions} onChange={(e) => setDecisions(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('dialogues.form.actionItems')}</legend>
        {items.map((x, k) => (
          <div className="row action-item-row" key={k}>
            <input
              aria-label={t('dialogues.form.itemTitle', { n: k + 1 })}
              value={x.title}
              onChange={(e) => setItem(k, { title: e.target.value })}
              required
            />
            <input
              aria-label={t('dialogues.form.itemKrOwner', { n: k + 1 })}
              value={x.krName}
              onChange={(e) => setItem(k, { krName: e.target.value })}
              required
            />
            <input
              aria-label={t('dialogues.form.itemKrOrganisation', { n: k + 1 })}
              value={x.krOrg}
              onChange={(e) => setItem(k, { krOrg: e.target.value })}
            />
            <input
              aria-label={t('dialogues.form.itemJpOwner', { n: k + 1 })}
              value={x.jpName}
              onChange={(e) => setItem(k, { jpName: e.target.value })}
              required
            />
            <input
              aria-label={t('dialogues.form.itemJpOrganisation', { n: k + 1 })}
              value={x.jpOrg}
              onChange={(e) => setItem(k, { jpOrg: e.target.value })}
            />
            <input
              type="date"
              aria-label={t('dialogues.form.itemDue', { n: k + 1 })}
              value={x.due}
              onChange={(e) => setItem(k, { due: e.target.value })}
              required
            />
            <button type="button" onClick={() => setItems((xs) => xs.filter((_, j) => j !== k))}>
              {t('dialogues.form.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            setItems((xs) => [...xs, { title: '', krName: '', krOrg: '', jpName: '', jpOrg: '', due: '' }])
          }
        >
          {t('dialogues.form.addItem')}
        </button>
      </fieldset>
      {commitments.length === 0 ? null : (
        <fieldset>
          <legend>{t('dialogues.form.commitments')}</legend>
          {commitments.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={picked.includes(c.id)}
                onChange={(e) => setPicked((ps) => (e.target.checked ? [...ps, c.id] : ps.filter((x) => x !== c.id)))}
              />
              {textIn(c.title, i18n.language)} <span className="hint">({c.source})</span>
            </label>
          ))}
        </fieldset>
      )}
      <label>
        {t('dialogues.form.minutes')}
        <input value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? t('dialogues.form.saving') : t('dialogues.form.submit')}
      </button>
      {error === undefined ? null : (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
