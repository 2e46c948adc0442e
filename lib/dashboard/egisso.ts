/** Card «ЕГИССО»: the last processing protocols checked, records rejected and what to fix (by rule code). */
import { explainRuleCode } from '../egisso/rule-codes';
import { plural } from '../plural';
import { fileNameOf, isUnreadableEntry, num, unreadableLine, type CardAction, type CardModel, type DashEntry, type DashboardSettings } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Packages checked within this many days count on the card (at least the latest one always does). */
export const EGISSO_RECENT_DAYS = 30;
const PACKAGES_LISTED = 3;
const CODES_LISTED = 3;
const EGISSO_URL = 'https://egisso.ru/';

function packageIdOf(e: DashEntry): string {
  const d = e.report.details ?? {};
  const id = d.packageID ?? d.packageId;
  return typeof id === 'string' && id.trim() ? id.trim() : fileNameOf(e.fileName);
}

const recs = (n: number) => `${n} ${plural(n, 'запись', 'записи', 'записей')}`;

/** One line per package: «Пакет 7f3…: принято 98 из 100, отклонено 2». */
export function packageLine(e: DashEntry): string {
  const id = packageIdOf(e);
  const label = `Пакет ${id.length > 14 ? `${id.slice(0, 8)}…` : id}`;
  if (isUnreadableEntry(e)) return `${label}: файл протокола не прочитан — скачайте его заново.`;
  const s = e.report.summary;
  if (s.messageRejected === true) return `${label}: сообщение отклонено целиком — сформируйте и отправьте пакет заново.`;
  const status = s.packageStatus;
  if (status === 1 || status === 2) return `${label}: ещё не обработан ЕГИССО — скачайте протокол позже.`;
  const failed = num(s.failedRecords);
  return `${label}: принято ${num(s.recordNumSuccess)} из ${num(s.recordNum)}` + (failed ? `, ${plural(failed, 'отклонена', 'отклонены', 'отклонено')} ${recs(failed)}` : '') + '.';
}

const TONE_RANK: Record<CardModel['tone'], number> = { idle: 0, ok: 1, warn: 2, error: 3 };

/** «Пакет перед загрузкой «file.xml»: 10.06.S 1.1.0, 7 элементов, с ошибками 2 — исправьте до загрузки.» */
export function preflightLine(e: DashEntry): string {
  const label = `Пакет перед загрузкой «${fileNameOf(e.fileName)}»`;
  if (isUnreadableEntry(e)) return `${label}: файл не прочитан — выгрузите пакет заново.`;
  const s = e.report.summary;
  const n = num(s.elements);
  const head = `${label}: ${String(s.message ?? '')} ${String(s.version ?? '')}, ${n} ${plural(n, 'элемент', 'элемента', 'элементов')}`;
  if (s.withdrawn === true) return `${head} — версия отозвана, выгрузите пакет в формате 1.1.0.`;
  const bad = num(s.problems);
  if (bad) return `${head}, с ошибками ${bad} — исправьте до загрузки.`;
  return e.verdict === 'warn' ? `${head}: ошибок нет, есть предупреждения.` : `${head}: ошибок нет, можно загружать.`;
}

/** The ЕГИССО card: processing protocols, and the last pre-flight check of an outgoing package. */
export function egissoCard(all: readonly DashEntry[], settings: DashboardSettings, nowMs: number): CardModel {
  const card = protocolsCard(all, settings, nowMs);
  const pre = all.filter((e) => e.kind === 'egisso-package').sort((a, b) => b.lastSeenAt - a.lastSeenAt)[0];
  if (!pre) return card;
  const line = preflightLine(pre);
  const action: CardAction[] = pre.id !== undefined ? [{ type: 'report', entryId: pre.id, label: 'Отчёт о пакете' }] : [];
  const preTone: CardModel['tone'] = isUnreadableEntry(pre) || pre.verdict === 'error' ? 'error' : pre.verdict === 'warn' ? 'warn' : 'ok';
  const newestProtocol = all.filter((e) => e.kind === 'egisso-protocol').reduce((m, e) => Math.max(m, e.lastSeenAt), 0);
  if (card.tone === 'idle' || pre.lastSeenAt > newestProtocol) {
    // the package checked last is where the process stands now
    const next = preTone === 'error'
      ? (pre.report.summary.withdrawn === true ? 'Выгрузите пакет заново в формате 10.06.S 1.1.0 и проверьте его.' : 'Исправьте ошибки пакета, выгрузите его заново и проверьте ещё раз до загрузки в ЕГИССО.')
      : 'Загрузите пакет в ЕГИССО, затем скачайте протокол обработки — расширение проверит его.';
    return {
      ...card,
      tone: TONE_RANK[preTone] >= TONE_RANK[card.tone] ? preTone : card.tone,
      state: line,
      lines: card.tone === 'idle' ? [] : [card.state, ...card.lines],
      next,
      actions: [...action, ...card.actions.filter((a) => a.type !== 'report' || card.tone !== 'idle')].slice(0, 3),
    };
  }
  return { ...card, lines: [line, ...card.lines], actions: [...card.actions, ...action].slice(0, 3) };
}

