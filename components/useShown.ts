import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CheckEntry } from '../lib/journal/schema';
import { asShown, HEARTBEAT_EVERY_MS, isStale } from '../lib/journal/heartbeat';

const told = new Set<number>();

/**
 * Checks as the official should see them now: a running check whose runner stopped beating reads
 * «Проверка прервалась» at once, without waiting for the worker to mark it (the worker is told, so it
 * settles the entry — resumes or marks it — now rather than at its next alarm). Re-reads the clock every few
 * seconds while something is running.
 */
export function useShown<E extends CheckEntry>(entries: E[] | undefined): E[] | undefined {
  const [now, setNow] = useState(() => Date.now());
  const running = entries?.some((e) => e.status === 'running') ?? false;
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), HEARTBEAT_EVERY_MS);
    return () => clearInterval(timer);
  }, [running, entries]);
  useEffect(() => {
    const stale = entries?.filter((e) => e.id !== undefined && !told.has(e.id) && isStale(e, now)) ?? [];
    if (!stale.length) return;
    stale.forEach((e) => told.add(e.id!));
    void browser.runtime.sendMessage({ type: 'journal-changed' }).catch(() => undefined);
  }, [entries, now]);
  return entries?.map((e) => asShown(e, now));
}
