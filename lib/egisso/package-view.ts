/**
 * The `egisso-package` report's details read back defensively (they come from the journal as plain JSON),
 * the filter of the problem table (by check, by СНИЛС / ФИО / uuid) and the XLSX sheet. Pure: no DOM.
 */
import type { CheckReport } from '../checks/report';
import type { ExportSheet } from '../export/xlsx';
import { formatSnils } from '../ids/snils';
import { ELEMENT_KIND_TEXT } from './package';
import { PACKAGE_CHECKS, PACKAGE_CHECK_INFO, isPackageCheck, type PackageCheck } from './package-checks';
import { packageNextAction } from './package-kind';

export interface ViewProblem {
  check: PackageCheck;
  severity: 'error' | 'warn';
  text: string;
  line: number;
}

export interface ViewElement {
  index: number;
  factNumber: number;
  kind: string;
  kindText: string;
  line: number;
  uuid: string;
  person: string;
  snils: string;
  problems: ViewProblem[];
}

export interface PackageView {
  message: string;
  version: string;
  withdrawn: boolean;
  packageId: string;
  elements: number;
  facts: number;
  problems: number;
  warned: number;
  /** Checks that found something, in catalogue order, with element counts. */
  checks: { check: PackageCheck; title: string; severity: 'error' | 'warn'; count: number }[];
  rows: ViewElement[];
  rowsTruncated: boolean;
  nextAction: string;
  lmszSource: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function packageView(report: CheckReport): PackageView {
  const s = report.summary;
  const d = obj(report.details);
  const byCheck = obj(s.byCheck);
  const rows: ViewElement[] = arr(d.elements).map((e0) => {
    const e = obj(e0);
    const kind = str(e.kind);
    return {
      index: num(e.index),
      factNumber: num(e.factNumber),
      kind,
      kindText: ELEMENT_KIND_TEXT[kind] ?? kind,
      line: num(e.line),
      uuid: str(e.uuid),
      person: str(e.person),
      snils: str(e.snils),
      problems: arr(e.problems).flatMap((p0) => {
        const p = obj(p0);
        const check = str(p.check);
        if (!isPackageCheck(check)) return [];
        return [{ check, severity: PACKAGE_CHECK_INFO[check].severity, text: str(p.text), line: num(p.line) }];
      }),
    };
  });
  const problems = num(s.problems);
  const warned = num(d.warned);
  const message = str(s.message);
  return {
    message,
    version: str(s.version),
    withdrawn: s.withdrawn === true,
    packageId: str(d.packageId),
    elements: num(s.elements),
    facts: num(s.facts),
    problems,
    warned,
    checks: PACKAGE_CHECKS.filter((c) => num(byCheck[c]) > 0).map((c) => ({ check: c, title: PACKAGE_CHECK_INFO[c].title, severity: PACKAGE_CHECK_INFO[c].severity, count: num(byCheck[c]) })),
    rows,
    rowsTruncated: d.elementsTruncated === true,
    nextAction: str(d.nextAction) || packageNextAction({ withdrawn: s.withdrawn === true, problems, warned, message }),
    lmszSource: str(d.lmszSource),
  };
}

/** Lower-case, no spaces or dashes: «112-233-445 95» finds 11223344595, «тестова анна» finds the person. */
function norm(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[\s-]+/g, '');
}

/** Rows with this check (all when ''), whose СНИЛС, ФИО or uuid contain the query. */
export function filterRows(rows: readonly ViewElement[], check: string, query: string): ViewElement[] {
  const q = norm(query);
  return rows.filter(
    (r) =>
      (!check || r.problems.some((p) => p.check === check)) &&
      (!q || norm(r.snils).includes(q) || norm(r.person).includes(q) || norm(r.uuid).includes(q)),
  );
}

/** «факт № 2» or «элемент № 7 (прекращение …)». */
export function positionText(r: Pick<ViewElement, 'factNumber' | 'index' | 'kindText'>): string {
  return r.factNumber ? `факт № ${r.factNumber}` : `элемент № ${r.index} (${r.kindText})`;
}

export function snilsText(snils: string): string {
  return /^\d{11}$/.test(snils) ? formatSnils(snils) : snils;
}

/** One sheet, one row per problem of every listed element. */
export function packageSheets(v: PackageView): ExportSheet[] {
  return [
    {
      name: 'Ошибки пакета',
      header: ['Строка', 'Элемент', 'Идентификатор (uuid)', 'ФИО', 'СНИЛС', 'Проверка', 'Важность', 'Что не так', 'Что сделать'],
      rows: v.rows.flatMap((r) =>
        r.problems.map((p) => [
          p.line || r.line,
          positionText(r),
          r.uuid,
          r.person,
          snilsText(r.snils),
          PACKAGE_CHECK_INFO[p.check].title,
          p.severity === 'error' ? 'ошибка' : 'предупреждение',
          p.text,
          PACKAGE_CHECK_INFO[p.check].fix,
        ]),
      ),
    },
  ];
}

export function packageXlsxName(v: PackageView): string {
  const id = v.packageId.replace(/[^\w-]+/g, '').slice(0, 36) || 'пакет';
  return `ЕГИССО-пакет-${id}-ошибки.xlsx`;
}
