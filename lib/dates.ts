/**
 * Dates as officials write them, through Intl with the ru-RU locale: 23.11.2026 14:05 (the browser's time
 * zone; Moscow time is not assumed).
 */
const DATE_TIME = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const DATE = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric' });

export function formatDateTime(ms: number): string {
  // ru-RU puts a comma between date and time; officials write them with a space
  return DATE_TIME.format(ms).replace(', ', ' ');
}

export function formatDate(ms: number): string {
  return DATE.format(ms);
}
