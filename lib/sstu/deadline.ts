/**
 * The ССТУ.РФ deadline (seed 004, п. 1): the data of a calendar month go to ССТУ.РФ from the 1st to the 5th
 * of the next month. Dates are calendar dates in the official's own time zone (the portal's day, in practice).
 */

export interface Period {
  year: number;
  /** 1…12 */
  month: number;
}

export type DeadlineState = 'collecting' | 'open' | 'overdue' | 'closed';

export interface SstuDeadline {
  period: Period;
  /** «ноябрь 2023» */
  periodText: string;
  /** «ССТУ.РФ за ноябрь 2023» — the popup card's title. */
  title: string;
  /** ISO dates of the window, inclusive. */
  windowStart: string;
  windowEnd: string;
  state: DeadlineState;
  /** Days left including today while the window is open (5 on the 1st, 1 on the 5th); 0 otherwise. */
  daysLeft: number;
  /** Days until the window opens while the month is still running; 0 otherwise. */
  daysUntilStart: number;
  /** Days since the window closed, when overdue; 0 otherwise. */
  daysOverdue: number;
  /** Russian, one sentence or two: where the period stands and what to do. */
  text: string;
}

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const MONTHS_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

export const WINDOW_FIRST_DAY = 1;
export const WINDOW_LAST_DAY = 5;

export function periodText(p: Period): string {
  return `${MONTHS[p.month - 1]} ${p.year}`;
}

export function nextPeriod(p: Period): Period {
  return p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 };
}

export function previousPeriod(p: Period): Period {
  return p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 };
}

export function periodKey(p: Period): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** «ноябрь 2023», «Ноябрь, 2023», «ноября 2023», «11.2023», «2023-11» → period; null when none is found. */
export function parsePeriod(text: string): Period | null {
  const t = text.toLowerCase().replace(/ё/g, 'е');
  const iso = /(\d{4})-(\d{2})(?!\d)/.exec(t);
  if (iso && +iso[2] >= 1 && +iso[2] <= 12) return { year: +iso[1], month: +iso[2] };
  const dotted = /(?:^|[^\d.])(\d{1,2})\.(\d{4})(?!\d)/.exec(t);
  if (dotted && +dotted[1] >= 1 && +dotted[1] <= 12) return { year: +dotted[2], month: +dotted[1] };
  for (let i = 0; i < 12; i++) {
    const stem = MONTHS[i].replace(/[ья]$/, '').replace(/й$/, '');
    const m = new RegExp(`(?:^|[^а-я])${stem}[а-я]*[\\s,]+(\\d{4})`).exec(t);
    if (m) return { year: +m[1], month: i + 1 };
  }
  return null;
}

function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function days(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  const word = m10 === 1 && m100 !== 11 ? 'день' : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? 'дня' : 'дней';
  return `${n} ${word}`;
}

/**
 * Where the period stands on `today`. `closed`: the period was closed in ПОС (from the status report, or
 * marked by the official).
 */
export function sstuDeadline(period: Period, today: Date, closed = false): SstuDeadline {
  const next = nextPeriod(period);
  const start = dayNumber(next.year, next.month, WINDOW_FIRST_DAY);
  const end = dayNumber(next.year, next.month, WINDOW_LAST_DAY);
  const now = dayNumber(today.getFullYear(), today.getMonth() + 1, today.getDate());
  const pt = periodText(period);
  const endText = `${WINDOW_LAST_DAY} ${MONTHS_GEN[next.month - 1]}`;
  const startText = `${WINDOW_FIRST_DAY} ${MONTHS_GEN[next.month - 1]}`;
  let state: DeadlineState;
  let text: string;
  let daysLeft = 0;
  let daysUntilStart = 0;
  let daysOverdue = 0;
  if (closed) {
    state = 'closed';
    text = `Отчётный период за ${pt} закрыт: выгрузка в ССТУ.РФ завершена.`;
  } else if (now < start) {
    state = 'collecting';
    daysUntilStart = start - now;
    text = `Месяц ещё идёт. Данные за ${pt} выгружаются в ССТУ.РФ с ${startText} по ${endText} (через ${days(daysUntilStart)}).`;
  } else if (now <= end) {
    state = 'open';
    daysLeft = end - now + 1;
    text =
      daysLeft === 1
        ? `Сегодня, ${endText}, — последний день выгрузки данных за ${pt} в ССТУ.РФ.`
        : `Идёт выгрузка данных за ${pt} в ССТУ.РФ: осталось ${days(daysLeft)}, до ${endText} включительно.`;
    if (now === start) text += ' В первые часы месяца раздел «ССТУ.РФ» в ПОС может быть недоступен: данные готовятся автоматически.';
  } else {
    state = 'overdue';
    daysOverdue = now - end;
    text = `Срок выгрузки данных за ${pt} в ССТУ.РФ истёк ${endText} (${days(daysOverdue)} назад), а период не закрыт. Выгрузите данные как можно скорее и закройте период.`;
  }
  return {
    period,
    periodText: pt,
    title: `ССТУ.РФ за ${pt}`,
    windowStart: iso(next.year, next.month, WINDOW_FIRST_DAY),
    windowEnd: iso(next.year, next.month, WINDOW_LAST_DAY),
    state,
    daysLeft,
    daysUntilStart,
    daysOverdue,
    text,
  };
}

/**
 * The period the popup card is about on `today`: the previous month while its window is open or while it
 * is still not closed; otherwise the current month (its window is ahead).
 */
export function cardPeriod(today: Date, isClosed: (p: Period) => boolean = () => false): Period {
  const current: Period = { year: today.getFullYear(), month: today.getMonth() + 1 };
  const previous = previousPeriod(current);
  if (today.getDate() <= WINDOW_LAST_DAY) return previous;
  return isClosed(previous) ? current : previous;
}
