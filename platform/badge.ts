import { browser } from 'wxt/browser';
import { needsActionCount } from '../lib/journal/store';
import { journal } from './journal';

/** The toolbar badge counts checks that need action (verdict error). */
export async function refreshBadge(): Promise<number> {
  const count = await needsActionCount(journal);
  // MV2 (Firefox) calls it browserAction
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ text: count ? String(Math.min(count, 999)) : '' });
  await action.setBadgeBackgroundColor({ color: '#c62828' });
  await action.setTitle({
    title: count ? `Сверка: требуют действия — ${count}` : 'Сверка: всё проверено, действий не требуется',
  });
  return count;
}
