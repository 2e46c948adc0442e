/**
 * «Удалить все данные»: everything the extension stored, in every storage area — the journal database
 * itself (deleted, not emptied: LevelDB keeps deleted rows in its log until compaction), every other
 * IndexedDB database of ours, storage.local (settings with the profile, form drafts, checklist marks),
 * storage.session, and Cache Storage (files waiting for a check). Managed storage is the organisation's.
 */
import { browser } from 'wxt/browser';
import { journal } from './journal';
import { announceJournalReset } from '../components/journal-reset';

export const PURGED_MESSAGE =
  'Удалено всё, что хранило расширение: журнал проверок, черновики заявок, профиль организации, отметки чек-листов и настройки.';

export async function purgeEverything(): Promise<void> {
  // other pages and the worker close their connections on versionchange and reopen a fresh, empty journal
  await journal.delete({ disableAutoOpen: false });
  announceJournalReset();
  const others = (await indexedDB.databases?.()) ?? [];
  for (const db of others) {
    if (db.name) {
      await new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase(db.name!);
        req.onsuccess = req.onerror = req.onblocked = () => resolve();
      });
    }
  }
  await browser.storage.local.clear();
  await browser.storage.session?.clear();
  if (typeof caches !== 'undefined') for (const name of await caches.keys()) await caches.delete(name);
}
