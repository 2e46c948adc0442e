/** Dates as officials write them: 23.11.2026 14:05 (Moscow time is not assumed: the browser's zone). */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function formatDate(ms: number): string {
  return formatDateTime(ms).slice(0, 10);
}
