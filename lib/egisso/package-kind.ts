/**
 * Kind `egisso-package`: an outgoing ЕГИССО package checked before upload (pre-flight).
 * Summary (contract): message, version, withdrawn, elements, facts, problems, byCheck.
 * Verdict: error when the version is withdrawn or any element has an error check; warn when only
 * warnings; otherwise ok.
 */
import type { PreparedFile } from '../formats/prepared';
import { headText } from '../formats/sniff';
import type { Finding } from '../checks/report';
import type { CheckContext, KindCheck, KindResult } from '../checks/types';
import { plural } from '../plural';
import { formatSnils } from '../ids/snils';
import { packageRootOf, rootFromHead, CURRENT_10_06_S } from './package-root';
import { ELEMENT_KIND_TEXT, packageReader, type PackageElementReport, type ParsedPackage } from './package';
import { PACKAGE_CHECKS, PACKAGE_CHECK_INFO, type PackageCheck } from './package-checks';

const XML_LIKE = new Set(['xml', 'text', 'html']);

/** Per-element findings listed one by one; the rest are counted in one finding per check. */
export const ELEMENT_FINDINGS_LISTED = 200;

const fmt = (n: number): string => n.toLocaleString('ru-RU');
const elementsWord = (n: number): string => `${fmt(n)} ${plural(n, 'элемент', 'элемента', 'элементов')}`;

async function detect(file: PreparedFile): Promise<number> {
  if (!XML_LIKE.has(file.format)) return 0;
  const head = headText(file.head);
  if (!head.includes('urn://egisso-ru/msg/')) return 0;
  const root = rootFromHead(head);
  if (root && packageRootOf(root.local, root.uri)) return 0.95;
  return 0;
}

/** «строка 12, факт № 2, uuid …» */
export function elementWhere(e: Pick<PackageElementReport, 'line' | 'factNumber' | 'index' | 'kind' | 'uuid'>, line = e.line): string {
  const pos = e.factNumber ? `факт № ${e.factNumber}` : `элемент № ${e.index} (${ELEMENT_KIND_TEXT[e.kind] ?? e.kind})`;
  return `строка ${line}, ${pos}${e.uuid ? `, uuid ${e.uuid}` : ''}`;
}

/** «Тестова Анна, СНИЛС 112-233-445 95» — the person in plain words (text only). */
export function personText(e: Pick<PackageElementReport, 'person' | 'snils'>): string {
  const snils = /^\d{11}$/.test(e.snils) ? formatSnils(e.snils) : e.snils;
  return [e.person, snils ? `СНИЛС ${snils}` : ''].filter(Boolean).join(', ');
}

function elementFindings(p: ParsedPackage): Finding[] {
  const out: Finding[] = [];
  const listed: Partial<Record<PackageCheck, number>> = {};
  for (const e of p.stored) {
    const who = personText(e);
    for (const pr of e.problems) {
      if (out.length >= ELEMENT_FINDINGS_LISTED) break;
      const info = PACKAGE_CHECK_INFO[pr.check];
      listed[pr.check] = (listed[pr.check] ?? 0) + 1;
      out.push({
        severity: info.severity,
        code: pr.check,
        message: `${info.title}${who ? ` — ${who}` : ''}: ${pr.text}. ${info.fix}`,
        where: elementWhere(e, pr.line),
      });
    }
  }
  for (const check of PACKAGE_CHECKS) {
    const total = p.byCheck[check] ?? 0;
    const shown = listed[check] ?? 0;
    if (total > shown) {
      const info = PACKAGE_CHECK_INFO[check];
      out.push({
        severity: info.severity,
        code: check,
        message: `${info.title}: ещё ${elementsWord(total - shown)} с этой ошибкой (всего ${fmt(total)}); полный список — в отчёте и в таблице XLSX. ${info.fix}`,
      });
    }
  }
  return out;
}

