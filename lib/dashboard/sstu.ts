/**
 * Card «ССТУ.РФ за <месяц>»: data for a month goes to ССТУ.РФ from the 1st to the 5th of the next month.
 * The period shown is the one whose window is open (1st–5th) or comes next; the files that belong to it
 * are those checked from the 6th of that month to the 5th of the next (each file to exactly one period).
 */
import { SSTU_ARCHIVE_AGAIN_SHORT } from '../sstu/archive-advice';
import { periodClosed } from '../checklists/auto';
import { checklistUrlFor } from '../checklists';
import { periodTitle } from '../checklists/progress';
import { plural } from '../plural';
import { sstuDeadline as deadlineOf, WINDOW_LAST_DAY } from '../sstu/deadline';
import { fileNameOf, isUnreadableEntry, num, unreadableLine, type CardAction, type CardModel, type DashEntry, type DashboardSettings } from './types';

export const SSTU_KINDS: ReadonlySet<string> = new Set([
  'sstu-unbound-topics',
  'sstu-lko-without-id',
  'sstu-upload-status',
  'sstu-error-report',
  'sstu-archive',
  'sstu-status-count',
]);

/** Last day of the upload window (the 5th of the month after the period). */
export const SSTU_WINDOW_LAST_DAY = WINDOW_LAST_DAY;
const POS_URL = 'https://pos.gosuslugi.ru/';

