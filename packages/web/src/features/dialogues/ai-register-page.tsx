/**
 * The AI use register: each AI-assisted feature with its intended and excluded uses, inputs, validation evidence,
 * the human approval it needs, its mapping to NATO's six principles, the REAIM Blueprint and the Political
 * Declaration, the gaps still open, and the administrator's switch.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialoguesApi, Register, RegisterEntry, Text } from './dialogues-api.ts';
import { textIn } from './dialogues-api.ts';

function Mapping(props: {
  heading: string;
  source: string;
  names: Readonly<Record<string, Text>>;
  values: Readonly<Record<string, Text>>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section>
      <h5>{props.heading}</h5>
      <table className="mapping">
        <thead>
          <tr>
            <th scope="col">{t('dialogues.register.principle')}</th>
            <th scope="col">{t('dialogues.register.how')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(props.names).map(([key, name]) => {
            const v = props.values[key];
            return (
              <tr key={key} className={v === undefined ? 'unmapped' : undefined}>
                <th scope="row">
                  {key.length === 1 ? `${key}. ` : ''}
                  {textIn(name, i18n.language)}
                </th>
                <td>{v === undefined ? t('dialogues.register.notMapped') : textIn(v, i18n.language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">{props.source}</p>
    </section>
  );
}

function Switch(props: { entry: RegisterEntry; isAdmin: boolean; dialogues: DialoguesApi; onChanged(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const s = props.entry.switch;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void props.dialogues.setSwitch(props.entry.recordId, !s.enabled, reason).then(() => {
      setReason('');
      props.onChanged();
    });
  };
  return (
    <section aria-label={t('dialogues.register.switchHeading')}>
      <h5>{t('dialogues.register.switchHeading')}</h5>
      <p className={s.enabled ? 'switch-on' : 'switch-off'} data-switch={s.enabled ? 'on' : 'off'}>
        {s.enabled ? t('dialogues.register.on') : t('dialogues.register.off')}
      </p>
      {s.updatedAt === null ? null : (
        <p className="hint">
          {t('dialogues.register.lastChange', {
            by: s.updatedBy ?? '',
            nation: s.updatedNation ?? '',
            at: s.updatedAt.slice(0, 16).replace('T', ' '),
            reason: s.reason ?? '',
          })}
        </p>
      )}
      {props.isAdmin ? (
        <form onSubmit={submit} className="row">
          <label>
            {t('dialogues.register.reason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} required />
          </label>
          <button type="submit">{s.enabled ? t('dialogues.register.turnOff') : t('dialogues.register.turnOn')}</button>
        </form>
      ) : (
        <p className="hint">{t('dialogues.register.adminOnly')}</p>
      )}
    </section>
  );
}

export function AiRegisterPage(props: { dialogues: DialoguesApi; isAdmin: boolean }) {
  const { t, i18n } = useTranslation();
  const [register, setRegister] = useState<Register | undefined>(undefined);
  const load = useCallback(() => {
    void props.dialogues.register().then(setRegister);
  }, [props.dialogues]);
  useEffect(load, [load]);
  if (register === undefined) return <p>{t('dialogues.page.loading')}</p>;
  const lang = i18n.language;
  const list = (items: readonly Text[]) => (
    <ul>
      {items.map((x, k) => (
        <li key={k}>{textIn(x, lang)}</li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="register-heading">
      <h3 id="register-heading">{t('dialogues.register.heading')}</h3>
      <p>{t('dialogues.register.intro')}</p>
      {register.items.length === 0 ? <p>{t('dialogues.register.empty')}</p> : null}
      {register.items.map((r) => (
        <article key={r.recordId} className="register-entry" data-feature-id={r.entry.id}>
          <h4>{textIn(r.entry.feature, lang)}</h4>
          <p>{textIn(r.entry.description, lang)}</p>
          <div className="row">
            <section>
              <h5>{t('dialogues.register.intended')}</h5>
              {list(r.entry.intendedUses)}
            </section>
            <section>
              <h5>{t('dialogues.register.excluded')}</h5>
              {list(r.entry.excludedUses)}
            </section>
            <section>
              <h5>{t('dialogues.register.inputs')}</h5>
              {list(r.entry.inputs)}
            </section>
          </div>
          <h5>{t('dialogues.register.validation')}</h5>
          <ul>
            {r.entry.validationEvidence.map((e, k) => (
              <li key={k}>
                {e.reference}
                {e.description === undefined ? null : ` — ${e.description}`}
              </li>
            ))}
          </ul>
          <h5>{t('dialogues.register.approval')}</h5>
          <p>
            {t('dialogues.register.approverRole', { role: r.entry.humanApproval.approverRole })}.{' '}
            {textIn(r.entry.humanApproval.description, lang)}
          </p>
          <Mapping
            heading={t('dialogues.register.nato')}
            source={register.frameworks.nato.source}
            names={register.frameworks.nato.items}
            values={r.entry.nato}
          />
          <Mapping
            heading={t('dialogues.register.reaim')}
            source={register.frameworks.reaim.source}
            names={register.frameworks.reaim.items}
            values={r.entry.reaim}
          />
          <Mapping
            heading={t('dialogues.register.declaration')}
            source={register.frameworks.politicalDeclaration.source}
            names={register.frameworks.politicalDeclaration.items}
            values={r.entry.politicalDeclaration}
          />
          <section>
            <h5>{t('dialogues.register.gaps')}</h5>
            {r.gaps.length === 0 ? (
              <p>{t('dialogues.register.noGaps')}</p>
            ) : (
              <ul className="gaps">
                {r.gaps.map((g) => (
                  <li key={g.field}>{textIn(g.message, lang)}</li>
                ))}
              </ul>
            )}
          </section>
          <Switch entry={r} isAdmin={props.isAdmin} dialogues={props.dialogues} onChanged={load} />
        </article>
      ))}
    </section>
  );
}
