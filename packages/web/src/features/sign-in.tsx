/** The sign-in form (the server prints the demo users at start). */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, User } from '../api/api-client.ts';

export function SignIn(props: { api: ApiClient; onSignedIn(user: User): void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    props.api.login(username, password).then(
      (u) => props.onSignedIn(u),
      (err: unknown) => {
        setBusy(false);
        setError(t('signIn.failed', { message: err instanceof Error ? err.message : String(err) }));
      },
    );
  };

  return (
    <form className="sign-in" onSubmit={submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('signIn.heading')}</h2>
      <label>
        {t('signIn.username')}
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <label>
        {t('signIn.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <button type="submit" disabled={busy}>
        {t('signIn.submit')}
      </button>
      <p className="hint">{t('signIn.demoHint')}</p>
      {error === undefined ? null : (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
