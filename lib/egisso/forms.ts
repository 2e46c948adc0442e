/**
 * Form checks of the ЕЦП.МИС ЕГИССО module, as pure functions (the in-page hints call them with what is on
 * screen): funding shares of a local measure sum to 100; decision/start/end dates of an assignment lie
 * within the local measure's period (ЕГИССО rule 019, caught before sending).
 */

export interface FieldProblem {
  /** Field label as on the form. */
  field: string;
  message: string;
  /** ЕГИССО rule the problem would trigger, when there is one. */
  rule?: string;
}

export interface FormCheck {
  ok: boolean;
  problems: FieldProblem[];
}

// --- numbers ------------------------------------------------------------------------------------------

/** "12,5", "12.5", " 40 ", "40 %" → number; "" / null → null (empty field); anything else → NaN. */
export function parseShare(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const t = value.replace(/[\s\u00a0%]/g, '').replace(',', '.');
  if (t === '') return null;
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

export const FUNDING_FIELDS = ['Внебюджетные фонды', 'Федеральный бюджет', 'Бюджет субъекта', 'Бюджет органов местного самоуправления'] as const;

export interface FundingCheck extends FormCheck {
  /** Sum of the filled shares (NaN fields left out). */
  sum: number;
}

/**
 * «Финансирование»: shares in percent, each 0…100, their «Общая сумма» must be exactly 100.
 * `shares` maps the field label to what is typed there.
 */
export function checkFundingShares(shares: Readonly<Record<string, string | number | null | undefined>>): FundingCheck {
  const problems: FieldProblem[] = [];
  let sum = 0;
  let filled = 0;
  for (const [field, raw] of Object.entries(shares)) {
    const v = parseShare(raw);
    if (v === null) continue;
    if (Number.isNaN(v)) {
      problems.push({ field, message: `В поле «${field}» должно быть число (доля в процентах), а указано «${String(raw).trim()}».` });
      continue;
    }
    if (v < 0 || v > 100) {
      problems.push({ field, message: `Доля «${field}» должна быть от 0 до 100 %, а указано ${fmtNum(v)}.` });
    }
    sum += v;
    filled++;
  }
  sum = Math.round(sum * 1e6) / 1e6;
  if (problems.length === 0) {
    if (filled === 0) {
      problems.push({ field: 'Общая сумма', message: 'Доли финансирования не заполнены: их сумма должна быть 100.' });
    } else if (Math.abs(sum - 100) > 1e-6) {
      problems.push({
        field: 'Общая сумма',
        message: `Сумма долей финансирования ${fmtNum(sum)}, а должна быть ровно 100: ${sum < 100 ? `не хватает ${fmtNum(100 - sum)}` : `лишние ${fmtNum(sum - 100)}`}.`,
      });
    }
  }
  return { ok: problems.length === 0, problems, sum };
}

function fmtNum(n: number): string {
  return String(Math.round(n * 1e6) / 1e6).replace('.', ',');
}

// --- dates --------------------------------------------------------------------------------------------

export interface DayDate {
  y: number;
  m: number;
  d: number;
}

/**
 * "01.02.2019", "01-02-2019" (as ЕГИССО writes in reports), "2019-02-01", "2020-05-28+03:00",
 * "2019-02-01T00:00:00" → a calendar day; null when empty or not a real date.
 */
export function parseDay(value: string | null | undefined): DayDate | null {
  if (!value) return null;
  const t = value.trim();
  let y: number;
  let m: number;
  let d: number;
  let r = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(t);
  if (r) {
    d = Number(r[1]);
    m = Number(r[2]);
    y = Number(r[3]);
  } else {
    r = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T+Z\s-])/.exec(t);
    if (!r) return null;
    y = Number(r[1]);
    m = Number(r[2]);
    d = Number(r[3]);
  }
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return { y, m, d };
}

function ord(x: DayDate): number {
  return x.y * 10000 + x.m * 100 + x.d;
}

export function formatDay(x: DayDate): string {
  return `${String(x.d).padStart(2, '0')}.${String(x.m).padStart(2, '0')}.${x.y}`;
}

export interface AssignmentDates {
  decisionDate?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export interface MeasurePeriod {
  /** «Начало действия» of the ЛМСЗ. */
  start?: string | null;
  /** «Окончание действия»; empty = open-ended. */
  end?: string | null;
}

const DATE_FIELDS: readonly { key: keyof AssignmentDates; field: string; egisso: string }[] = [
  { key: 'decisionDate', field: 'Дата принятия решения о назначении', egisso: 'Дата решения о назначении' },
  { key: 'startDate', field: 'Дата начала', egisso: 'Дата начала действия назначения' },
  { key: 'endDate', field: 'Дата окончания', egisso: 'Дата окончания действия назначения' },
];

/**
 * Rule 019: each date of the assignment that is filled in must lie within the local measure's period
 * (bounds included). Also: a date that is not a real date, and an end before the start.
 * Dates of the measure that are not on screen are simply not checked.
 */
export function checkAssignmentDates(dates: AssignmentDates, period: MeasurePeriod): FormCheck {
  const problems: FieldProblem[] = [];
  const from = parseDay(period.start);
  const to = parseDay(period.end);
  const parsed: Partial<Record<keyof AssignmentDates, DayDate>> = {};
  for (const f of DATE_FIELDS) {
    const raw = dates[f.key];
    if (!raw || !raw.trim()) continue;
    const day = parseDay(raw);
    if (!day) {
      problems.push({ field: f.field, message: `«${f.field}»: «${raw.trim()}» — это не дата. Введите дату в виде ДД.ММ.ГГГГ.` });
      continue;
    }
    parsed[f.key] = day;
    const before = from && ord(day) < ord(from);
    const after = to && ord(day) > ord(to);
    if (before || after) {
      const range = `${from ? formatDay(from) : '…'} — ${to ? formatDay(to) : 'без окончания'}`;
      problems.push({
        field: f.field,
        rule: '019',
        message: `${f.egisso} ${formatDay(day)} не входит в период действия локальной МСЗ (${range}): ЕГИССО отклонит запись с кодом 019. Исправьте дату или срок действия меры.`,
      });
    }
  }
  if (parsed.startDate && parsed.endDate && ord(parsed.endDate) < ord(parsed.startDate)) {
    problems.push({
      field: 'Дата окончания',
      message: `Дата окончания ${formatDay(parsed.endDate)} раньше даты начала ${formatDay(parsed.startDate)}.`,
    });
  }
  return { ok: problems.length === 0, problems };
}