const key = (y: number, m: number) => {
  const d = new Date(y, m, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** «YYYY-MM» of the period being worked on at `now`: last month during the 1st–5th, else this month. */
export function sstuPeriodAt(now: Date): string {
  return now.getDate() <= SSTU_WINDOW_LAST_DAY ? key(now.getFullYear(), now.getMonth() - 1) : key(now.getFullYear(), now.getMonth());
}

export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return key(y, m - 2);
}

export interface SstuPeriodRange {
  /** Files checked in [filesFrom, filesTo) belong to the period. */
  filesFrom: number;
  filesTo: number;
  /** The upload window, [windowStart, windowEnd) local dates. */
  windowStart: Date;
  windowEnd: Date;
}

export function sstuPeriodRange(period: string): SstuPeriodRange {
  const [y, m] = period.split('-').map(Number);
  const mon = m - 1;
  return {
    filesFrom: new Date(y, mon, SSTU_WINDOW_LAST_DAY + 1).getTime(),
    filesTo: new Date(y, mon + 1, SSTU_WINDOW_LAST_DAY + 1).getTime(),
    windowStart: new Date(y, mon + 1, 1),
    windowEnd: new Date(y, mon + 1, SSTU_WINDOW_LAST_DAY + 1),
  };
}

export interface SstuDeadline {
  /** The window is open today. */
  open: boolean;
  /** Days left in the window counting today (open), or days until it opens (not yet open); 0 after it. */
  days: number;
  passed: boolean;
  text: string;
}

/** The card's view of the one deadline rule in lib/sstu/deadline.ts. */
export function sstuDeadline(period: string, now: Date): SstuDeadline {
  const [year, month] = period.split('-').map(Number);
  const d = deadlineOf({ year, month }, now);
  return {
    open: d.state === 'open',
    days: d.state === 'open' ? d.daysLeft : d.daysUntilStart,
    passed: d.state === 'overdue',
    text: d.text,
  };
}

const SHORT_NAME: Record<string, [string, string, string]> = {
  'sstu-upload-status': ['статус выгрузки', 'статуса выгрузки', 'статусов выгрузки'],
  'sstu-unbound-topics': ['перечень без тематик УРОГ', 'перечня без тематик УРОГ', 'перечней без тематик УРОГ'],
  'sstu-lko-without-id': ['перечень ЛКО без идентификатора', 'перечня ЛКО без идентификатора', 'перечней ЛКО без идентификатора'],
  'sstu-error-report': ['отчёт с ошибками', 'отчёта с ошибками', 'отчётов с ошибками'],
  'sstu-archive': ['архив', 'архива', 'архивов'],
  'sstu-status-count': ['отчёт о количестве статусов', 'отчёта о количестве статусов', 'отчётов о количестве статусов'],
};

/** What blocks the upload, from one file of the period (null when it does not block). */
export function sstuBlock(e: DashEntry): string | null {
  const name = fileNameOf(e.fileName);
  if (isUnreadableEntry(e) || e.verdict !== 'error') return null;
  const s = e.report.summary;
  switch (e.kind) {
    case 'sstu-unbound-topics': {
      const t = num(s.topics);
      return `${t} ${plural(t, 'тематика', 'тематики', 'тематик')} без привязки к УРОГ (${num(s.rows)} ${plural(num(s.rows), 'сообщение', 'сообщения', 'сообщений')}) — нужно письмо в поддержку ПОС.`;
    }
    case 'sstu-lko-without-id':
      return `${num(s.lko)} ${plural(num(s.lko), 'дочернее ЛКО', 'дочерних ЛКО', 'дочерних ЛКО')} без идентификатора ССТУ.РФ — ${plural(num(s.lko), 'заполните его', 'заполните их', 'заполните их')}.`;
    case 'sstu-upload-status': {
      const parts: string[] = [];
      if (num(s.notUploaded)) parts.push(`не выгрузили ${num(s.notUploaded)} ЛКО`);
      if (num(s.withErrors)) parts.push(`с ошибками ${num(s.withErrors)} ЛКО`);
      if (s.consistent === false) parts.push('итоговые строки не сходятся со строками по ЛКО');
      return parts.length ? `Статус выгрузки: ${parts.join(', ')}.` : `Статус выгрузки «${name}»: есть ошибки.`;
    }
    case 'sstu-error-report':
      return `Ошибки передачи: отказов в приёме — ${num(s.rejected)}, ошибок соединения — ${num(s.connectionErrors)}.`;
    case 'sstu-archive':
      if (s.overSizeLimit === true) return `Архив «${name}» больше 100 МБ — ССТУ.РФ его не примет.`;
      return `Архив «${name}» повреждён — ${SSTU_ARCHIVE_AGAIN_SHORT}.`;
    default:
      return `Файл «${name}»: есть ошибки.`;
  }
}

/** The latest file of each kind decides (a fixed report replaces the old one); every archive counts. */
function latestPerKind(entries: readonly DashEntry[]): DashEntry[] {
  const newest = [...entries].sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  const seen = new Set<string>();
  const out: DashEntry[] = [];
  for (const e of newest) {
    const k = e.kind === 'sstu-archive' ? `archive:${fileNameOf(e.fileName)}` : e.kind;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

function inRange(e: DashEntry, period: string): boolean {
  const r = sstuPeriodRange(period);
  return e.lastSeenAt >= r.filesFrom && e.lastSeenAt < r.filesTo;
}

export interface PeriodClosure {
  closed: boolean;
  by: 'report' | 'user' | null;
}

export function periodClosure(entries: readonly DashEntry[], period: string, settings: DashboardSettings): PeriodClosure {
  if (settings.closedPeriods.includes(period)) return { closed: true, by: 'user' };
  const status = [...entries]
    .filter((e) => e.kind === 'sstu-upload-status' && e.status === 'done' && !isUnreadableEntry(e) && inRange(e, period))
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt)[0];
  if (status && periodClosed(status.report) === true) return { closed: true, by: 'report' };
  return { closed: false, by: null };
}

export function sstuCard(all: readonly DashEntry[], settings: DashboardSettings, nowMs: number): CardModel {
  const now = new Date(nowMs);
  const entries = all.filter((e) => SSTU_KINDS.has(e.kind));
  const period = sstuPeriodAt(now);
  const title = `ССТУ.РФ за ${periodTitle(period)}`;
  const deadline = sstuDeadline(period, now);
  const inPeriod = entries.filter((e) => inRange(e, period));
  // the process is read from the files that could be read; a damaged download is a line, not the state
  const mine = latestPerKind(inPeriod.filter((e) => !isUnreadableEntry(e)));
  const stillUnread = inPeriod.filter((e) => isUnreadableEntry(e) && !mine.some((m) => m.kind === e.kind && m.lastSeenAt > e.lastSeenAt));
  const closure = periodClosure(entries, period, settings);

  const kindCounts = new Map<string, number>();
  for (const e of mine) kindCounts.set(e.kind, (kindCounts.get(e.kind) ?? 0) + 1);
  const checked = [...kindCounts.entries()].map(([k, n]) => {
    const w = SHORT_NAME[k] ?? [k, k, k];
    return n === 1 ? w[0] : `${n} ${plural(n, w[0], w[1], w[2])}`;
  });

  const blockers = mine.map((e) => ({ e, text: sstuBlock(e) })).filter((b): b is { e: DashEntry; text: string } => b.text !== null);
  const lines: string[] = [];
  lines.push(checked.length ? `Проверено: ${checked.join(', ')}.` : 'Файлов за этот период ещё не проверяли.');
  for (const b of blockers.slice(0, 4)) lines.push(b.text);
  if (blockers.length > 4) lines.push(`И ещё ${blockers.length - 4} — в журнале проверок.`);
  const unreadable = unreadableLine(stillUnread);
  if (unreadable) lines.push(unreadable);

  // the previous period's window has passed: say so if it was being worked on and never closed
  const prev = previousPeriod(period);
  const prevDeadline = sstuDeadline(prev, now);
  const prevWorked = entries.some((e) => inRange(e, prev));
  const prevOpen = prevDeadline.passed && prevWorked && !periodClosure(entries, prev, settings).closed;
  if (prevOpen) lines.push(`За ${periodTitle(prev)} период не закрыт, а срок передачи уже прошёл. Закройте его или отметьте закрытым.`);

  const toggle: CardAction = closure.closed
    ? { type: 'toggle-period', period, closed: false, label: 'Снять отметку «период закрыт»' }
    : { type: 'toggle-period', period, closed: true, label: 'Отметить период закрытым' };
  const pos: CardAction = { type: 'url', url: POS_URL, label: 'Открыть ПОС' };
  const checklist = checklistUrlFor('sstu');
  const checklistAction: CardAction[] = checklist ? [{ type: 'page', path: checklist, label: 'Порядок действий' }] : [];
  const counts = [
    { key: 'checked', label: 'файлов проверено', value: mine.length },
    { key: 'blocks', label: 'мешают передаче', value: blockers.length, ...(blockers.length ? { tone: 'error' as const } : {}) },
  ];
  const deadlineTone = closure.closed ? 'ok' : deadline.open ? (deadline.days <= 2 ? 'error' : 'warn') : 'idle';
  const deadlineModel = { text: deadline.text, daysLeft: deadline.open ? deadline.days : null, tone: deadlineTone } as const;

  if (closure.closed) {
    return {
      id: 'sstu',
      title,
      tone: 'ok',
      state: closure.by === 'user' ? 'Период закрыт (отмечено вами).' : 'Период закрыт — по статусу выгрузки.',
      counts,
      lines,
      next: 'Ничего делать не нужно.',
      actions: [toggle, ...(prevOpen ? [{ type: 'toggle-period', period: prev, closed: true, label: `Отметить ${periodTitle(prev)} закрытым` } as CardAction] : [])],
      deadline: { ...deadlineModel, text: `Данные за ${periodTitle(period)} переданы.` },
    };
  }
  if (blockers.length) {
    const first = blockers[0].e;
    const isLetter = first.kind === 'sstu-unbound-topics';
    return {
      id: 'sstu',
      title,
      tone: 'error',
      state: `Передаче мешает: ${blockers.length} ${plural(blockers.length, 'проблема', 'проблемы', 'проблем')}.`,
      counts,
      lines,
      next: isLetter
        ? 'Откройте отчёт: там готово письмо в поддержку ПОС о привязке тематик к УРОГ.'
        : 'Откройте отчёт: там сказано, что исправить; затем скачайте файл заново.',
      actions: [
        ...(first.id !== undefined ? [{ type: 'report', entryId: first.id, label: isLetter ? 'Открыть письмо' : 'Открыть отчёт' } as CardAction] : []),
        pos,
        toggle,
        ...checklistAction,
      ],
      deadline: deadlineModel,
    };
  }
  const read = mine;
  const statusOk = read.some((e) => e.kind === 'sstu-upload-status' && e.verdict !== 'error');
  return {
    id: 'sstu',
    title,
    tone: prevOpen || unreadable ? 'warn' : read.length === 0 ? (deadline.open ? 'warn' : 'idle') : deadline.open ? 'warn' : 'ok',
    state: read.length === 0 ? 'Файлы за период ещё не проверялись.' : statusOk ? 'Все ЛКО выгрузили данные; период не закрыт.' : 'Ошибок в проверенных файлах нет.',
    counts,
    lines,
    next: statusOk
      ? 'Закройте отчётный период в ПОС (переключатель «Отчетный период закрыт») или отметьте его закрытым здесь.'
      : 'Скачайте в ПОС «Статус выгрузки и загрузки данных в ССТУ.РФ» и перечни без тематик УРОГ — расширение проверит их.',
    actions: [pos, toggle, ...checklistAction],
    deadline: deadlineModel,
  };
}
