/** A time in UTC with the local time beside it. */
import { useTranslation } from 'react-i18next';
import { utcAndLocal } from './time-format.ts';

export function UtcTime(props: { iso: string }) {
  const { t, i18n } = useTranslation();
  const { utc, local } = utcAndLocal(props.iso, i18n.language);
  return (
    <time dateTime={props.iso} className="utc-time">
      {utc}{' '}
      <span className="local">
        ({t('time.local')}: {local})
      </span>
    </time>
  );
}
