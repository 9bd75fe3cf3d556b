/** Times as shown: UTC first (the SAR convention), with the viewer's local time beside it. */
export function utcAndLocal(iso: string, locale: string): { utc: string; local: string } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { utc: iso, local: '' };
  const utc = `${d.toISOString().slice(0, 16).replace('T', ' ')}Z`;
  const local = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(d);
  return { utc, local };
}
