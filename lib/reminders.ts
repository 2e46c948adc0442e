/**
 * Reminders before a deadline is missed, as a pure decision over the journal, settings, what was already
 * shown and the clock (injected: tests pass any date).
 * - ССТУ.РФ: from the 1st to the 5th, while the month's period is not closed — one reminder a day; the
 *   badge shows the days left.
 * - Renumbering: an ЕРУЛ result with licences renumbered but not imported into ТОР КНД 7 days after it
 *   was checked — one reminder, once.
 */
import { buildLedger } from './renumbering/ledger';
import { periodClosure, sstuDeadline, sstuPeriodAt, SSTU_KINDS } from './dashboard/sstu';
import { periodTitle } from './checklists/progress';
import { isUnreadableEntry, fileNameOf, type CardId, type DashEntry, type DashboardSettings } from './dashboard/types';
import { plural } from './plural';
import { quote } from './quote';

export const RENUMBERING_REMINDER_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Reminder {
  /** What it is about; a reminder with the same key is never shown twice on the same day. */
  key: string;
  /** The local calendar day it is for, «YYYY-MM-DD». */
  day: string;
  card: CardId;
  title: string;
  message: string;
}

export interface ReminderInput {
  now: Date;
  entries: readonly DashEntry[];
  settings: DashboardSettings;
  /** Reminders on (settings); when off, nothing is shown but the badge still counts the days. */
  enabled: boolean;
  /** key → the day it was last shown. */
  shown: Readonly<Record<string, string>>;
}

export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function dueReminders(input: ReminderInput): { reminders: Reminder[]; badgeDays: number | null } {
  const { now, entries, settings, enabled, shown } = input;
  const today = dayKey(now);
  const reminders: Reminder[] = [];

  const period = sstuPeriodAt(now);
  const deadline = sstuDeadline(period, now);
  const sstu = entries.filter((e) => SSTU_KINDS.has(e.kind));
  const open = deadline.open && !periodClosure(sstu, period, settings).closed;
  const badgeDays = open ? deadline.days : null;
  const sstuKey = `sstu:${period}`;
  if (open && enabled && shown[sstuKey] !== today) {
    const n = deadline.days;
    reminders.push({
      key: sstuKey,
      day: today,
      card: 'sstu',
      title: `ССТУ.РФ: ${plural(n, 'остался', 'осталось', 'осталось')} ${n} ${plural(n, 'день', 'дня', 'дней')}`,
      message: `Данные за ${periodTitle(period)} нужно передать в ССТУ.РФ до 5-го числа включительно; период ещё не закрыт. Когда передадите — закройте период в ПОС или отметьте его закрытым в Сверке.`,
    });
  }

  if (enabled) {
    const done = entries.filter((e) => e.status === 'done' && !isUnreadableEntry(e));
    const imports = done.filter((e) => e.kind === 'tor-knd-import-result').map((e) => e.report);
    for (const e of done) {
      if (e.kind !== 'erul-renumbering-result' || e.id === undefined) continue;
      if (now.getTime() - e.firstSeenAt < RENUMBERING_REMINDER_DAYS * DAY_MS) continue;
      const key = `renumbering:${e.id}`;
      if (shown[key]) continue; // one reminder per result, ever
      const waiting = buildLedger([e.report, ...imports])?.notImported ?? 0;
      if (!waiting) continue;
      reminders.push({
        key,
        day: today,
        card: 'renumbering',
        title: 'Переприсвоение: номера не загружены в ТОР КНД',
        message: `${waiting} ${plural(waiting, 'лицензия', 'лицензии', 'лицензий')} из ${quote(fileNameOf(e.fileName))} ${plural(waiting, 'переприсвоена', 'переприсвоены', 'переприсвоено')} в ЕРУЛ больше ${RENUMBERING_REMINDER_DAYS} дней назад, но результат не загружен в ТОР КНД. Загрузите его («Служебные задачи» → «Загрузка присвоенных номеров лицензий из ЕРУЛ»).`,
      });
    }
  }
  return { reminders, badgeDays };
}
