import { useLayoutEffect, useRef } from 'preact/hooks';
import type { RecentLine } from '../../lib/dashboard/recent-line';
import { paintRecent } from './recent-list';

/** The popup's recent checks in the Preact popup: painted by the same code as the first script's (recent-list.ts). */
export function RecentList({ lines }: { lines: readonly RecentLine[] }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => paintRecent(host.current!, lines), [lines]);
  return <div class="recent-section" ref={host} />;
}
