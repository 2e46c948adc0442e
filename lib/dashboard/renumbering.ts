/** Card «Переприсвоение лицензий»: the ledger across every renumbering file in the journal. */
import { buildLedger, ledgerCounts, RENUMBERING_KINDS } from '../renumbering/ledger';
import { plural } from '../plural';
import { checklistUrlFor } from '../checklists';
import { fileNameOf, isUnreadableEntry, num, unreadableLine, type CardAction, type CardModel, type DashEntry, type DashboardSettings } from './types';

const TOR_KND_URL = 'https://tor.knd.gov.ru/';
const lic = (n: number) => `${n} ${plural(n, 'лицензия', 'лицензии', 'лицензий')}`;
/** «переприсвоена» for 1 (21, 31…), «переприсвоены» otherwise. */
const verb = (n: number, stem: string) => `${stem}${plural(n, 'а', 'ы', 'ы')}`;

/**
 * How many of the newest files of each renumbering kind the card reads (a region's renumbering is ~250 files in
 * all); when a kind reaches it the card says the counts cover only those.
 */
export const RENUMBERING_CARD_FILES = 300;

function newestFirst(entries: readonly DashEntry[]): DashEntry[] {
  return [...entries].sort((a, b) => b.lastSeenAt - a.lastSeenAt);
}

function reportAction(e: DashEntry | undefined, label: string): CardAction[] {
  return e?.id !== undefined ? [{ type: 'report', entryId: e.id, label }] : [];
}

function checklistAction(): CardAction[] {
  const path = checklistUrlFor('renumbering');
  return path ? [{ type: 'page', path, label: 'Порядок действий' }] : [];
}

