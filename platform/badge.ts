import { browser } from 'wxt/browser';
import { needsActionCount } from '../lib/journal/store';
import { plural } from '../lib/plural';
import { journal } from './journal';

const DEADLINE_KEY = 'sstuDaysLeft';

/** The ССТУ.РФ window is open and the period not closed: its days left (null otherwise), kept for the badge. */
export async function setDeadlineDays(days: number | null): Promise<void> {
  await browser.storage.local.set({ [DEADLINE_KEY]: days });
}

async function deadlineDays(): Promise<number | null> {
  const v = (await browser.storage.local.get(DEADLINE_KEY))[DEADLINE_KEY];
  return typeof v === 'number' ? v : null;
}

/**
 * The toolbar badge: the days left to send ССТУ.РФ data while that window is open («3д»), else the count of
 * checks that need action (verdict error). The title says both.
 */
export async function refreshBadge(): Promise<number> {
  const [count, days] = await Promise.all([needsActionCount(journal), deadlineDays()]);
  // MV2 (Firefox) calls it browserAction
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ text: days !== null ? `${days}д` : count ? String(Math.min(count, 999)) : '' });
  await action.setBadgeBackgroundColor({ color: days !== null && days > 2 ? '#8d6e00' : '#c62828' });
  const parts = [
    ...(days !== null ? [`ССТУ.РФ: ${plural(days, 'остался', 'осталось', 'осталось')} ${days} ${plural(days, 'день', 'дня', 'дней')}`] : []),
    count ? `требуют действия — ${count}` : 'всё проверено, действий не требуется',
  ];
  await action.setTitle({ title: `Сверка: ${parts.join('; ')}` });
  return count;
}