function protocolsCard(all: readonly DashEntry[], settings: DashboardSettings, nowMs: number): CardModel {
  const entries = all.filter((e) => e.kind === 'egisso-protocol').sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  const ecpHost = settings.userHosts.find((h) => h.portal === 'ecp-mis')?.host;
  const portal: CardAction = ecpHost
    ? { type: 'url', url: `https://${ecpHost}/`, label: 'Открыть ЕЦП.МИС' }
    : { type: 'url', url: EGISSO_URL, label: 'Открыть ЕГИССО' };
  if (entries.length === 0) {
    return {
      id: 'egisso',
      title: 'ЕГИССО',
      tone: 'idle',
      state: 'Протоколов обработки ещё не проверяли.',
      counts: [],
      lines: [],
      next: 'Скачайте файл протокола обработки в ЕЦП.МИС («Журнал запросов в ЕГИССО») или в кабинете поставщика ЕГИССО — расширение проверит его само.',
      actions: [portal],
    };
  }
  const since = nowMs - EGISSO_RECENT_DAYS * DAY_MS;
  const seen = new Set<string>();
  const recent: DashEntry[] = [];
  for (const e of entries) {
    if (recent.length > 0 && e.lastSeenAt < since) break;
    const id = packageIdOf(e);
    if (seen.has(id)) continue; // the same package's protocol downloaded again later: the newest counts
    seen.add(id);
    recent.push(e);
  }
  const readable = recent.filter((e) => !isUnreadableEntry(e));
  const rejected = readable.reduce((s, e) => s + num(e.report.summary.failedRecords), 0);
  const pending = readable.filter((e) => e.report.summary.packageStatus === 1 || e.report.summary.packageStatus === 2);
  const withErrors = readable.filter((e) => e.verdict === 'error');

  // what to fix: rule codes across the packages with errors, most frequent first
  const codes = new Map<string, { count: number; report?: string }>();
  for (const e of readable) {
    const by = e.report.summary.byCode;
    if (!by || typeof by !== 'object') continue;
    for (const [code, n] of Object.entries(by)) {
      const cur = codes.get(code) ?? { count: 0 };
      cur.count += num(n);
      codes.set(code, cur);
    }
  }
  const topCodes = [...codes.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).slice(0, CODES_LISTED);

  const lines = readable.slice(0, PACKAGES_LISTED).map(packageLine);
  if (readable.length > PACKAGES_LISTED) lines.push(`И ещё ${readable.length - PACKAGES_LISTED} — в журнале проверок.`);
  const unreadable = unreadableLine(recent);
  if (unreadable) lines.push(unreadable);
  for (const [code, c] of topCodes) {
    const { title } = explainRuleCode(code);
    lines.push(`${code ? `Код ${code}` : 'Без кода'} (${c.count}): ${title}`);
  }

  const counts = [
    { key: 'packages', label: plural(recent.length, 'пакет проверен', 'пакета проверено', 'пакетов проверено'), value: recent.length },
    { key: 'rejected', label: 'записей отклонено', value: rejected, ...(rejected ? { tone: 'error' as const } : {}) },
  ];
  const report = (e: DashEntry, label: string): CardAction[] => (e.id !== undefined ? [{ type: 'report', entryId: e.id, label }] : []);
  const journal: CardAction = { type: 'page', path: '/journal.html?kind=egisso-protocol', label: 'Все протоколы' };

  if (withErrors.length) {
    const first = withErrors[0];
    const fix = topCodes.length ? explainRuleCode(topCodes[0][0]).fix : 'Откройте отчёт: ошибки сгруппированы по кодам правил с объяснением.';
    return {
      id: 'egisso',
      title: 'ЕГИССО',
      tone: 'error',
      state: `${plural(rejected, 'Отклонена', 'Отклонены', 'Отклонено')} ${recs(rejected)} в ${withErrors.length} ${plural(withErrors.length, 'пакете', 'пакетах', 'пакетах')} — исправьте и отправьте заново.`,
      counts,
      lines,
      next: fix,
      actions: [...report(first, 'Открыть отчёт'), portal, journal],
    };
  }
  if (pending.length) {
    return {
      id: 'egisso',
      title: 'ЕГИССО',
      tone: 'warn',
      state: `${pending.length} ${plural(pending.length, 'пакет ещё не обработан', 'пакета ещё не обработаны', 'пакетов ещё не обработаны')} ЕГИССО.`,
      counts,
      lines,
      next: 'Дождитесь обработки и скачайте протокол ещё раз.',
      actions: [portal, ...report(pending[0], 'Открыть отчёт')],
    };
  }
  const warned = readable.find((e) => e.verdict === 'warn');
  if (readable.length === 0) {
    return {
      id: 'egisso',
      title: 'ЕГИССО',
      tone: 'warn',
      state: 'Прочитанных протоколов обработки пока нет.',
      counts,
      lines,
      next: 'Скачайте файл протокола заново — расширение проверит его ещё раз.',
      actions: [portal, journal],
    };
  }
  return {
    id: 'egisso',
    title: 'ЕГИССО',
    tone: warned || unreadable ? 'warn' : 'ok',
    state: warned ? 'Все записи приняты; есть предупреждения.' : 'Все записи приняты.',
    counts,
    lines,
    next: warned ? 'Просмотрите предупреждения в отчёте; действий не требуется.' : 'Ничего делать не нужно.',
    actions: [...report(warned ?? readable[0], 'Открыть отчёт'), journal],
  };
}
