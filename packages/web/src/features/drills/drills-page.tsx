/** The drills area (placeholder until its pages land). */
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../page.ts';

export function DrillsPage(_props: PageProps) {
  const { t } = useTranslation();
  return (
    <main className="area">
      <h2>{t('drills.page.heading')}</h2>
    </main>
  );
}
