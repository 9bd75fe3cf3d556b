/**
 * `#/drills`: the scenario library as cards, the setup form (controllers), and the drills the user can see.
 * Creating a drill opens its control view.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPABILITY_NAMES } from '@tandem/core';
import type { User } from '../../api/api-client.ts';
import { canControl, formatSimTime, inputUtcToIso, localized } from './drill-model.ts';
import type { DrillsApi, DrillInfo, DrillLibrary, Releasability } from './drills-api.ts';
import { BOX, BusyLine, ErrorLine, useAction } from './drill-widgets.tsx';

function defaultStartInput(): string {
  const d = new Date(Date.now() + 3600_000);
  d.setUTCMinutes(0, 0, 0);
  return d.toISOString().slice(0, 16);
}

export function LibraryPage(props: {
  readonly drills: DrillsApi;
  readonly user: User;
  readonly navigate: (route: string) => void;
}) {
  const { drills, user, navigate } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [library, setLibrary] = useState<DrillLibrary | undefined>(undefined);
  const [list, setList] = useState<DrillInfo[] | undefined>(undefined);
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [releasability, setReleasability] = useState<Releasability>('bilateral');
  const [seed, setSeed] = useState('1');
  const [startInput, setStartInput] = useState(defaultStartInput);
  const [clockFactor, setClockFactor] = useState('60');
  const [durationH, setDurationH] = useState('');
  /** Objectives of the template left out of this drill (all are exercised by default). */
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const load = useAction();
  const create = useAction();
  const titleRef = useRef<HTMLInputElement>(null);
  const controller = canControl(user.roles);

  useEffect(() => {
    void load.run(t('drills.page.loading'), async () => {
      const [lib, l] = await Promise.all([drills.library(), drills.list()]);
      setLibrary(lib);
      setList(l.items);
      const first = lib.templates[0];
      if (first !== undefined) setTemplateId((id) => (id === '' ? first.id : id));
    });
  }, [drills, user]);

  const template = useMemo(() => library?.templates.find((x) => x.id === templateId), [library, templateId]);

  const choose = (id: string, focusTitle: boolean): void => {
    setTemplateId(id);
    setDurationH('');
    setExcluded(new Set());
    if (focusTitle) titleRef.current?.focus();
  };
  const objectiveIds = template?.objectives.map((o) => o.id).filter((id) => !excluded.has(id)) ?? [];

  const submit = async (): Promise<void> => {
    if (template === undefined) return;
    const startUtc = inputUtcToIso(startInput);
    const hours = durationH.trim() === '' ? undefined : Number(durationH);
    const created = await create.run(t('drills.setup.creating'), () =>
      drills.create({
        title: title.trim() === '' ? t('drills.setup.defaultTitle', { name: localized(template.name, lang) }) : title,
        releasability,
        template: template.id,
        seed: Number(seed),
        ...(startUtc === undefined ? {} : { startUtc }),
        clockFactor: Number(clockFactor),
        ...(hours === undefined ? {} : { durationS: Math.round(hours * 3600) }),
        ...(excluded.size === 0 ? {} : { objectives: objectiveIds }),
      }),
    );
    if (created !== undefined) navigate(`drills/${created.id}/control`);
  };

  return (
    <main className="area">
      <h2>{t('drills.page.heading')}</h2>
      <ErrorLine error={load.error} />
      <BusyLine text={load.busy} />

      <section aria-labelledby="drill-list-heading">
        <h3 id="drill-list-heading">{t('drills.list.heading')}</h3>
        {list === undefined ? null : list.length === 0 ? (
          <p className="hint">{t('drills.list.empty')}</p>
        ) : (
          <table className="plan" data-testid="drill-list">
            <thead>
              <tr>
                <th>{t('drills.list.title')}</th>
                <th>{t('drills.library.family')}</th>
                <th>{t('drills.list.status')}</th>
                <th>{t('drills.list.simTime')}</th>
                <th>{t('drills.list.owner')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id}>
                  <td>{d.title}</td>
                  <td>{localized(d.template.name, lang)}</td>
                  <td>{t(`drills.status.${d.status}`)}</td>
                  <td>{formatSimTime(d.simS)}</td>
                  <td>
                    {d.ownerNation} · {d.releasability}
                  </td>
                  <td>
                    <a href={`#/drills/${encodeURIComponent(d.id)}`}>{t('drills.list.open')}</a>
                    {d.status === 'finished' ? (
                      <>
                        {' · '}
                        <a href={`#/drills/${encodeURIComponent(d.id)}/report`}>{t('drills.list.report')}</a>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {controller ? (
        <section aria-labelledby="drill-setup-heading" style={BOX}>
          <h3 id="drill-setup-heading">{t('drills.setup.heading')}</h3>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <div className="row">
              <label>
                {t('drills.setup.template')}
                <select value={templateId} onChange={(e) => choose(e.target.value, false)} name="template">
                  {library?.templates.map((x) => (
                    <option key={x.id} value={x.id}>
                      {localized(x.name, lang)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('drills.setup.title')}
                <input ref={titleRef} value={title} onChange={(e) => setTitle(e.target.value)} name="title" />
              </label>
              <label>
                {t('drills.setup.releasability')}
                <select
                  value={releasability}
                  onChange={(e) => setReleasability(e.target.value as Releasability)}
                  name="releasability"
                >
                  <option value="bilateral">{t('drills.setup.bilateral')}</option>
                  <option value="national">{t('drills.setup.national')}</option>
                </select>
              </label>
            </div>
            <div className="row">
              <label>
                {t('drills.setup.seed')}
                <input
                  type="number"
                  min={0}
                  max={4294967295}
                  step={1}
                  value={seed}
                  onChange={(e) => setSeed(e.target.value)}
                  name="seed"
                />
              </label>
              <label>
                {t('drills.setup.startUtc')}
                <input
                  type="datetime-local"
                  value={startInput}
                  onChange={(e) => setStartInput(e.target.value)}
                  name="startUtc"
                />
              </label>
              <label>
                {t('drills.setup.clockFactor')}
                <input
                  type="number"
                  min={1}
                  max={10000}
                  value={clockFactor}
                  onChange={(e) => setClockFactor(e.target.value)}
                  name="clockFactor"
                />
              </label>
              <label>
                {t('drills.setup.durationH')}
                <input
                  type="number"
                  min={0.5}
                  step={0.5}
                  max={template === undefined ? undefined : template.durationS / 3600}
                  placeholder={template === undefined ? '' : String(template.durationS / 3600)}
                  value={durationH}
                  onChange={(e) => setDurationH(e.target.value)}
                  name="durationH"
                />
              </label>
            </div>
            {template === undefined ? null : (
              <div className="row" style={{ alignItems: 'flex-start' }}>
                <fieldset style={{ flex: 1 }}>
                  <legend>{t('drills.setup.objectives')}</legend>
                  {template.objectives.map((o) => (
                    <label key={o.id} className="inline">
                      <input
                        type="checkbox"
                        checked={!excluded.has(o.id)}
                        onChange={(e) =>
                          setExcluded((x) => {
                            const next = new Set(x);
                            if (e.target.checked) next.delete(o.id);
                            else next.add(o.id);
                            return next;
                          })
                        }
                        name={`objective-${o.id}`}
                      />
                      {localized(o.text, lang)} ({localized(CAPABILITY_NAMES[o.capability], lang)})
                    </label>
                  ))}
                </fieldset>
                <fieldset style={{ flex: 1 }}>
                  <legend>{t('drills.setup.units')}</legend>
                  <ul data-testid="setup-units">
                    {template.units.map((u, k) => (
                      <li key={k}>
                        {u.name} ({u.nation}, {t(`drills.units.${u.platform}`, { defaultValue: u.platform })})
                      </li>
                    ))}
                  </ul>
                </fieldset>
              </div>
            )}
            {objectiveIds.length === 0 && template !== undefined ? (
              <p className="error">{t('drills.setup.noObjectives')}</p>
            ) : null}
            <button
              type="submit"
              className="primary"
              disabled={create.busy !== undefined || template === undefined || objectiveIds.length === 0}
            >
              {t('drills.setup.create')}
            </button>
          </form>
          <BusyLine text={create.busy} />
          <ErrorLine error={create.error} />
        </section>
      ) : (
        <p className="hint">{t('drills.setup.controllersOnly')}</p>
      )}

      <section aria-labelledby="drill-library-heading">
        <h3 id="drill-library-heading">{t('drills.library.heading')}</h3>
        <ul
          data-testid="drill-library"
          style={{
            listStyle: 'none',
            padding: 0,
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
            gap: '0.8rem',
          }}
        >
          {library?.templates.map((x) => (
            <li key={x.id}>
              <article style={BOX} aria-labelledby={`tpl-${x.id}`}>
                <h4 id={`tpl-${x.id}`} style={{ margin: '0 0 0.4rem' }}>
                  {localized(x.name, lang)}
                </h4>
                <p className="hint">{localized(x.description, lang)}</p>
                <dl className="facts">
                  <dt>{t('drills.library.family')}</dt>
                  <dd>{x.family}</dd>
                  <dt>{t('drills.library.difficulty')}</dt>
                  <dd>{t(`drills.library.${x.difficulty}`)}</dd>
                  <dt>{t('drills.library.objects')}</dt>
                  <dd>{x.objects.map((o) => localized(o.description, lang)).join(', ')}</dd>
                  <dt>{t('drills.library.persons')}</dt>
                  <dd>{x.persons}</dd>
                  <dt>{t('drills.library.srr')}</dt>
                  <dd>{x.srrNations.length === 0 ? t('drills.library.srrNone') : x.srrNations.join(' / ')}</dd>
                  <dt>{t('drills.library.duration')}</dt>
                  <dd>{t('drills.library.hours', { count: x.durationS / 3600 })}</dd>
                </dl>
                {controller ? (
                  <button type="button" onClick={() => choose(x.id, true)}>
                    {t('drills.library.use', { name: localized(x.name, lang) })}
                  </button>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
