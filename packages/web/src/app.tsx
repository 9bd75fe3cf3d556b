/**
 * The shell: sign-in, the header with the language choice, the navigation between the areas and the hash
 * route (`#/case`, `#/drills/...`, `#/exchanges/...`, `#/dialogues/...`, `#/follow-through`, `#/public`). Each
 * area is one page component in features/; the public summary is the only page shown without signing in.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiClient } from './api/api-client.ts';
import type { User } from './api/api-client.ts';
import { LANGUAGES } from './i18n/i18n.ts';
import { SignIn } from './features/sign-in.tsx';
import { CaseWorkbench } from './features/case/case-workbench.tsx';
import { DrillsPage } from './features/drills/drills-page.tsx';
import { ExchangesPage } from './features/exchanges/exchanges-page.tsx';
import { DialoguesPage } from './features/dialogues/dialogues-page.tsx';
import { FollowThroughPage } from './features/follow-through/follow-through-page.tsx';
import { PublicSummaryPage } from './features/follow-through/public-summary-page.tsx';

const api = new ApiClient();

const AREAS = ['case', 'drills', 'exchanges', 'dialogues', 'follow-through', 'public'] as const;
type Area = (typeof AREAS)[number];

const NAV_KEY: Readonly<Record<Area, string>> = {
  case: 'nav.case',
  drills: 'nav.drills',
  exchanges: 'nav.exchanges',
  dialogues: 'nav.dialogues',
  'follow-through': 'nav.followThrough',
  public: 'nav.public',
};

function parseHash(hash: string): { area: Area; path: string[] } {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p));
  const head = parts[0] as Area | undefined;
  return head !== undefined && AREAS.includes(head) ? { area: head, path: parts.slice(1) } : { area: 'case', path: [] };
}

function useHashRoute(): [{ area: Area; path: string[] }, (route: string) => void] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((to: string) => {
    window.location.hash = `#/${to.replace(/^#?\/?/, '')}`;
  }, []);
  return [route, navigate];
}

export function App() {
  const { t, i18n } = useTranslation();
  const [user, setUser] = useState<User | undefined | null>(null);
  const [route, navigate] = useHashRoute();

  useEffect(() => {
    api.me().then(
      (u) => setUser(u),
      () => setUser(undefined),
    );
  }, []);

  if (user === null) return <p className="loading">…</p>;

  const header = (
    <header className="top">
      <h1>{route.area === 'case' ? t('app.title') : `Tandem · ${t(NAV_KEY[route.area])}`}</h1>
      <label className="lang">
        {t('app.language')}
        <select value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)} name="language">
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      {user === undefined ? null : (
        <>
          <span className="who">{t('app.signedInAs', { name: user.username, nation: user.nation })}</span>
          <button type="button" onClick={() => void api.logout().then(() => setUser(undefined))}>
            {t('app.signOut')}
          </button>
        </>
      )}
    </header>
  );

  const nav = (
    <nav className="areas" aria-label={t('nav.label')}>
      {AREAS.map((a) => (
        <a key={a} href={`#/${a}`} aria-current={route.area === a ? 'page' : undefined}>
          {t(NAV_KEY[a])}
        </a>
      ))}
    </nav>
  );

  if (route.area === 'public') {
    return (
      <div className="page">
        {header}
        {nav}
        <PublicSummaryPage api={api} user={user} />
      </div>
    );
  }

  if (user === undefined) {
    return (
      <div className="page">
        {header}
        <main className="centered">
          <SignIn api={api} onSignedIn={setUser} />
        </main>
      </div>
    );
  }

  const props = { api, user, path: route.path, navigate };
  return (
    <div className="page">
      {header}
      {nav}
      {route.area === 'case' ? <CaseWorkbench api={api} user={user} /> : null}
      {route.area === 'drills' ? <DrillsPage {...props} /> : null}
      {route.area === 'exchanges' ? <ExchangesPage {...props} /> : null}
      {route.area === 'dialogues' ? <DialoguesPage {...props} /> : null}
      {route.area === 'follow-through' ? <FollowThroughPage {...props} /> : null}
    </div>
  );
}
