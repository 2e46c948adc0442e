/**
 * Reminders in the browser: an alarm runs the pure decision (lib/reminders.ts) over the journal, records
 * what it shows in storage BEFORE showing it (a worker restart never repeats a reminder on the same day),
 * creates the notification with an «Открыть» button, and keeps the ССТУ.РФ days left on the badge.
 */
import { browser } from 'wxt/browser';
import { entriesOfKinds } from '../lib/journal/queries';
import { dashboardLimit } from '../lib/dashboard';
import { RENUMBERING_KINDS } from '../lib/renumbering/ledger';
import { SSTU_KINDS } from '../lib/dashboard/sstu';
import { dueReminders, type Reminder } from '../lib/reminders';
import type { CardId } from '../lib/dashboard/types';
import { isGecko } from '../lib/gecko';
import { loadSettings } from './settings';
import { journal } from './journal';
import { refreshBadge, setDeadlineDays } from './badge';

export const REMINDER_ALARM = 'reminders';
const SHOWN_KEY = 'remindersShown';
const NOTIFICATION_PREFIX = 'sverka-reminder:';

/** The clock reminders read; tests of the built extension replace it (test build only). */
export const reminderClock = { now: () => Date.now() };

export async function scheduleReminders(): Promise<void> {
  await browser.alarms.create(REMINDER_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
}

let running: Promise<Reminder[]> = Promise.resolve([]);

/** One run at a time: an alarm and a start-up landing together must not both show the day's reminder. */
export function runReminders(nowMs: number = reminderClock.now()): Promise<Reminder[]> {
  running = running.catch(() => []).then(() => runOnce(nowMs));
  return running;
}

async function runOnce(nowMs: number): Promise<Reminder[]> {
  const settings = await loadSettings();
  const entries = await entriesOfKinds(journal, [...SSTU_KINDS, ...RENUMBERING_KINDS], dashboardLimit);
  const stored = (await browser.storage.local.get(SHOWN_KEY))[SHOWN_KEY];
  const shown = stored && typeof stored === 'object' ? (stored as Record<string, string>) : {};
  const { reminders, badgeDays } = dueReminders({ now: new Date(nowMs), entries, settings, enabled: settings.reminders, shown });
  await setDeadlineDays(badgeDays);
  await refreshBadge();
  if (!reminders.length) return [];
  await browser.storage.local.set({ [SHOWN_KEY]: { ...shown, ...Object.fromEntries(reminders.map((r) => [r.key, r.day])) } });
  for (const r of reminders) {
    const options = {
      type: 'basic' as const,
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: r.title,
      message: r.message,
      // Firefox has no notification buttons: a click on the notification itself opens the card there
      ...(isFirefox() ? {} : { buttons: [{ title: 'Открыть' }] }),
    };
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${r.card}:${r.key}:${r.day}`, options).catch(() => undefined);
  }
  return reminders;
}

function isFirefox(): boolean {
  return typeof navigator !== 'undefined' && isGecko(navigator.userAgent);
}

function cardOf(notificationId: string): CardId | null {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return null;
  const card = notificationId.slice(NOTIFICATION_PREFIX.length).split(':')[0];
  return card === 'sstu' || card === 'renumbering' || card === 'egisso' ? card : null;
}

/** «Открыть» (or a click on the notification): the popup with its cards, else the same page in a tab. */
async function openCard(notificationId: string): Promise<void> {
  const card = cardOf(notificationId);
  if (!card) return;
  await browser.notifications.clear(notificationId).catch(() => undefined);
  const action = browser.action as (typeof browser.action & { openPopup?: () => Promise<void> }) | undefined;
  try {
    if (action?.openPopup) return await action.openPopup();
  } catch {
    // no focused window: fall through to a tab
  }
  await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html#card-${card}` as '/popup.html') });
}

export function listenForReminderClicks(): void {
  browser.notifications.onButtonClicked?.addListener((id) => void openCard(id));
  browser.notifications.onClicked.addListener((id) => void openCard(id));
}
