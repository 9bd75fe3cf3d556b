/** The dialogues area (placeholder until its pages land). */
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../page.ts';

export function DialoguesPage(_props: PageProps) {
  const { t } = useTranslation();
  return (
    <main className="area">
      <h2>{t('dialogues.page.heading')}</h2>
    </main>
  );
}
