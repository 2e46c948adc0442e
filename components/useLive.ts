import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { onJournalReset } from './journal-reset';

/** Dexie liveQuery as a hook: re-renders when the journal changes in any context (worker, another page), and
 * starts over when the journal database was deleted by a purge. */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  const [generation, setGeneration] = useState(0);
  useEffect(() => onJournalReset(() => setGeneration((g) => g + 1)), []);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: () => undefined });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  return value;
}
