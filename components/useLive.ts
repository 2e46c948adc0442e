import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

/** Dexie liveQuery as a hook: re-renders when the journal changes in any context (worker, another page). */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: () => undefined });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
