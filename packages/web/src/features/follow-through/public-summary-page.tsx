/** The public summary of the cooperation, for citizens of both nations (placeholder until it lands). */
import { useTranslation } from 'react-i18next';
import type { PublicPageProps } from '../page.ts';

export function PublicSummaryPage(_props: PublicPageProps) {
  const { t } = useTranslation();
  return (
    <main className="area">
      <h2>{t('nav.public')}</h2>
    </main>
  );
}
