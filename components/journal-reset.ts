/**
 * The journal database was deleted («Удалить все данные»): live queries on every open extension page (journal,
 * popup, checklists) would otherwise keep showing what was purged, since a deleted database fires no change.
 * One BroadcastChannel tells them to start over on the fresh, empty journal.
 */
const CHANNEL = 'sverka-journal-reset';

export function announceJournalReset(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('reset');
  channel.close();
}

export function onJournalReset(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
