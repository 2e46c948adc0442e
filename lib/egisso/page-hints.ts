/**
 * What the in-page helpers of the ЕЦП.МИС ЕГИССО module say beside the fields, from the values on screen.
 * Pure: the content script reads the values (selectors) and shows the texts; nothing here blocks saving.
 */
import { checkSnils } from '../ids/snils';
import { checkInn } from '../ids/inn';
import { checkKpp } from '../ids/kpp';
import { checkAssignmentDates, checkFundingShares } from './forms';

export type HintField = 'funding' | 'decisionDate' | 'startDate' | 'endDate' | 'snils' | 'inn' | 'kpp';

export interface FieldHint {
  field: HintField;
  ok: boolean;
  message: string;
}

export interface ScreenValues {
  /** «Финансирование»: label → typed value (only when the block is on screen). */
  funding?: Record<string, string>;
  measureStart?: string | null;
  measureEnd?: string | null;
  decisionDate?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  snils?: string | null;
  inn?: string | null;
  kpp?: string | null;
}

const DATE_FIELD: Record<string, HintField> = {
  'Дата принятия решения о назначении': 'decisionDate',
  'Дата начала': 'startDate',
  'Дата окончания': 'endDate',
};

/** Hints for every field that is on screen and filled in; empty fields get none (the portal checks those). */
export function screenHints(v: ScreenValues): FieldHint[] {
  const out: FieldHint[] = [];
  if (v.funding && Object.keys(v.funding).length) {
    const r = checkFundingShares(v.funding);
    out.push({ field: 'funding', ok: r.ok, message: r.ok ? 'Сумма долей финансирования — 100.' : r.problems.map((p) => p.message).join(' ') });
  }
  const hasDates = [v.decisionDate, v.startDate, v.endDate].some((d) => d && d.trim());
  const hasPeriod = [v.measureStart, v.measureEnd].some((d) => d && d.trim());
  if (hasDates) {
    // without the measure's period on screen only the dates themselves are checked (rule 019 needs both)
    const r = checkAssignmentDates(
      { decisionDate: v.decisionDate, startDate: v.startDate, endDate: v.endDate },
      hasPeriod ? { start: v.measureStart, end: v.measureEnd } : {},
    );
    for (const p of r.problems) out.push({ field: DATE_FIELD[p.field] ?? 'startDate', ok: false, message: p.message });
  }
  if (v.snils && v.snils.trim()) {
    const r = checkSnils(v.snils);
    out.push({ field: 'snils', ok: r.ok, message: r.ok ? 'СНИЛС записан верно.' : r.reason });
  }
  if (v.inn && v.inn.trim()) {
    const r = checkInn(v.inn);
    out.push({ field: 'inn', ok: r.ok, message: r.ok ? 'ИНН записан верно.' : r.reason });
  }
  if (v.kpp && v.kpp.trim()) {
    const r = checkKpp(v.kpp);
    out.push({ field: 'kpp', ok: r.ok, message: r.ok ? 'КПП записан верно.' : r.reason });
  }
  return out;
}
