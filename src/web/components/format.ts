/** Date-only values ("yyyy-mm-dd") are formatted from their parts, so no time zone can shift the day. */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(date);
}

/** Whole years since the birth date, on the given day. */
export function ageInYears(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return 0;
  let age = today.getFullYear() - y;
  const month = today.getMonth() + 1;
  if (month < m || (month === m && today.getDate() < d)) age -= 1;
  return age;
}
