/**
 * The drills area (issue 7). Routes: `#/drills` library, setup and list; `#/drills/:id` opens the view of the
 * user's role; `#/drills/:id/control|play|evaluate|report`. A player's page only ever requests the player
 * projection of a drill; the truth comes in the control view (controllers, evaluators) and the report after the
 * drill is finished.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../page.ts';
import { defaultTab, drillTabs, localized } from './drill-model.ts';
import type { DrillTab } from './drill-model.ts';
import { DrillsApi } from './drills-api.ts';
import type { DrillInfo } from './drills-api.ts';
import { BusyLine, ErrorLine, useAction } from './drill-widgets.tsx';
import { LibraryPage } from './library-page.tsx';
import { ControlView } from './control-view.tsx';
import { PlayView } from './play-view.tsx';
import { EvaluateView } from './evaluate-view.tsx';
import { ReportPage } from './report-page.tsx';

const TABS: readonly DrillTab[] = ['control', 'play', 'evaluate', 'report'];

export function DrillsPage(props: PageProps) {
  const { api, user, path, navigate } = props;
  const drills = useMemo(() => new DrillsApi(api), [api]);
  const id = path[0];
  if (id === undefined) return <LibraryPage drills={drills} user={user} navigate={navigate} />;
  const tab = TABS.find((x) => x === path[1]);
  return (
    <DrillShell
      key={id}
      drills={drills}
      id={id}
      tab={tab}
      roles={user.roles}
      nation={user.nation}
      navigate={navigate}
    />
  );
}

function DrillShell(props: {
  readonly drills: DrillsApi;
  readonly id: string;
  readonly tab: DrillTab | undefined;
  readonly roles: readonly string[];
  readonly nation: 'KR' | 'JP';
  readonly navigate: (route: string) => void;
}) {
  const { drills, id, tab, roles, nation, navigate } = props;
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<DrillInfo | undefined>(undefined);
  const load = useAction();

  const refresh = useCallback(async (): Promise<void> => {
    const d = await load.run(t('drills.page.loading'), () => drills.get(id));
    if (d !== undefined) setInfo(d);
  }, [drills, id, load.run, t]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const finished = info?.status === 'finished';
  const tabs = drillTabs(roles, finished);
  const current = tab ?? defaultTab(roles, finished);

  useEffect(() => {
    if (info !== undefined && tab === undefined && current !== undefined) navigate(`drills/${id}/${current}`);
  }, [info, tab, current, id, navigate]);

  return (
    <main className="area">
      <p>
        <a href="#/drills">← {t('drills.page.back')}</a>
      </p>
      {info === undefined ? (
        <>
          <BusyLine text={load.busy} />
          <ErrorLine error={load.error} />
        </>
      ) : (
        <>
          <h2>
            {info.title}{' '}
            <span className="hint">
              ({localized(info.name, i18n.language)} · {t(`drills.status.${info.status}`)})
            </span>
          </h2>
          <nav aria-label={t('drills.tabs.label')} className="areas">
            {tabs.map((x) => (
              <a
                key={x}
                href={`#/drills/${encodeURIComponent(id)}/${x}`}
                aria-current={x === current ? 'page' : undefined}
              >
                {t(`drills.tabs.${x}`)}
              </a>
            ))}
          </nav>
          {current === undefined || !tabs.includes(current) ? (
            <p role="alert" className="error">
              {current === 'report' ? t('drills.report.notFinished') : t('drills.page.forbidden')}
            </p>
          ) : current === 'control' ? (
            <ControlView drills={drills} info={info} onInfo={setInfo} />
          ) : current === 'play' ? (
            <PlayView drills={drills} info={info} onInfo={setInfo} nation={nation} />
          ) : current === 'evaluate' ? (
            <EvaluateView drills={drills} info={info} />
          ) : (
            <ReportPage drills={drills} info={info} roles={roles} />
          )}
        </>
      )}
    </main>
  );
}
