const DATE = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Copenhagen',
});
const TIME = new Intl.DateTimeFormat('da-DK', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Copenhagen',
});

/** "3. marts 2027" — dates in letters are written out, as people read them. */
export function danishDate(value: string | Date): string {
  return DATE.format(
    typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value,
  );
}

/** "3. marts 2027 kl. 10.15" in Danish time. */
export function danishDateTime(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return `${DATE.format(d)} kl. ${TIME.format(d).replace(':', '.')}`;
}