export function packageNextAction(s: { withdrawn: boolean; problems: number; warned: number; message: string }): string {
  if (s.withdrawn) return `Выгрузите пакет заново в формате 10.06.S ${CURRENT_10_06_S}: пакет этой версии ЕГИССО отклонит целиком.`;
  if (s.problems > 0) {
    return s.message === '10.05.I'
      ? 'Исправьте меры, отмеченные в отчёте, в «Реестре ЛМСЗ» и сформируйте пакет заново — ЕГИССО их не примет.'
      : 'Исправьте записи, отмеченные в отчёте, и выгрузите пакет заново — ЕГИССО их не примет.';
  }
  if (s.warned > 0) return 'Просмотрите предупреждения; если даты верны, пакет можно загружать в ЕГИССО.';
  return 'Пакет можно загружать в ЕГИССО.';
}

async function check(file: PreparedFile, ctx: CheckContext): Promise<KindResult> {
  // the journal's 10.05.I packages matter only to a 10.06.S package
  const is1006 = headText(file.head).includes('urn://egisso-ru/msg/10.06.S/');
  const lmszSource = is1006 && ctx.egissoLmsz ? await ctx.egissoLmsz().catch(() => null) : null;
  // streamed: a 30 MB package is read in 1 MB pieces, never held whole
  const { result: p, encoding } = await file.streamText(() => packageReader({ lmszSource }));
  const { message, version } = p.root;
  const findings: Finding[] = [];
  if (p.withdrawn) {
    findings.push({
      severity: 'error',
      code: 'egisso-package-withdrawn',
      message:
        `Пакет в формате ${message} ${version}: эта версия отозвана — с 01.12.2025 ЕГИССО отклоняет такие пакеты целиком. ` +
        `Выгрузите пакет заново в формате ${message} ${CURRENT_10_06_S} (в ЕЦП.МИС — выберите версию формата ${CURRENT_10_06_S} при формировании пакета).`,
    });
  } else if (message === '10.06.S' && p.oldNames) {
    findings.push({
      severity: 'info',
      code: 'egisso-package-old-version',
      message: `Пакет в старом формате ${message} ${version} (прежние названия элементов). Актуальная версия — ${CURRENT_10_06_S}; если ЕГИССО откажет в приёме, выгрузите пакет в ней.`,
    });
  }
  findings.push(...elementFindings(p));
  if (p.storedTruncated) {
    findings.push({
      severity: 'info',
      code: 'egisso-package-list-truncated',
      message: `Элементов с замечаниями очень много: в подробный список вошли первые ${fmt(p.stored.length)}. Счётчики по проверкам посчитаны по всему пакету.`,
    });
  }
  if (lmszSource && message === '10.06.S') {
    findings.push({
      severity: 'info',
      code: 'egisso-package-lmsz-source',
      message: `Меры (ЛМСЗ) и сроки их действия сверены с пакетом 10.05.I из журнала: ${lmszSource.label}.`,
    });
  }
  const what = message === '10.05.I' ? 'мерах' : 'записях';
  findings.push({
    severity: 'info',
    code: 'egisso-package-summary',
    message:
      `Пакет ${message} ${version}${p.packageId ? ` ${p.packageId}` : ''}: ${elementsWord(p.elements)}` +
      (message === '10.06.S' ? ` (фактов назначения — ${fmt(p.facts)})` : '') +
      (p.problems ? `, с ошибками — ${elementsWord(p.problems)}` : `, ошибок в ${what} не найдено`) +
      (p.warned ? `, только с предупреждениями — ${elementsWord(p.warned)}` : '') +
      `. ${packageNextAction({ withdrawn: p.withdrawn, problems: p.problems, warned: p.warned, message })}`,
  });
  const verdict = p.withdrawn || p.problems > 0 ? 'error' : p.warned > 0 ? 'warn' : 'ok';
  return {
    verdict,
    summary: {
      message,
      version,
      withdrawn: p.withdrawn,
      elements: p.elements,
      facts: p.facts,
      problems: p.problems,
      byCheck: { ...p.byCheck } as Record<string, number>,
    },
    findings,
    details: {
      packageId: p.packageId,
      encoding,
      oldNames: p.oldNames,
      byKind: p.byKind,
      warned: p.warned,
      nextAction: packageNextAction({ withdrawn: p.withdrawn, problems: p.problems, warned: p.warned, message }),
      elements: p.stored,
      elementsTruncated: p.storedTruncated,
      lmsz: p.lmsz,
      ...(lmszSource ? { lmszSource: lmszSource.label } : {}),
    },
  };
}

export const egissoPackageKind: KindCheck = { id: 'egisso-package', detect, check };