export function renumberingCard(all: readonly DashEntry[], settings: DashboardSettings): CardModel {
  const entries = all.filter((e) => RENUMBERING_KINDS.has(e.kind));
  const title = 'Переприсвоение лицензий';
  const erulHost = settings.userHosts.find((h) => h.portal === 'erul')?.host;
  const erulAction: CardAction[] = erulHost ? [{ type: 'url', url: `https://${erulHost}/`, label: 'Открыть ЕРУЛ' }] : [];
  const torAction: CardAction = { type: 'url', url: TOR_KND_URL, label: 'Открыть ТОР КНД' };

  if (entries.length === 0) {
    return {
      id: 'renumbering',
      title,
      tone: 'idle',
      state: 'Файлов переприсвоения ещё не было.',
      counts: [],
      lines: [],
      next: 'Выгрузите реестр лицензий в ТОР КНД («Служебные задачи» → «Выгрузка реестра лицензий в ЕРУЛ») — расширение проверит файл само.',
      actions: [torAction, ...checklistAction()],
    };
  }

  const done = entries.filter((e) => e.status === 'done' && !isUnreadableEntry(e));
  const oldestFirst = [...done].sort((a, b) => a.firstSeenAt - b.firstSeenAt);
  const ledger = buildLedger(oldestFirst.map((e) => e.report));
  const counts = ledger ? ledgerCounts(ledger) : { imported: 0, importMismatch: 0, notImported: 0, alreadyInErul: 0, failed: 0, exportedOnly: 0 };

  // exported: distinct licences of every registry export (details.licences), else the summary count
  const exportedSet = new Set<string>();
  let exportedFallback = 0;
  for (const e of done) {
    if (e.kind !== 'tor-knd-registry-export') continue;
    const list = e.report.details?.licences;
    if (Array.isArray(list)) {
      for (const l of list) if (typeof l === 'string') exportedSet.add(l);
    } else {
      exportedFallback += num(e.report.summary.licences);
    }
  }
  const exported = exportedSet.size || exportedFallback;

  const newest = newestFirst(entries);
  const badExports = newest.filter((e) => e.kind === 'tor-knd-registry-export' && e.verdict === 'error' && !isUnreadableEntry(e));
  const latestExport = newest.find((e) => e.kind === 'tor-knd-registry-export' && !isUnreadableEntry(e));
  const failedFiles = newest.filter((e) => (e.kind === 'erul-renumbering-result' || e.kind === 'tor-knd-import-result') && e.verdict === 'error' && !isUnreadableEntry(e));
  const pairing = done.filter((e) => e.kind === 'erul-renumbering-result').reduce((s, e) => s + num(e.report.summary.pairingProblems), 0);

  const toFix = counts.failed + counts.importMismatch + pairing;
  const base = {
    id: 'renumbering' as const,
    title,
    counts: [
      { key: 'exported', label: 'выгружено', value: exported },
      { key: 'renumbered', label: 'переприсвоено', value: ledger?.renumbered ?? 0 },
      { key: 'imported', label: 'загружено в ТОР КНД', value: counts.imported },
      { key: 'toFix', label: 'исправить', value: toFix, ...(toFix ? { tone: 'error' as const } : {}) },
    ],
  };
  const lines: string[] = [];
  if (counts.alreadyInErul) lines.push(`${lic(counts.alreadyInErul)} уже в ЕРУЛ — не критично, ничего делать не нужно.`);
  if (counts.notImported) lines.push(`${lic(counts.notImported)} ${verb(counts.notImported, 'переприсвоен')} в ЕРУЛ, но ещё не ${verb(counts.notImported, 'загружен')} в ТОР КНД.`);
  if (counts.exportedOnly) lines.push(`${lic(counts.exportedOnly)} ${verb(counts.exportedOnly, 'выгружен')}, но результата ЕРУЛ по ${plural(counts.exportedOnly, 'ней', 'ним', 'ним')} нет.`);
  if (counts.importMismatch) lines.push(`${lic(counts.importMismatch)}: ТОР КНД загрузил другой новый номер, чем дал ЕРУЛ.`);
  if (pairing) lines.push(`Пары «старый → новый номер» не сходятся: ${pairing}.`);
  const unreadable = unreadableLine(entries);
  if (unreadable) lines.push(unreadable);
  const perKind = new Map<string, number>();
  for (const e of entries) perKind.set(e.kind, (perKind.get(e.kind) ?? 0) + 1);
  if ([...perKind.values()].some((n) => n >= RENUMBERING_CARD_FILES)) {
    lines.push(`Сводка посчитана по последним ${RENUMBERING_CARD_FILES} файлам каждого типа (выгрузки, результаты ЕРУЛ, результаты загрузки в ТОР КНД); более старые файлы — в журнале.`);
  }

  if (toFix > 0 && failedFiles.length) {
    return {
      ...base,
      tone: 'error',
      state: `${lic(toFix)} с ошибкой — нужно обращение в поддержку ТОР КНД.`,
      lines,
      next: 'Откройте отчёт: там готово письмо в поддержку ТОР КНД со списком лицензий. Приложите к письму сам файл результата.',
      actions: [...reportAction(failedFiles[0], 'Открыть письмо'), torAction],
    };
  }
  if (badExports.length && badExports[0] === latestExport) {
    return {
      ...base,
      tone: 'error',
      state: `В выгрузке «${fileNameOf(badExports[0].fileName)}» есть ошибки.`,
      lines,
      next: 'Исправьте выгрузку (не больше 200 лицензий в файле, без повторов и ошибочных номеров) до загрузки в ЕРУЛ.',
      actions: [...reportAction(badExports[0], 'Открыть отчёт'), torAction],
    };
  }
  if (counts.notImported) {
    const lastErul = newest.find((e) => e.kind === 'erul-renumbering-result');
    return {
      ...base,
      tone: 'warn',
      state: `Ждёт загрузки в ТОР КНД: ${lic(counts.notImported)}.`,
      lines,
      next: 'Загрузите результат ЕРУЛ в ТОР КНД («Служебные задачи» → «Загрузка присвоенных номеров лицензий из ЕРУЛ») и скачайте результат загрузки.',
      actions: [torAction, ...reportAction(lastErul, 'Открыть отчёт')],
    };
  }
  if (counts.exportedOnly) {
    return {
      ...base,
      tone: 'warn',
      state: `Ждёт переприсвоения в ЕРУЛ: ${lic(counts.exportedOnly)}.`,
      lines,
      next: 'Загрузите файлы выгрузки в ЕРУЛ («Переприсвоение») и скачайте результат.',
      actions: [...erulAction, ...reportAction(latestExport, 'Открыть отчёт'), ...(erulAction.length ? [] : [torAction])],
    };
  }
  if (done.length === 0) {
    return {
      ...base,
      tone: 'warn',
      state: 'Прочитанных файлов переприсвоения пока нет.',
      lines,
      next: 'Скачайте файл из портала заново — расширение проверит его ещё раз.',
      actions: [torAction, ...checklistAction()],
    };
  }
  const newestRead = newest.find((e) => !isUnreadableEntry(e));
  return {
    ...base,
    tone: 'ok',
    state: ledger?.renumbered
      ? `Все переприсвоенные лицензии (${ledger.renumbered}) загружены в ТОР КНД.`
      : 'Ошибок нет, действий не требуется.',
    lines,
    next: 'Ничего делать не нужно.',
    actions: [...reportAction(newestRead, 'Открыть последний отчёт'), ...checklistAction()],
  };
}
